import { equivalentsOf } from '../../models/equivalents';
import type { ShowScenario } from '../../models/lobby';
import { parseScenario } from '../../models/retrofit';
import type { SavingsSummary } from '../../models/share';
import type { Site } from '../../models/site';
import type { WeatherYear } from '../../models/weatherYear';
import { projectScenario } from '../../simulations/retrofit/projection';

/**
 * The retrofit presets the publicity show and the public view present: each is a scenario of
 * the planner's schema, projected over the weather year with the planner's pure code.
 */

/** The scenario input of each preset (judged by `parseScenario` like any planner scenario). */
export function presetScenario(preset: ShowScenario, site: Site): Record<string, unknown> {
  switch (preset) {
    case 'fixtures':
      return {
        name: '节水器具改造',
        fixtureSwaps: ['toilet', 'urinal', 'basin_tap', 'shower'].map((fixtureType) => ({
          fixtureType,
          target: { kind: 'grade', grade: 1 },
        })),
      };
    case 'greywater':
      return {
        name: '中水回用',
        greywater: { sources: ['basins', 'showers'], uses: ['toiletFlushing'], tankM3: 10 },
      };
    case 'rainwater':
      return {
        name: '雨水收集',
        rainwater: { tankM3: 20, uses: ['irrigation', 'toiletFlushing'] },
      };
    case 'irrigation':
      return {
        name: '滴灌改造',
        irrigation: {
          methods: Object.fromEntries(site.outdoor.irrigatedAreas.map((a) => [a.id, 'drip'])),
          weatherBasedControl: true,
        },
      };
  }
}

/**
 * Projects presets once each and keeps the result: a preset's projection depends only on the
 * site and the weather year, which do not change while the server runs.
 */
export class SavingsCache {
  private readonly done = new Map<ShowScenario, SavingsSummary | null>();

  constructor(
    private readonly site: Site,
    private readonly weather: WeatherYear | undefined,
  ) {}

  /** The preset's savings, or null when it cannot be projected on this site. */
  get(preset: ShowScenario): SavingsSummary | null {
    const known = this.done.get(preset);
    if (known !== undefined) return known;
    const summary = this.project(preset);
    this.done.set(preset, summary);
    return summary;
  }

  private project(preset: ShowScenario): SavingsSummary | null {
    if (!this.weather) return null;
    const parsed = parseScenario(presetScenario(preset, this.site), this.site);
    if (!parsed.ok) return null;
    const p = projectScenario({
      site: this.site,
      scenario: parsed.scenario,
      weather: this.weather,
    });
    return {
      scenario: preset,
      beforeM3: p.totalBeforeM3,
      afterM3: p.totalAfterM3,
      savedYuanPerYear: p.savedYuanPerYear,
      equivalents: equivalentsOf(Math.max(0, p.totalBeforeM3 - p.totalAfterM3)),
    };
  }
}
