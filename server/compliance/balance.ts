import type {
  BalanceLink,
  BalanceNode,
  BalanceReport,
  BalanceRow,
  WeakPoint,
} from '../../models/compliance';
import {
  DISCHARGE_SHARE,
  END_USE_CATEGORIES,
  type EndUseCategory,
} from '../../models/complianceDefaults';
import type { MeterTree } from '../../models/meterTree';
import {
  type Fixture,
  isPotable,
  meterSupply,
  type RoomFunction,
  type Site,
} from '../../models/site';
import { END_USE_NAMES } from './exportNames';
import {
  type IndicatorSettings,
  knownUnmeteredM3,
  nonConventionalRootIds,
  type PeriodVolumes,
} from './indicators';

/**
 * The water-balance test of a period (GB/T 12452, domain.md §3.3) from the meter tree: every
 * metering area is a unit whose intake is its meter's volume; what its child meters do not
 * take is used in the area (when it has fixtures) or lost in its pipes (when it has none).
 * Use is split into consumed and discharged by its end use's discharge share. Meters of a
 * non-conventional supply (greywater, condensate, rain) head areas of their own, fed by a
 * separate "reused" source: V_t = V_f + V_r (domain.md §3.3).
 */

/**
 * Below this a remainder is rounding in the sums, not water: 1 L. Losses and imbalances
 * smaller than it are neither drawn nor named as weak points.
 */
export const NOISE_M3 = 0.001;

/** Meter ids depth first (each parent followed by its subtree), as reports list them. */
export function depthFirst(tree: MeterTree): string[] {
  const out: string[] = [];
  const visit = (id: string) => {
    out.push(id);
    for (const child of tree.childrenOf.get(id) ?? []) visit(child);
  };
  for (const id of tree.order) if ((tree.parentOf.get(id) ?? null) === null) visit(id);
  return out;
}

const ROOM_CATEGORY: Readonly<Record<RoomFunction, EndUseCategory>> = {
  office: 'sanitary',
  meeting: 'sanitary',
  lobby: 'sanitary',
  corridor: 'sanitary',
  toilet: 'sanitary',
  cleaning_room: 'sanitary',
  tea_room: 'drinking',
  canteen_dining: 'canteen',
  canteen_kitchen: 'canteen',
  bathhouse: 'bathing',
  laundry: 'laundry',
  barber: 'barber',
  plant_room: 'other',
};

/** The end use of one fixture: by its kind where that says it, else by its room. */
export function fixtureCategory(fixture: Fixture, roomFunction: ReadonlyMap<string, RoomFunction>) {
  if (fixture.type === 'cooling_tower_makeup') return 'cooling';
  if (fixture.areaId !== undefined || fixture.type === 'irrigation_valve') return 'irrigation';
  if (fixture.type === 'water_boiler') return 'drinking';
  const fn = fixture.roomId === undefined ? undefined : roomFunction.get(fixture.roomId);
  return fn === undefined ? 'other' : ROOM_CATEGORY[fn];
}

/** The main end use of each meter's own area: the category most of its fixtures have. */
export function areaCategories(site: Site, tree: MeterTree): Map<string, EndUseCategory | null> {
  const roomFunction = new Map<string, RoomFunction>();
  for (const b of site.buildings)
    for (const f of b.floors) for (const r of f.rooms) roomFunction.set(r.id, r.function);
  const fixtureById = new Map(site.fixtures.map((f) => [f.id, f]));
  const out = new Map<string, EndUseCategory | null>();
  for (const meterId of tree.order) {
    const counts = new Map<EndUseCategory, number>();
    for (const id of tree.areaFixtures.get(meterId) ?? []) {
      const fixture = fixtureById.get(id);
      if (!fixture) continue;
      const category = fixtureCategory(fixture, roomFunction);
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    // Ties go to the category listed first, so the answer does not depend on fixture order.
    let best: EndUseCategory | null = null;
    for (const c of END_USE_CATEGORIES) {
      if ((counts.get(c) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0))) best = c;
    }
    out.set(meterId, best);
  }
  return out;
}

/** The balance table and diagram of a period. */
export function waterBalance(
  site: Site,
  tree: MeterTree,
  volumes: PeriodVolumes,
  settings: IndicatorSettings,
): BalanceReport {
  const m3 = (id: string) => (volumes.meterL.get(id) ?? 0) / 1000;
  const meterById = new Map(site.meters.map((m) => [m.id, m]));
  const categories = areaCategories(site, tree);
  const knownM3 = knownUnmeteredM3(settings, volumes.period);
  const share = (c: EndUseCategory) => settings.dischargeShare?.[c] ?? DISCHARGE_SHARE[c].value;

  // Step 1: one row per metering area, in tree order.
  const rows: BalanceRow[] = depthFirst(tree).map((meterId) => {
    const meter = meterById.get(meterId)!;
    const intakeM3 = m3(meterId);
    const toChildrenM3 = (tree.childrenOf.get(meterId) ?? []).reduce((s, c) => s + m3(c), 0);
    const remainder = intakeM3 - toChildrenM3;
    const category = categories.get(meterId) ?? null;
    let useM3: number;
    if (meter.level === 1 && isPotable(meter))
      useM3 = category === null ? 0 : Math.max(0, Math.min(knownM3, remainder));
    else useM3 = category === null ? 0 : Math.max(0, remainder);
    const discharged = category === null ? 0 : share(category);
    return {
      meterId,
      level: meter.level,
      serves: meter.serves,
      parentId: tree.parentOf.get(meterId) ?? null,
      category,
      supply: meterSupply(meter),
      intakeM3,
      toChildrenM3,
      consumedM3: useM3 * (1 - discharged),
      dischargedM3: useM3 * discharged,
      reusedM3: 0,
      lostM3: remainder - useM3,
    };
  });
  const sum = (pick: (r: BalanceRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const reuseRoots = new Set(nonConventionalRootIds(site, tree));
  const freshM3 = sum((r) => (r.level === 1 && r.supply === 'potable' ? r.intakeM3 : 0));
  const nonConventionalM3 = sum((r) => (reuseRoots.has(r.meterId) ? r.intakeM3 : 0));
  const total = {
    intakeM3: freshM3 + nonConventionalM3,
    freshM3,
    nonConventionalM3,
    toChildrenM3: 0,
    consumedM3: sum((r) => r.consumedM3),
    dischargedM3: sum((r) => r.dischargedM3),
    reusedM3: 0,
    lostM3: sum((r) => r.lostM3),
  };

  // Step 2: the diagram: reused water → its meters; meters → child meters, end uses and
  // losses → consumed, discharged.
  const nodes: BalanceNode[] = [];
  const links: BalanceLink[] = [];
  const link = (source: string, target: string, value: number) => {
    if (value >= NOISE_M3) links.push({ source, target, m3: value });
  };
  for (const id of reuseRoots) link('reused', id, m3(id));
  if (links.length > 0) {
    nodes.push({ id: 'reused', kind: 'reused', name: { zh: '非常规水', en: 'Reused water' } });
  }
  for (const row of rows) {
    nodes.push({ id: row.meterId, kind: 'meter', level: row.level, name: row.serves });
    for (const child of tree.childrenOf.get(row.meterId) ?? []) link(row.meterId, child, m3(child));
    if (row.category !== null)
      link(row.meterId, `use:${row.category}`, row.consumedM3 + row.dischargedM3);
    link(row.meterId, 'loss', row.lostM3);
  }
  for (const c of END_USE_CATEGORIES) {
    const inUse = rows.filter((r) => r.category === c);
    if (!links.some((l) => l.target === `use:${c}`)) continue;
    nodes.push({ id: `use:${c}`, kind: 'endUse', name: END_USE_NAMES[c] });
    link(
      `use:${c}`,
      'consumed',
      inUse.reduce((s, r) => s + r.consumedM3, 0),
    );
    link(
      `use:${c}`,
      'discharged',
      inUse.reduce((s, r) => s + r.dischargedM3, 0),
    );
  }
  const targets = new Set(links.map((l) => l.target));
  if (targets.has('loss'))
    nodes.push({ id: 'loss', kind: 'loss', name: { zh: '漏损', en: 'Losses' } });
  if (targets.has('consumed'))
    nodes.push({ id: 'consumed', kind: 'consumed', name: { zh: '耗水', en: 'Consumed' } });
  if (targets.has('discharged'))
    nodes.push({ id: 'discharged', kind: 'discharged', name: { zh: '排水', en: 'Discharged' } });

  return { rows, total, nodes, links };
}

/** Weak points the balance shows: the largest losses, imbalances, use no meter sees. */
export function balanceWeakPoints(balance: BalanceReport, tree: MeterTree): WeakPoint[] {
  const intake = balance.total.freshM3;
  const losses: WeakPoint[] = balance.rows
    .filter((r) => r.lostM3 >= NOISE_M3)
    .sort((a, b) => b.lostM3 - a.lostM3)
    .slice(0, 3)
    .map((r) => ({
      kind: 'loss',
      meterId: r.meterId,
      m3: r.lostM3,
      share: intake > 0 ? r.lostM3 / intake : 0,
    }));
  const imbalances: WeakPoint[] = balance.rows
    .filter((r) => r.lostM3 <= -NOISE_M3)
    .map((r) => ({ kind: 'imbalance', meterId: r.meterId, m3: -r.lostM3 }));
  // Fixtures in the area of a meter with child meters: their use is only the remainder.
  const unmetered: WeakPoint[] = balance.rows
    .filter((r) => (tree.childrenOf.get(r.meterId) ?? []).length > 0)
    .filter((r) => (tree.areaFixtures.get(r.meterId) ?? []).length > 0)
    .map((r) => ({
      kind: 'unmeteredUse',
      meterId: r.meterId,
      fixtures: (tree.areaFixtures.get(r.meterId) ?? []).length,
    }));
  return [...losses, ...imbalances, ...unmetered];
}
