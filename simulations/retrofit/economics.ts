import type { Scenario } from '../../models/retrofit';
import type { SupplyOutcome } from './supplyMeasures';

/**
 * Savings, capital cost and simple payback per measure. Capital costs are the planner's own
 * estimates (the product ships none) and are always labelled as estimates; a measure without
 * one, or without a tariff, has no payback.
 */

export type MeasureKind =
  | 'fixtureSwap'
  | 'irrigation'
  | 'coolingTower'
  | 'condensate'
  | 'greywater'
  | 'rainwater';

export interface MeasureResult {
  readonly kind: MeasureKind;
  /** Row of `scenario.fixtureSwaps` for a swap. */
  readonly swapIndex?: number;
  /** Fixtures a swap replaces. */
  readonly fixtures?: number;
  /** Potable water saved or replaced in the year, m³. */
  readonly savedM3PerYear: number;
  readonly savedYuanPerYear: number | null;
  /** The planner's estimate, yuan; null when none was entered. */
  readonly capitalCostYuan: number | null;
  readonly capitalCostIsEstimate: true;
  /** Capital ÷ yearly saving, years; null without both, or without a saving. */
  readonly paybackYears: number | null;
}

/** Simple payback, years: capital ÷ yearly saving; null without both or without a saving. */
export function simplePaybackYears(capitalYuan: number | null, savedYuanPerYear: number | null) {
  if (capitalYuan === null || savedYuanPerYear === null || !(savedYuanPerYear > 0)) return null;
  return capitalYuan / savedYuanPerYear;
}

export interface EconomicsInputs {
  readonly scenario: Scenario;
  readonly priceYuanPerM3: number | null;
  /** Which swap row replaced each fixture. */
  readonly swapOf: ReadonlyMap<string, number>;
  /** Annual m³ per fixture: baseline, after swaps, after irrigation, after cooling tower. */
  readonly stages: readonly [
    ReadonlyMap<string, number>,
    ReadonlyMap<string, number>,
    ReadonlyMap<string, number>,
    ReadonlyMap<string, number>,
  ];
  readonly supplies: readonly SupplyOutcome[];
}

export function measureResults(inputs: EconomicsInputs): MeasureResult[] {
  const { scenario, priceYuanPerM3: price, swapOf, stages, supplies } = inputs;
  const result = (
    kind: MeasureKind,
    savedM3PerYear: number,
    capital: number | null,
    extra: Pick<MeasureResult, 'swapIndex' | 'fixtures'> = {},
  ): MeasureResult => {
    const savedYuanPerYear = price === null ? null : savedM3PerYear * price;
    return {
      kind,
      ...extra,
      savedM3PerYear,
      savedYuanPerYear,
      capitalCostYuan: capital,
      capitalCostIsEstimate: true,
      paybackYears: simplePaybackYears(capital, savedYuanPerYear),
    };
  };
  const drop = (
    from: ReadonlyMap<string, number>,
    to: ReadonlyMap<string, number>,
    ids?: string[],
  ) => (ids ?? [...from.keys()]).reduce((a, id) => a + (from.get(id) ?? 0) - (to.get(id) ?? 0), 0);

  // Each swap row saves what its own fixtures lose; each fixture follows one row.
  const out: MeasureResult[] = [];
  (scenario.fixtureSwaps ?? []).forEach((swap, i) => {
    const ids = [...swapOf].filter(([, row]) => row === i).map(([id]) => id);
    const capital =
      swap.costPerFixtureYuan === undefined ? null : swap.costPerFixtureYuan * ids.length;
    out.push(
      result('fixtureSwap', drop(stages[0], stages[1], ids), capital, {
        swapIndex: i,
        fixtures: ids.length,
      }),
    );
  });
  if (scenario.irrigation) {
    const capital = scenario.irrigation.capitalCostYuan ?? null;
    out.push(result('irrigation', drop(stages[1], stages[2]), capital));
  }
  if (scenario.coolingTower) {
    const capital = scenario.coolingTower.capitalCostYuan ?? null;
    out.push(result('coolingTower', drop(stages[2], stages[3]), capital));
  }
  for (const supply of supplies) {
    const capital = scenario[supply.source]?.capitalCostYuan ?? null;
    const m3 = supply.suppliedM3.reduce((a, v) => a + v, 0);
    out.push(result(supply.source, m3, capital));
  }
  return out;
}

/** A scenario's capital and payback in all. */
export interface ScenarioEconomics {
  /** Sum of the measures' estimates, yuan; null when it would leave out a measure's cost. */
  readonly capitalCostYuan: number | null;
  /** Total capital ÷ the scenario's yearly saving, years; null when either is unknown. */
  readonly paybackYears: number | null;
  /**
   * A measure that saves water has no cost entered: a total would count it as free and
   * understate the payback, so none is given.
   */
  readonly capitalIncomplete: boolean;
}

export function scenarioEconomics(
  measures: readonly MeasureResult[],
  savedYuanPerYear: number | null,
): ScenarioEconomics {
  const capitalIncomplete = measures.some(
    (m) => m.savedM3PerYear > 0 && m.capitalCostYuan === null,
  );
  const known = measures.filter((m) => m.capitalCostYuan !== null);
  const capitalCostYuan =
    capitalIncomplete || known.length === 0
      ? null
      : known.reduce((a, m) => a + (m.capitalCostYuan ?? 0), 0);
  return {
    capitalCostYuan,
    paybackYears: simplePaybackYears(capitalCostYuan, savedYuanPerYear),
    capitalIncomplete,
  };
}
