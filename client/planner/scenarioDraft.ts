import type { Scenario } from '../../models/retrofit';
import {
  type CondensateUse,
  emptyDraft,
  type GradeChoice,
  OVERRIDE_PATHS,
  type PlannerDraft,
  ROOM_CHOICES,
  SWAP_TYPES,
  type SwapDraft,
} from './plannerDraft';

/**
 * A saved scenario back as a planner draft, the inverse of `draftToScenarioInput` for every
 * scenario the planner itself writes. Settings the planner has no control for (a tier or a
 * product's own flush volume, chosen roofs, a cooling load) are not shown and are dropped when
 * the planner saves the scenario again.
 */

/**
 * Reads `name` as a default name ("方案 2", "Scenario 2") in any interface language:
 * its n, so it follows the language; null for a typed name.
 */
export type DefaultNumberOf = (name: string) => number | null;

export function scenarioToDraft(
  id: string,
  scenario: Scenario,
  defaultNumberOf: DefaultNumberOf,
): PlannerDraft {
  const empty = emptyDraft(scenario.name, defaultNumberOf(scenario.name));
  const { greywater: g, condensate: c, rainwater: r, irrigation: i, coolingTower: ct } = scenario;
  const cost = (yuan: number | undefined) => yuan ?? null;
  const swaps = Object.fromEntries(
    SWAP_TYPES.map((type) => [type, swapDraft(scenario, type) ?? empty.swaps[type]]),
  ) as Record<(typeof SWAP_TYPES)[number], SwapDraft>;
  return {
    ...empty,
    id,
    swaps,
    tapAutoOff:
      scenario.fixtureSwaps?.some((s) => s.fixtureType === 'basin_tap' && s.autoOff === true) ??
      false,
    greywater: g
      ? {
          on: true,
          tankM3: g.tankM3,
          sources: g.sources,
          uses: g.uses,
          costYuan: cost(g.capitalCostYuan),
        }
      : empty.greywater,
    condensate: c
      ? { on: true, use: c.use as CondensateUse, costYuan: cost(c.capitalCostYuan) }
      : empty.condensate,
    rainwater: r
      ? { on: true, tankM3: r.tankM3, uses: r.uses, costYuan: cost(r.capitalCostYuan) }
      : empty.rainwater,
    irrigation: i
      ? {
          on: true,
          drip: Object.values(i.methods ?? {}).includes('drip'),
          weatherControl: i.weatherBasedControl ?? false,
          costYuan: cost(i.capitalCostYuan),
        }
      : empty.irrigation,
    coolingTower: ct
      ? {
          on: true,
          cyclesAfter: ct.cyclesAfter ?? empty.coolingTower.cyclesAfter,
          costYuan: cost(ct.capitalCostYuan),
        }
      : empty.coolingTower,
    waterYuanPerM3: scenario.tariff?.waterYuanPerM3 ?? null,
    sewageYuanPerM3: scenario.tariff?.sewageYuanPerM3 ?? null,
    overrides: overridesOf(scenario),
  };
}

/** The planner's row for a fixture type: the last grade swap of that type. */
function swapDraft(scenario: Scenario, type: (typeof SWAP_TYPES)[number]): SwapDraft | null {
  const swap = scenario.fixtureSwaps?.filter((s) => s.fixtureType === type).at(-1);
  if (swap?.target.kind !== 'grade') return null;
  const room = swap.roomFunction ?? 'all';
  return {
    grade: swap.target.grade as GradeChoice,
    room: ROOM_CHOICES.find((choice) => choice === room) ?? 'all',
    roomId: swap.roomId ?? null,
    costPerFixtureYuan: swap.costPerFixtureYuan ?? null,
  };
}

/** Replaced defaults, read back from where `OVERRIDE_PATHS` puts them. */
function overridesOf(scenario: Scenario): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, [block, field]] of Object.entries(OVERRIDE_PATHS)) {
    const blocks = scenario as unknown as Record<string, Record<string, unknown> | undefined>;
    const value = blocks[block]?.[field];
    if (typeof value === 'number') out[key] = value;
  }
  return out;
}

/** A reader of default names built from the "Scenario {n}" template of each language. */
export function defaultNameReader(templates: readonly string[]): DefaultNumberOf {
  const patterns = templates.map((template) => {
    const [before = '', after = ''] = template.split('{n}');
    return new RegExp(`^${escapeRegExp(before)}(\\d{1,3})${escapeRegExp(after)}$`);
  });
  return (name) => {
    for (const pattern of patterns) {
      const match = pattern.exec(name);
      if (match) return Number(match[1]);
    }
    return null;
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
