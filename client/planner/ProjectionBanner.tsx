import { useT } from '../i18n/useT';
import { useProjection } from '../state/projectionStore';
import { testIds } from '../testIds';
import { plannerStore, usePlanner } from './plannerStore';

/** Over the 3D view while a projection is drawn: says it is not a measurement. */
export function ProjectionBanner() {
  const t = useT();
  const name = useProjection((s) => (s.flows ? s.scenarioName : null));
  const month = usePlanner((s) => s.month);
  if (name === null) return null;
  return (
    <div className="projection-banner" role="status" data-testid={testIds.projectionBanner}>
      <span className="projection-swatch" aria-hidden="true" />
      {t('planner.banner', { name, month })}
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
