import type { DemandModel } from '../simulations/demand';
import type { FaultPlan } from '../simulations/faults';
import type { ReplayFeed } from './twin';

/**
 * The twin's sources with a fault scenario's leaks added: a leak in a simulated meter's area
 * adds to that area's demand; a leak in a replayed meter's area advances the recorded
 * register by the litres lost so far. Upstream meters see both, since every simulated parent
 * passes on what its children booked. Stuck meters are the twin's own (`TwinOptions.faults`).
 */

export function withDemandFaults(demand: DemandModel, plan: FaultPlan): DemandModel {
  if (plan.faults.length === 0) return demand;
  return {
    ...demand,
    areaVolumeL: (meterId, fromMs, toMs) =>
      demand.areaVolumeL(meterId, fromMs, toMs) + plan.extraAreaL(meterId, fromMs, toMs),
  };
}

export function withReplayFaults(feed: ReplayFeed, plan: FaultPlan): ReplayFeed {
  if (plan.faults.length === 0) return feed;
  return {
    meterIds: feed.meterIds,
    readingsBetween: (fromMs, toMs) =>
      feed.readingsBetween(fromMs, toMs).map((reading) => {
        if (reading.kind !== 'register' || reading.value === null) return reading;
        // Whole litres, as the register shows them.
        const extraL = Math.round(plan.extraUntilL(reading.meterId, reading.tsMs));
        if (extraL === 0) return reading;
        const perUnitL = reading.unit === 'm3' ? 1000 : 1;
        return { ...reading, value: reading.value + extraL / perUnitL };
      }),
  };
}
