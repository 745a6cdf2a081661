import type { Alert } from '../../models/alert';
import type { ComplianceReport, Ledger, NetworkDiagram, WeakPoint } from '../../models/compliance';
import { type EndUseCategory, KNOWN_UNMETERED_M3_PER_DAY } from '../../models/complianceDefaults';
import type { KnownUnmeteredUse } from '../../models/complianceSettings';
import type { MeterTree } from '../../models/meterTree';
import type { Site } from '../../models/site';
import { areaCategories, balanceWeakPoints, waterBalance } from './balance';
import { complianceIndicators, type IndicatorSettings } from './indicators';
import { functionLedger, meterLedger } from './ledger';
import {
  dailyFlags,
  dailyLitres,
  type PeriodSource,
  periodDays,
  periodVolumes,
} from './periodData';

/** What the compliance views read: the site, the store and the period's leak alerts. */
export interface ComplianceInputs {
  readonly site: Site;
  readonly tree: MeterTree;
  readonly source: PeriodSource;
  /** Every alert, whatever its status. */
  readonly alerts: () => readonly Alert[];
  /** What engineers set: discharge shares, dated known unmetered uses; none when absent. */
  readonly settings?: ComplianceSettingsSource;
}

/** The engineer settings the report reads. */
export interface ComplianceSettingsSource {
  dischargeShare(): Readonly<Partial<Record<EndUseCategory, number>>>;
  unmetered(fromIso: string, toIso: string): KnownUnmeteredUse[];
  /** The steady known unmetered use engineers set (lobby settings), m³ a day. */
  steadyUnmeteredM3PerDay?(): number;
}

/** What a request may set of the indicator settings; the rest comes from stored settings. */
export type ReportOptions = Omit<IndicatorSettings, 'knownUnmeteredM3PerDay'> & {
  readonly knownUnmeteredM3PerDay?: number;
};

/** Indicators, balance and weak points of the local days `fromIso`..`toIso`. */
export function complianceReport(
  inputs: ComplianceInputs,
  fromIso: string,
  toIso: string,
  given: ReportOptions = {},
): ComplianceReport {
  const { site, tree, source } = inputs;
  const knownUnmeteredUses = inputs.settings?.unmetered(fromIso, toIso) ?? [];
  const settings: IndicatorSettings = {
    dischargeShare: inputs.settings?.dischargeShare() ?? {},
    knownUnmeteredUses,
    ...given,
    knownUnmeteredM3PerDay:
      given.knownUnmeteredM3PerDay ??
      inputs.settings?.steadyUnmeteredM3PerDay?.() ??
      KNOWN_UNMETERED_M3_PER_DAY.value,
  };

  // Step 1: the period's days and each meter's volume per day.
  const { period, days } = periodDays(fromIso, toIso, site.timeZone);
  const daily = dailyLitres(source, tree.order, days);
  const volumes = periodVolumes(period, days, daily);

  // Step 2: indicators and the balance.
  const indicators = complianceIndicators(site, tree, volumes, settings);
  const balance = waterBalance(site, tree, volumes, settings);

  // Step 3: weak points: the balance's, leak alerts in the period, estimated data.
  const first = days[0];
  const last = days[days.length - 1];
  const fromMs = first?.startMs ?? 0;
  const toMs = last?.endMs ?? 0;
  const alerts: WeakPoint[] = inputs
    .alerts()
    .filter((a) => a.window.startMs < toMs && a.window.endMs >= fromMs)
    .map((a) => ({
      kind: 'alert',
      alertId: a.id,
      meterId: a.meterId,
      detector: a.detector,
      openedMs: a.openedMs,
      lossM3PerDay: a.lossM3PerDay,
    }));
  const flags = dailyFlags(source, tree.order, days);
  const estimated: WeakPoint[] = [];
  for (const meterId of tree.order) {
    const n = (flags.get(meterId) ?? []).reduce((s, d) => s + (d.estimated_gap ?? 0), 0);
    if (n > 0) estimated.push({ kind: 'estimated', meterId, intervals: n });
  }

  return {
    period,
    ...indicators,
    balance,
    weakPoints: [...balanceWeakPoints(balance, tree), ...alerts, ...estimated],
    knownUnmeteredUses,
  };
}

/** The ledgers by meter and by function, per day or per month. */
export function complianceLedger(
  inputs: ComplianceInputs,
  fromIso: string,
  toIso: string,
  step: 'day' | 'month',
): Ledger {
  const { site, tree, source } = inputs;
  const { period, days } = periodDays(fromIso, toIso, site.timeZone);
  const daily = dailyLitres(source, tree.order, days);
  const flags = dailyFlags(source, tree.order, days);
  const levels = new Map(site.meters.map((m) => [m.id, m.level]));
  const categories = areaCategories(site, tree);
  return {
    period,
    step,
    meters: meterLedger(tree, days, daily, flags, step),
    functions: functionLedger(tree, levels, categories, days, daily, flags, step),
  };
}

/** The metering network diagram's data: every meter with what it sits on and serves. */
export function networkDiagram(site: Site, tree: MeterTree): NetworkDiagram {
  const incoming = new Map(site.network.pipes.map((p) => [p.to, p]));
  const meterById = new Map(site.meters.map((m) => [m.id, m]));
  return {
    timeZone: site.timeZone,
    siteName: site.name,
    meters: tree.order.map((id) => {
      const m = meterById.get(id)!;
      return {
        id,
        serial: m.serial,
        level: m.level,
        parentId: tree.parentOf.get(id) ?? null,
        serves: m.serves,
        diameterMm: incoming.get(m.nodeId)?.diameterMm ?? null,
        accuracyClass: m.accuracyClass,
        fixtures: (tree.areaFixtures.get(id) ?? []).length,
      };
    }),
  };
}
