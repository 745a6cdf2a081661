import { formatWallMinute } from '../format/zonedTime';
import { useT } from '../i18n/useT';
import { useLive, useThrottledLive } from '../state/useLive';
import { testIds } from '../testIds';
import { healthBadges, healthCounts } from './healthView';
import { useMeterHealth } from './useMeterHealth';

/**
 * The selected meter's health in one compact line: last reading (building time, as of the
 * latest tick), silent and
 * stuck badges, and the counts (when not zero) of quarantined readings, rollovers, rebases,
 * glitches and estimated gaps.
 */
export function MeterHealthLine({
  meterId,
  timeZone,
}: {
  readonly meterId: string;
  readonly timeZone: string;
}) {
  const t = useT();
  const health = useMeterHealth(meterId);
  // The last reading follows the live ticks; the health answer only fills in before the first.
  const index = useLive((s) => s.index?.meterIndex.get(meterId) ?? null);
  const liveLastMs = useThrottledLive((s) =>
    index === null ? null : (s.tick?.meterLastReadingMs[index] ?? null),
  );
  if (!health) return null;
  const lastReadingMs = liveLastMs ?? health.lastReadingMs;

  return (
    <div
      className="meter-health"
      data-testid={testIds.meterHealth}
      data-silent={health.silent}
      data-stuck={health.stuck}
    >
      <span className="health-last">
        {t('health.lastReading')}{' '}
        {lastReadingMs === null ? t('health.never') : formatWallMinute(lastReadingMs, timeZone)}
      </span>
      {healthBadges(health).map((badge) => (
        <span key={badge.key} className={`health-badge ${badge.tone}`} title={t(badge.titleKey)}>
          {t(badge.key)}
        </span>
      ))}
      {healthCounts(health).map((c) => (
        <span key={c.key} className="health-count" title={t(c.titleKey)}>
          {t(c.key)} <b>{c.count}</b>
        </span>
      ))}
    </div>
  );
}
