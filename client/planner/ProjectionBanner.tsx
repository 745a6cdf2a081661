import { useEffect } from 'react';
import { monthName } from '../format/units';
import { useT } from '../i18n/useT';
import { projectionStore, useProjection } from '../state/projectionStore';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import { plannerStore, usePlanner } from './plannerStore';

/** One hour of the replayed typical day per this many ms of wall time. */
export const REPLAY_HOUR_MS = 1000;

/** "08:00" for hour 8. */
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Over the 3D view while a projection is drawn: says it is not a measurement, and replays
 * the typical day hour by hour, looping, while playing.
 */
export function ProjectionBanner() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const name = useProjection((s) => (s.flows ? s.scenarioName : null));
  const hour = useProjection((s) => s.hour);
  const playing = useProjection((s) => s.playing);
  const month = usePlanner((s) => s.month);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const { hour: now, setHour } = projectionStore.getState();
      setHour(((now ?? -1) + 1) % 24);
    }, REPLAY_HOUR_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  if (name === null) return null;
  const toggle = () => {
    const { hour: now, setHour, setPlaying } = projectionStore.getState();
    if (!playing && now === null) setHour(0);
    setPlaying(!playing);
  };
  return (
    <div className="projection-banner" role="status" data-testid={testIds.projectionBanner}>
      <span className="projection-swatch" aria-hidden="true" />
      {t('planner.banner', { name, monthName: monthName(lang, month) })}
      <span className="projection-hour" data-testid={testIds.projectionHour} data-hour={hour ?? ''}>
        {hour === null
          ? t('planner.replayDayMean')
          : t('planner.replayHour', { hour: clock(hour) })}
      </span>
      <button
        type="button"
        className="chip"
        data-testid={testIds.projectionPlay}
        data-playing={playing}
        aria-pressed={playing}
        onClick={toggle}
      >
        {playing ? `❚❚ ${t('planner.replayPause')}` : `▶ ${t('planner.replayPlay')}`}
      </button>
      {!playing && hour !== null && (
        <button
          type="button"
          className="chip"
          onClick={() => projectionStore.getState().setHour(null)}
        >
          {t('planner.replayDayMean')}
        </button>
      )}
      <button
        type="button"
        className="chip"
        onClick={() => plannerStore.getState().setOnTwin(false)}
      >
        {t('planner.bannerOff')}
      </button>
    </div>
  );
}
