import { describe, expect, it } from 'vitest';
import type { MeterHealth } from '../../models/health';
import { healthBadges, healthCounts } from './healthView';

function health(overrides: Partial<MeterHealth> = {}): MeterHealth {
  return {
    meterId: 'M3-office-f3',
    lastReadingMs: Date.parse('2026-03-01T10:00:00+08:00'),
    silent: false,
    stuck: false,
    rollovers: 1,
    rebases: 2,
    glitches: 3,
    estimatedGaps: 4,
    quarantined: 5,
    ...overrides,
  };
}

describe('health view', () => {
  it('shows one OK badge for a healthy meter', () => {
    expect(healthBadges(health()).map((b) => [b.key, b.tone])).toEqual([['health.ok', 'ok']]);
  });

  it('shows silent and stuck as warnings', () => {
    expect(healthBadges(health({ silent: true, stuck: true })).map((b) => b.key)).toEqual([
      'health.silent',
      'health.stuck',
    ]);
  });

  it('lists the counts that are not zero, in a fixed order', () => {
    expect(healthCounts(health({ rollovers: 0, glitches: 0 })).map((c) => c.key)).toEqual([
      'health.quarantined',
      'health.rebases',
      'health.estimatedGaps',
    ]);
    expect(
      healthCounts(
        health({ quarantined: 0, rollovers: 0, rebases: 0, glitches: 0, estimatedGaps: 0 }),
      ),
    ).toEqual([]);
  });

  it('lists all five counts when each is set', () => {
    expect(healthCounts(health()).map((c) => [c.key, c.count])).toEqual([
      ['health.quarantined', 5],
      ['health.rollovers', 1],
      ['health.rebases', 2],
      ['health.glitches', 3],
      ['health.estimatedGaps', 4],
    ]);
  });
});
