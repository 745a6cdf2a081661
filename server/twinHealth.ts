import type { MeterHealth } from '../models/health';
import { registerStateOf } from './engine/dispatch';
import { registerHealth } from './registerEvents';
import { HOUR_MS, type TwinCore } from './twinCore';

/** Outcomes that hold a reading back for an engineer. */
export const QUARANTINE_REASONS = [
  'unit_mismatch',
  'suspect_jump',
  'suspect_decrease',
  'conflict',
  'late',
  'out_of_range',
  'future',
];

/** Health of every meter from what the store holds, at the twin's current time. */
export function meterHealth(core: TwinCore, stuckAfterMs = 72 * HOUR_MS): MeterHealth[] {
  const counts = core.store.healthCounts();
  const nowMs = core.lastMs;
  return core.meters.map((m, i) => {
    const c = counts.get(m.id);
    const lastTs = c?.lastTs ?? null;
    const quarantined = QUARANTINE_REASONS.reduce((n, r) => n + (c?.outcomes[r] ?? 0), 0);
    const lastUse = c?.lastUseMs ?? null;
    return {
      meterId: m.id,
      lastReadingMs: lastTs,
      silent: nowMs !== null && (lastTs === null || nowMs - lastTs > core.profiles[i]!.gapMs),
      // Stuck: readings keep coming but the register stopped moving (a meter that never
      // moved at all has no use to compare with, and is not called stuck).
      stuck: lastTs !== null && lastUse !== null && lastTs - lastUse >= stuckAfterMs,
      rollovers: c?.flags.rollover ?? 0,
      rebases: c?.flags.after_rebase ?? 0,
      glitches: c?.flags.glitch_decrease ?? 0,
      estimatedGaps: c?.flags.estimated_gap ?? 0,
      quarantined,
      ...registerHealth(registerStateOf(core.engine.get(m.id) ?? null), c?.flags),
    };
  });
}
