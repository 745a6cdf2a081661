import type { KpiTile, LobbyKpis } from '../../models/lobby';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { tileText } from './lobbyFormat';

/** The big KPI tiles; `current` false greys them and says the figures are not current. */
export function LobbyTiles({
  tiles,
  kpis,
  current,
}: {
  readonly tiles: readonly KpiTile[];
  readonly kpis: LobbyKpis;
  readonly current: boolean;
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <div className={current ? 'lobby-tiles' : 'lobby-tiles stale'} data-testid="lobby-tiles">
      {tiles.map((tile) => {
        const text = tileText(tile, kpis, t, lang);
        return (
          <div
            key={tile}
            className={text.warn ? 'lobby-tile warn' : 'lobby-tile'}
            data-testid={`lobby-tile-${tile}`}
          >
            <div className="lobby-tile-label">{text.label}</div>
            <div className="lobby-tile-value">
              {text.value}
              <span className="lobby-tile-unit">{text.unit}</span>
            </div>
            {text.detail && <div className="lobby-tile-detail">{text.detail}</div>}
          </div>
        );
      })}
    </div>
  );
}
