import { describe, expect, it } from 'vitest';
import { type MeasureResult, scenarioEconomics } from './economics';

const measure = (
  kind: MeasureResult['kind'],
  savedM3PerYear: number,
  capitalCostYuan: number | null,
  priceYuanPerM3 = 4.4,
): MeasureResult => ({
  kind,
  savedM3PerYear,
  savedYuanPerYear: savedM3PerYear * priceYuanPerM3,
  capitalCostYuan,
  capitalCostIsEstimate: true,
  paybackYears: null,
});

describe('scenario economics', () => {
  it('gives no total or payback when a measure that saves water has no cost', () => {
    // A basin-tap swap (2 × 350 yuan) beside greywater, condensate and rain with no cost.
    const measures = [
      measure('fixtureSwap', 10, 700),
      measure('greywater', 900, null),
      measure('condensate', 300, null),
      measure('rainwater', 400, null),
    ];

    const result = scenarioEconomics(measures, 1610 * 4.4);

    expect(result).toEqual({ capitalCostYuan: null, paybackYears: null, capitalIncomplete: true });
  });

  it('sums the costs and divides by the whole saving when every measure has one', () => {
    const measures = [measure('fixtureSwap', 10, 700), measure('coolingTower', 40, 300)];

    const result = scenarioEconomics(measures, 200);

    expect(result).toEqual({ capitalCostYuan: 1000, paybackYears: 5, capitalIncomplete: false });
  });

  it('ignores a measure without a cost that saves nothing', () => {
    const measures = [measure('fixtureSwap', 10, 700), measure('condensate', 0, null)];

    const result = scenarioEconomics(measures, 44);

    expect(result.capitalCostYuan).toBe(700);
    expect(result.paybackYears).toBeCloseTo(15.909, 3);
    expect(result.capitalIncomplete).toBe(false);
  });
});
