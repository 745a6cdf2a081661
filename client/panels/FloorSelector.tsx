import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';

/** All floors, or one storey alone (the others, with their pipes and meters, are hidden). */
export function FloorSelector() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const current = useUi((s) => s.floor);
  const buildings = useLive((s) => s.site?.buildings ?? null);
  if (!buildings) return null;
  const many = buildings.length > 1;

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
      {buildings.flatMap((building) =>
        [...building.floors]
          .sort((a, b) => b.elevationM - a.elevationM)
          .map((floor) => {
            const active = current?.buildingId === building.id && current.floorId === floor.id;
            const name = localName(floor.name, lang);
            return (
              <button
                key={`${building.id}/${floor.id}`}
                type="button"
                className={active ? 'chip active' : 'chip'}
                aria-pressed={active}
                data-testid={testIds.floorOption(floor.id)}
                onClick={() =>
                  uiStore.getState().setFloor({ buildingId: building.id, floorId: floor.id })
                }
              >
                {many ? `${localName(building.name, lang)} · ${name}` : name}
              </button>
            );
          }),
      )}
    </fieldset>
  );
}
