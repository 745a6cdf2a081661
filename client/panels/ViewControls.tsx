import { useT } from '../i18n/useT';
import { coversEdge } from '../scene/viewArea';
import { uiStore } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { FloorSelector } from './FloorSelector';

/**
 * The right-hand column: 全景 (back to the whole-site view, whatever the camera did) above the
 * floor selector. The column covers the right edge of the 3D view.
 */
export function ViewControls() {
  const t = useT();
  const site = useLive((s) => s.site);
  if (!site) return null;

  return (
    <div className="view-controls" {...coversEdge('right')}>
      <button
        type="button"
        className="chip reset-view"
        data-testid={testIds.resetView}
        title={t('view.overviewTitle')}
        onClick={() => uiStore.getState().resetView()}
      >
        <span className="reset-view-icon" aria-hidden="true">
          ⌂
        </span>
        {t('view.overview')}
      </button>
      <FloorSelector />
    </div>
  );
}
