import type { MeterTree } from '../models/meterTree';
import { isPotable, type Site } from '../models/site';
import { createLocalDays, type LocalDays } from './calendar';
import { type DemandParameters, resolveDemandParameters } from './demandParameters';
import {
  BUCKET_MS,
  buildFixtureRates,
  type FixtureRate,
  type FlowRate,
  type RunRate,
  type UsesRate,
} from './demandRates';
import { streamId, uniformAt } from './random';

/**
 * The stochastic water demand of a site: litres drawn by each fixture over any time range.
 *
 * Stateless and chunking-independent. Time is cut into fixed epoch-aligned slots per fixture
 * (60 s for flushes and hand washing, 300 s for showers, 900 s for washing-machine cycles); a
 * slot's volume depends only on (seed, fixture id, slot index), drawn from a counter-based
 * hash, so the volume over [a, c) equals [a, b) + [b, c) for every b, on every machine and
 * after every restart. A range that cuts a slot gets the slot's volume pro rata.
 *
 * In each slot a fixture makes a Poisson number of uses around its expected rate (see
 * `demandRates.ts`); cooling make-up flows around its hourly level; irrigation stations run
 * on a fixed morning schedule. Days are cut in the site's time zone and follow the
 * mainland-China working calendar.
 */

export interface DemandOptions {
  seed: number;
  /** Constant background leak on the level-1 meter's own area, L/s. */
  backgroundLeakLps: number;
  /** Replacements for the defaults of `DEMAND_PARAMETERS` (unconfirmed values are settings). */
  parameters?: Partial<DemandParameters>;
}

export interface DemandModel {
  /**
   * Simulated volume drawn by the fixtures in meter `meterId`'s OWN metering area (not its
   * child meters'), over [fromMs, toMs), litres.
   */
  areaVolumeL(meterId: string, fromMs: number, toMs: number): number;
  /** Per-fixture volume over [fromMs, toMs), litres (for drawing flows). */
  fixtureVolumeL(fixtureId: string, fromMs: number, toMs: number): number;
  /** The expected (mean) value of `fixtureVolumeL` over [fromMs, toMs), litres. */
  expectedFixtureVolumeL(fixtureId: string, fromMs: number, toMs: number): number;
  /** The expected (mean) value of `areaVolumeL`, litres. */
  expectedAreaVolumeL(meterId: string, fromMs: number, toMs: number): number;
  /** The expected-demand table behind the draws, by fixture id. */
  readonly rates: ReadonlyMap<string, FixtureRate>;
}

/** A slotted rate with its random streams (`dayStream` is used by flows only). */
interface SlotSampler {
  readonly kind: 'slots';
  readonly rate: UsesRate | FlowRate;
  readonly stream: number;
  readonly dayStream: number;
}
type Sampler = SlotSampler | { readonly kind: 'run'; readonly rate: RunRate };

const POISSON_MAX_USES = 1000;

export function createDemandModel(
  site: Site,
  tree: MeterTree,
  options: DemandOptions,
): DemandModel {
  // Step 1: the expected-demand table and a random stream per fixture.
  const parameters = resolveDemandParameters(options.parameters);
  const rates = buildFixtureRates(site, parameters);
  const samplers = new Map<string, Sampler>();
  for (const [fixtureId, rate] of rates) {
    if (rate.kind === 'run') {
      samplers.set(fixtureId, { kind: 'run', rate });
    } else {
      const stream = streamId(options.seed, fixtureId);
      const dayStream = streamId(options.seed, `${fixtureId}/day`);
      samplers.set(fixtureId, { kind: 'slots', rate, stream, dayStream });
    }
  }

  // Step 2: each meter's own fixtures, and where the background leak sits.
  const areaSamplers = new Map<string, Sampler[]>();
  for (const meter of site.meters) {
    const ids = tree.areaFixtures.get(meter.id) ?? [];
    areaSamplers.set(
      meter.id,
      ids.map((id) => samplers.get(id)!),
    );
  }
  // The background leak is on the potable main, never on a greywater or rain supply.
  const potableMain = (id: string) => {
    const meter = site.meters.find((m) => m.id === id);
    return meter !== undefined && meter.level === 1 && isPotable(meter);
  };
  const leakMeterId =
    tree.order.find(potableMain) ?? tree.order.find((id) => tree.parentOf.get(id) === null) ?? null;
  const leakLps = options.backgroundLeakLps;

  // Step 3: the volume of one sampler over a range, drawn or expected.
  const days = createLocalDays(site.timeZone);
  const volumeOf = (sampler: Sampler, fromMs: number, toMs: number, expected: boolean) =>
    sampler.kind === 'run'
      ? runVolumeL(sampler.rate, days, fromMs, toMs)
      : slotVolumeL(sampler, days, fromMs, toMs, expected);
  const areaVolume = (meterId: string, fromMs: number, toMs: number, expected: boolean) => {
    checkRange(fromMs, toMs);
    const own = areaSamplers.get(meterId);
    if (!own) throw new Error(`demand: unknown meter "${meterId}"`);
    let totalL = meterId === leakMeterId ? (leakLps * (toMs - fromMs)) / 1000 : 0;
    for (const sampler of own) totalL += volumeOf(sampler, fromMs, toMs, expected);
    return totalL;
  };
  const fixtureVolume = (fixtureId: string, fromMs: number, toMs: number, expected: boolean) => {
    checkRange(fromMs, toMs);
    const sampler = samplers.get(fixtureId);
    if (!sampler) throw new Error(`demand: unknown fixture "${fixtureId}"`);
    return volumeOf(sampler, fromMs, toMs, expected);
  };

  return {
    areaVolumeL: (meterId, fromMs, toMs) => areaVolume(meterId, fromMs, toMs, false),
    fixtureVolumeL: (fixtureId, fromMs, toMs) => fixtureVolume(fixtureId, fromMs, toMs, false),
    expectedFixtureVolumeL: (fixtureId, fromMs, toMs) =>
      fixtureVolume(fixtureId, fromMs, toMs, true),
    expectedAreaVolumeL: (meterId, fromMs, toMs) => areaVolume(meterId, fromMs, toMs, true),
    rates,
  };
}

function checkRange(fromMs: number, toMs: number): void {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new RangeError(`demand: bad range [${fromMs}, ${toMs})`);
  }
}

/**
 * Volume of a slotted sampler over [fromMs, toMs): each slot's draw (or mean) depends only on
 * the slot, and slots the range cuts count pro rata. Slots of empty buckets are skipped a
 * bucket at a time. Written as one flat loop: it runs for every fixture on every tick.
 */
function slotVolumeL(
  sampler: SlotSampler,
  days: LocalDays,
  fromMs: number,
  toMs: number,
  expected: boolean,
): number {
  const { rate, stream, dayStream } = sampler;
  const { slotMs, bucketL } = rate;
  const flow = rate.kind === 'flow' ? rate : null;
  const volumePerUseL = rate.kind === 'uses' ? rate.volumePerUseL : 0;
  const slotsPerBucket = BUCKET_MS / slotMs;
  const lastSlot = Math.ceil(toMs / slotMs) - 1;
  let slot = Math.floor(fromMs / slotMs);
  let day = days.dayAt(slot * slotMs);
  let totalL = 0;
  // Per-bucket and per-day values, recomputed only when they change.
  let lastMeanL = -1;
  let lambda = 0;
  let expMinusLambda = 1;
  let lastOrdinal = Number.NaN;
  let dayFactor = 1;

  while (slot <= lastSlot) {
    // Step 1: the slot's day, bucket and expected litres.
    const startMs = slot * slotMs;
    if (startMs >= day.endMs || startMs < day.startMs) day = days.dayAt(startMs);
    const timeOfDayMs = days.timeOfDayMs(day, startMs);
    const bucket = Math.floor(timeOfDayMs / BUCKET_MS);
    let meanL = bucketL[day.working ? 0 : 1][bucket]! / slotsPerBucket;
    if (flow) meanL *= flow.monthFactor[day.month]!;

    // Nothing expected: jump to the bucket's end (one slot at a time on DST days).
    if (meanL === 0) {
      const toBucketEndMs = (bucket + 1) * BUCKET_MS - timeOfDayMs;
      slot += day.uniformOffset ? Math.max(1, Math.ceil(toBucketEndMs / slotMs)) : 1;
      continue;
    }

    // Step 2: the slot's volume, drawn or expected.
    let volumeL = meanL;
    if (expected) {
      // The mean is the answer.
    } else if (flow) {
      // Flow: the level × a daily weather factor × a per-slot wobble of the float valve.
      if (day.dayOrdinal !== lastOrdinal) {
        lastOrdinal = day.dayOrdinal;
        dayFactor = 1 + flow.dailySpread * (2 * uniformAt(dayStream, day.dayOrdinal) - 1);
      }
      volumeL = meanL * dayFactor * (1 + flow.slotNoise * (2 * uniformAt(stream, slot) - 1));
    } else {
      // Uses: a Poisson count by inversion of its CDF; λ is well below 1 in most slots.
      if (meanL !== lastMeanL) {
        lastMeanL = meanL;
        lambda = meanL / volumePerUseL;
        expMinusLambda = Math.exp(-lambda);
      }
      const u = uniformAt(stream, slot);
      let uses = 0;
      let p = expMinusLambda;
      let cdf = p;
      while (u >= cdf && uses < POISSON_MAX_USES) {
        uses++;
        p *= lambda / uses;
        cdf += p;
      }
      volumeL = uses * volumePerUseL;
    }

    // Step 3: add it, pro rata when the range cuts the slot.
    const overlapMs = Math.min(startMs + slotMs, toMs) - Math.max(startMs, fromMs);
    totalL += overlapMs === slotMs ? volumeL : (volumeL * overlapMs) / slotMs;
    slot++;
  }
  return totalL;
}

/** A daily timed run at the rated flow; deterministic, so drawn and expected agree. */
function runVolumeL(rate: RunRate, days: LocalDays, fromMs: number, toMs: number): number {
  let totalL = 0;
  let day = days.dayAt(fromMs);
  while (day.startMs < toMs) {
    const durationMs = rate.durationMs[day.month]!;
    if (durationMs > 0) {
      const runStartMs = day.startMs + rate.startMs[day.month]!;
      const overlapMs = Math.min(runStartMs + durationMs, toMs) - Math.max(runStartMs, fromMs);
      if (overlapMs > 0) totalL += (rate.flowLps * overlapMs) / 1000;
    }
    day = days.dayAt(day.endMs);
  }
  return totalL;
}
