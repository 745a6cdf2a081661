import { describe, expect, it } from 'vitest';
import { deriveMeterTree } from '../../models/meterTree';
import { buildSampleSite } from '../../models/sampleSite';
import { createDemandModel } from '../demand';
import { resolveDemandParameters } from '../demandParameters';
import { buildBaseline, volumeOverDaysM3 } from './baseline';
import { applyCalibration, calibrate } from './calibration';
import { planningDays } from './planningCalendar';

const site = buildSampleSite();
const tree = deriveMeterTree(site);
const baseline = buildBaseline(site, tree, resolveDemandParameters());

/** Whether `meterId` is `ancestor` or lies below it. */
function under(meterId: string | null, ancestor: string): boolean {
  for (let m = meterId; m !== null; m = tree.parentOf.get(m) ?? null)
    if (m === ancestor) return true;
  return false;
}

describe('baseline end-use model', () => {
  it('matches the demand simulator’s expectation for a working day in July', () => {
    // 2024-07-10 is a Wednesday; local midnight in Asia/Shanghai is 16:00 UTC the day before.
    const fromMs = Date.UTC(2024, 6, 9, 16);
    const model = createDemandModel(site, tree, { seed: 1, backgroundLeakLps: 0 });
    const days = planningDays('2024-07-10', '2024-07-10');

    for (const meterId of ['M2-cooling', 'M2-landscape', 'M3-office-f3', 'M2-canteen']) {
      const expectedL = model.expectedAreaVolumeL(meterId, fromMs, fromMs + 86_400_000);
      const m3 = volumeOverDaysM3(baseline, days, (f) => f.meterId === meterId);
      expect(m3).toBeCloseTo(expectedL / 1000, 9);
    }
  });
});

describe('calibration', () => {
  const period = {
    fromIso: '2024-03-01',
    toIso: '2024-03-31',
    // Registers; the landscape meter moves in March although nothing is irrigated then.
    meteredM3: {
      'M1-main': 700,
      'M2-office': 260,
      'M3-office-f1': 40,
      'M2-canteen': 150,
      'M2-landscape': 6,
    },
  };

  it('reproduces every metered total exactly', () => {
    const calibration = calibrate(baseline, tree, period);
    const calibrated = applyCalibration(baseline, tree, calibration);
    const days = planningDays(period.fromIso, period.toIso);

    for (const [meterId, meteredM3] of Object.entries(period.meteredM3)) {
      // The register sees its own area and every area below it, unmetered residuals included.
      const fixturesM3 = volumeOverDaysM3(calibrated, days, (f) => under(f.meterId, meterId));
      let unmeteredM3 = 0;
      for (const [area, perDay] of calibrated.unmeteredM3PerDay) {
        if (area !== null && under(area, meterId)) unmeteredM3 += perDay * days.length;
      }
      expect(fixturesM3 + unmeteredM3).toBeCloseTo(meteredM3, 9);
    }
  });

  it('scales each area by metered over modelled and keeps what it cannot scale', () => {
    const calibration = calibrate(baseline, tree, period);
    const area = (id: string) => calibration.areas.find((a) => a.meterId === id)!;

    // M2-office's own area is 260 − 40 (floor 1) = 220 m³ over floors 2–5 and itself.
    expect(area('M2-office').meteredM3).toBeCloseTo(220, 12);
    expect(area('M2-office').scale).toBeCloseTo(220 / area('M2-office').modelledM3, 12);
    expect(area('M2-office').residualM3).toBeCloseTo(0, 9);
    // No modelled irrigation in March: scale 1 and a 6 m³ residual (unmetered use).
    expect(area('M2-landscape').modelledM3).toBe(0);
    expect(area('M2-landscape').scale).toBe(1);
    expect(area('M2-landscape').residualM3).toBe(6);
    // The main meter's own area: 700 − 260 − 150 − 6 = 284 m³, including the unlisted
    // bathhouse, laundry, barber and cooling meters.
    expect(area('M1-main').meteredM3).toBeCloseTo(284, 12);
  });
});
