import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { siteIndex } from '../state/siteIndex';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';

/** The name of the room under the pointer, next to the pointer. */
export function RoomTooltip() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const hovered = useUi((s) => s.hoveredRoom);
  const site = useLive((s) => s.site);
  const entry = hovered && site ? siteIndex(site).rooms.get(hovered.roomId) : undefined;
  if (!hovered || !entry) return null;
  const storey = t('floor.option', {
    building: localName(entry.building.name, lang),
    floor: localName(entry.floor.name, lang),
  });

  return (
    <div
      className="room-tooltip"
      data-testid={testIds.roomTooltip}
      data-room-id={entry.room.id}
      style={{ left: hovered.x + 14, top: hovered.y + 14 }}
    >
      <div className="room-tooltip-name">{localName(entry.room.name, lang)}</div>
      <div className="muted">
        {storey} · {t(`roomFn.${entry.room.function}`)}
      </div>
    </div>
  );
}
