import { useEffect } from 'react';
import type { LobbyView } from '../../models/lobby';
import { LOCALE } from '../i18n/index';
import { useT } from '../i18n/useT';
import { TwinCanvas } from '../scene/TwinCanvas';
import { coversEdge } from '../scene/viewArea';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { DataStatus } from './DataStatus';
import { LobbyAlerts } from './LobbyAlerts';
import { LobbyTiles } from './LobbyTiles';
import { LobbyTour } from './LobbyTour';
import { RecoveryBoundary } from './RecoveryBoundary';
import { SloganTicker } from './SloganTicker';
import { useFeed } from './useFeed';
import { usePortrait } from './usePortrait';

/** The slogans of the interface language; Chinese when none were written in English. */
export function slogansFor(
  slogans: { readonly zh: readonly string[]; readonly en: readonly string[] },
  lang: 'zh' | 'en',
): readonly string[] {
  return lang === 'en' && slogans.en.length > 0 ? slogans.en : slogans.zh;
}

/**
 * The lobby display (`/lobby`): the building in 3D on a slow tour, big figures, open leak
 * alerts, the time of the data and the slogans. No controls, no cursor, no sign-in; it
 * reconnects, reloads for a new build and says when its figures are not current.
 */
export function LobbyApp() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const timeZone = useLive((s) => s.site?.timeZone ?? 'Asia/Shanghai');
  const feed = useFeed<LobbyView>('/api/v1/lobby');
  const view = feed.view;
  // Figures are current only while both the poll and the realtime link are.
  const live = useLive((s) => s.connection === 'live');
  const current = feed.current && live;
  const portrait = usePortrait();

  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
    document.title = t('lobby.title');
    document.body.classList.add('kiosk');
  }, [lang, t]);

  return (
    <RecoveryBoundary message={t('lobby.recovering')}>
      <div className="lobby" data-testid="lobby" data-current={current}>
        <TwinCanvas kiosk />
        <header className="lobby-header" {...coversEdge('top')}>
          <div className="brand-mark" aria-hidden="true" />
          <h1>{t('lobby.title')}</h1>
          <DataStatus
            latestDataMs={view?.latestDataMs ?? null}
            current={current}
            timeZone={timeZone}
          />
        </header>
        {view ? (
          <aside className="lobby-side" {...coversEdge(portrait ? 'bottom' : 'right')}>
            <LobbyTiles tiles={view.tiles} kpis={view.kpis} current={current} />
            <LobbyAlerts alerts={view.alerts} timeZone={timeZone} />
          </aside>
        ) : (
          <div className="lobby-loading">{t('lobby.loading')}</div>
        )}
        {view && <LobbyTour stops={view.tour} />}
        <footer {...coversEdge('bottom')}>
          <SloganTicker slogans={view ? slogansFor(view.slogans, lang) : []} />
        </footer>
      </div>
    </RecoveryBoundary>
  );
}
