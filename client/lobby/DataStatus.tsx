import { formatWallMinute } from '../format/zonedTime';
import { useT } from '../i18n/useT';
import { useLive } from '../state/useLive';

/**
 * The time of the latest data, or, when it is not current, a plain line saying so with the
 * time the figures on screen are from; while the link is down, that it is reconnecting.
 */
export function DataStatus({
  latestDataMs,
  current,
  timeZone,
}: {
  readonly latestDataMs: number | null;
  readonly current: boolean;
  readonly timeZone: string;
}) {
  const t = useT();
  const connection = useLive((s) => s.connection);
  const time = latestDataMs === null ? null : formatWallMinute(latestDataMs, timeZone);
  const text = current
    ? t('lobby.dataTime', { time: time ?? '—' })
    : time === null
      ? t('lobby.staleNoData')
      : t('lobby.stale', { time });
  return (
    <div
      className={current ? 'lobby-status' : 'lobby-status stale'}
      data-testid="lobby-status"
      data-current={current}
      data-connection={connection}
    >
      <span>{text}</span>
      {connection !== 'live' && (
        <span className="lobby-reconnecting">{t('lobby.reconnecting')}</span>
      )}
    </div>
  );
}
