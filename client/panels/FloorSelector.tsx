import type { Building } from '../../models/site';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { type FloorFilter, uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { shortBuildingName } from './floorView';

interface GroupProps {
  readonly building: Building;
  readonly current: FloorFilter;
  /** Whether to head the group with the building's name (more than one building). */
  readonly headed: boolean;
}

/** One building's storeys, top first, as short chips; the full name is in the tooltip. */
function BuildingFloors({ building, current, headed }: GroupProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const buildingName = localName(building.name, lang);
  const floors = [...building.floors].sort((a, b) => b.elevationM - a.elevationM);

  return (
    <div className="floor-group" data-building-id={building.id}>
      {headed && (
        <div className="floor-building" title={buildingName}>
          {shortBuildingName(buildingName)}
        </div>
      )}
      <div className="floor-chips">
        {floors.map((floor) => {
          const active = current?.buildingId === building.id && current.floorId === floor.id;
          const floorName = localName(floor.name, lang);
          const full = t('floor.option', { building: buildingName, floor: floorName });
          return (
            <button
              key={floor.id}
              type="button"
              className={active ? 'chip floor-chip active' : 'chip floor-chip'}
              aria-pressed={active}
              aria-label={full}
              title={full}
              data-testid={testIds.floorOption(floor.id)}
              onClick={() =>
                uiStore.getState().setFloor({ buildingId: building.id, floorId: floor.id })
              }
            >
              {floorName}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/**
 * All floors, or one storey alone (the others, with their pipes and meters, are hidden), grouped
 * by building so the list stays short; it scrolls if the window is too low for it.
 */
export function FloorSelector() {
  const t = useT();
  const current = useUi((s) => s.floor);
  const buildings = useLive((s) => s.site?.buildings ?? null);
  if (!buildings) return null;

  return (
    <fieldset className="floor-selector panel" data-testid={testIds.floorSelector}>
      <legend className="panel-title">{t('floor.label')}</legend>
      <button
        type="button"
        className={current === null ? 'chip active' : 'chip'}
        aria-pressed={current === null}
        data-testid={testIds.floorOptionAll}
        onClick={() => uiStore.getState().setFloor(null)}
      >
        {t('floor.all')}
      </button>
      {buildings.map((building) => (
        <BuildingFloors
          key={building.id}
          building={building}
          current={current}
          headed={buildings.length > 1}
        />
      ))}
    </fieldset>
  );
}
