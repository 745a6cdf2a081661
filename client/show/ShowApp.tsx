import { useEffect, useState } from 'react';
import type { ShowView } from '../../models/lobby';
import { LOCALE } from '../i18n/index';
import { useT } from '../i18n/useT';
import { LobbyTiles } from '../lobby/LobbyTiles';
import { goToStop } from '../lobby/LobbyTour';
import { RecoveryBoundary } from '../lobby/RecoveryBoundary';
import { useFeed } from '../lobby/useFeed';
import { TwinCanvas } from '../scene/TwinCanvas';
import { coversEdge } from '../scene/viewArea';
import { alertStore } from '../state/alertStore';
import { liveStore } from '../state/liveStore';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { StepBody } from './ShowSteps';
import { overlayLeak, simulatedAlert } from './simulatedLeak';

/**
 * The publicity show (`/show`): the scripted steps in a loop over the 3D twin. The leak step
 * is a simulation drawn only in this page; nothing is written to the server.
 */
export function ShowApp() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const { view, current } = useFeed<ShowView>('/api/v1/show');
  const live = useLive((s) => s.connection === 'live');
  const [index, setIndex] = useState(0);
  const steps = view?.show.steps ?? [];
  const step = steps[index % Math.max(1, steps.length)];

  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
    document.title = t('show.title');
    document.body.classList.add('kiosk');
  }, [lang, t]);

  // Each step for its seconds, then the next, round and round. Keyed by content: the page
  // polls its view every few seconds, and a new answer must not restart the step's timer.
  const stepsKey = JSON.stringify(steps);
  const stepKey = JSON.stringify(step ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `step` is read through `stepKey`
  useEffect(() => {
    if (!step) return;
    const timer = setTimeout(() => setIndex((i) => (i + 1) % steps.length), step.seconds * 1000);
    return () => clearTimeout(timer);
  }, [index, stepsKey]);

  // The camera and the simulated leak follow the step.
  const leakMeterId = view?.show.leakMeterId;
  const leakPipes = view?.leakPipeIds;
  const leakKey = JSON.stringify(leakPipes ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read through their keys
  useEffect(() => {
    if (!step || leakMeterId === undefined || !leakPipes) return;
    if (step.kind === 'leak') {
      goToStop({ kind: 'meter', meterId: leakMeterId, seconds: step.seconds });
      const nowMs = liveStore.getState().tick?.tsMs ?? 0;
      return overlayLeak(alertStore, simulatedAlert(leakMeterId, leakPipes, nowMs));
    }
    goToStop({ kind: 'overview', seconds: step.seconds });
    return undefined;
  }, [stepKey, index, leakMeterId, leakKey]);

  return (
    <RecoveryBoundary message={t('lobby.recovering')}>
      <div className="show" data-testid="show" data-step={step?.kind ?? ''}>
        <TwinCanvas kiosk />
        <header className="lobby-header" {...coversEdge('top')}>
          <div className="brand-mark" aria-hidden="true" />
          <h1>{t('show.title')}</h1>
        </header>
        {view && step && (
          <aside className="show-card" {...coversEdge('right')}>
            <h2>{t(`show.step.${step.kind}`)}</h2>
            <StepBody kind={step.kind} view={view} />
            {step.kind === 'flows' && (
              <LobbyTiles tiles={['today', 'month']} kpis={view.kpis} current={current && live} />
            )}
          </aside>
        )}
      </div>
    </RecoveryBoundary>
  );
}
