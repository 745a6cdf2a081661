import { parseScenario, type Scenario } from '../../models/retrofit';
import type { RetrofitContextResponse } from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import type { SiteIssue } from '../../models/siteValidation';
import { type Projection, projectScenario } from '../../simulations/retrofit/projection';
import { type TankSizePoint, tankSizeCurve } from '../../simulations/retrofit/rainwater';
import { draftToScenarioInput, type PlannerDraft } from './plannerDraft';

/**
 * Runs the planner's scenarios in the browser with the same pure projection the server
 * serves, so a changed parameter shows its result at once (a full year of every measure
 * takes about 15 ms). The server gives the context: weather year and metered totals.
 */

/** Tank sizes of the sizing chart, m³. */
export const TANK_SIZES_M3 = [1, 2, 5, 10, 15, 20, 30, 40, 50, 75, 100, 150] as const;

export type ScenarioRun =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly projection: Projection;
      /** Share of demand a rain tank of each size meets; null without a rain tank. */
      readonly tankCurve: readonly TankSizePoint[] | null;
    }
  | { readonly ok: false; readonly issues: readonly SiteIssue[] };

export function runDraft(
  draft: PlannerDraft,
  site: Site,
  context: RetrofitContextResponse,
): ScenarioRun {
  const parsed = parseScenario(draftToScenarioInput(draft, site), site);
  if (!parsed.ok) return parsed;
  const period = context.metered?.period;
  const projection = projectScenario({
    site,
    scenario: parsed.scenario,
    weather: context.weather,
    ...(period ? { metered: period } : {}),
  });
  const rain = projection.rainwater;
  const tankCurve = rain ? tankSizeCurve(rain.inflowM3, rain.demandM3, TANK_SIZES_M3) : null;
  return { ok: true, scenario: parsed.scenario, projection, tankCurve };
}
