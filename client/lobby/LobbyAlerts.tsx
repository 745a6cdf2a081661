import type { LobbyAlert } from '../../models/lobby';
import { formatWallMinute } from '../format/zonedTime';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { formatAmount } from './lobbyFormat';

/** Open leak alerts in plain words, or a line saying there are none. */
export function LobbyAlerts({
  alerts,
  timeZone,
}: {
  readonly alerts: readonly LobbyAlert[];
  readonly timeZone: string;
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <section className="lobby-alerts" data-testid="lobby-alerts" data-count={alerts.length}>
      <h2>{t('lobby.alerts.title')}</h2>
      {alerts.length === 0 && <p className="lobby-alerts-none">{t('lobby.alerts.none')}</p>}
      <ul>
        {alerts.slice(0, 3).map((a) => (
          <li key={`${a.openedMs}-${a.where.en}`} className={a.acknowledged ? 'ack' : 'open'}>
            {a.acknowledged
              ? t('lobby.alerts.ack', { where: a.where[lang] })
              : t(a.lossM3PerDay < 1 ? 'lobby.alerts.openL' : 'lobby.alerts.open', {
                  where: a.where[lang],
                  // Under a cubic metre a day in litres, so a small leak never reads 0.0.
                  loss:
                    a.lossM3PerDay < 1
                      ? formatAmount(a.lossM3PerDay * 1000, 0)
                      : formatAmount(a.lossM3PerDay, 1),
                  since: formatWallMinute(a.openedMs, timeZone),
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}
