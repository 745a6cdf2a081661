import type { MeterHealth } from '../../models/health';
import type { MessageKey } from '../i18n/index';

/** What the meter panel shows of a meter's health. Pure, so it is tested without a DOM. */

/** A state badge: `warn` for a meter that needs a look, `ok` otherwise. */
export interface HealthBadge {
  readonly key: MessageKey;
  readonly titleKey: MessageKey;
  readonly tone: 'ok' | 'warn';
}

/** Silent and stuck badges, or one "OK" badge when neither applies. */
export function healthBadges(health: MeterHealth): HealthBadge[] {
  const badges: HealthBadge[] = [];
  if (health.silent)
    badges.push({ key: 'health.silent', titleKey: 'health.silentTitle', tone: 'warn' });
  if (health.stuck)
    badges.push({ key: 'health.stuck', titleKey: 'health.stuckTitle', tone: 'warn' });
  if (badges.length === 0)
    badges.push({ key: 'health.ok', titleKey: 'health.okTitle', tone: 'ok' });
  return badges;
}

/** A count of events the engine booked or held back for this meter. */
export interface HealthCount {
  readonly key: MessageKey;
  readonly titleKey: MessageKey;
  readonly count: number;
}

/**
 * The counts that are not zero, in a fixed order (quarantined, rollovers, rebases, glitches,
 * estimated gaps); a meter with none shows only its badges, which keeps the line to one row.
 */
export function healthCounts(health: MeterHealth): HealthCount[] {
  const all: HealthCount[] = [
    { key: 'health.quarantined', titleKey: 'health.quarantinedTitle', count: health.quarantined },
    { key: 'health.rollovers', titleKey: 'health.rolloversTitle', count: health.rollovers },
    { key: 'health.rebases', titleKey: 'health.rebasesTitle', count: health.rebases },
    { key: 'health.glitches', titleKey: 'health.glitchesTitle', count: health.glitches },
    {
      key: 'health.estimatedGaps',
      titleKey: 'health.estimatedGapsTitle',
      count: health.estimatedGaps,
    },
  ];
  return all.filter((c) => c.count > 0);
}
