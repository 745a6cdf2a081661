import type { AlignedData } from 'uplot';
import type { Alert } from '../../models/alert';
import type { DetectorId } from '../../models/detection';
import type { Site } from '../../models/site';
import { formatFixed } from '../format/units';
import { wallTime } from '../format/zonedTime';
import { type Lang, localName, type MessageKey, translate } from '../i18n/index';
import type { WorldBox } from '../scene/sceneFrame';
import { siteIndex } from '../state/siteIndex';

/**
 * What the alert panel says and draws, as pure functions: the plain-language line of an
 * alert, the series of its evidence chart, and the world box around its suspect pipes.
 */

/** Local hours that count as night when describing continuous flow, [from, to). */
const NIGHT_HOURS: readonly [number, number] = [0, 5];

/** Whether the window runs through a night hour of the building's zone. */
export function spansNight(alert: Alert, timeZone: string): boolean {
  const HOUR = 3_600_000;
  const { startMs, endMs } = alert.window;
  for (let t = startMs; t <= Math.max(startMs, endMs); t += HOUR) {
    const h = wallTime(t, timeZone).hour;
    if (h >= NIGHT_HOURS[0] && h < NIGHT_HOURS[1]) return true;
  }
  return false;
}

const TEXT_KEY: Readonly<Record<DetectorId, MessageKey>> = {
  balance: 'alert.text.balance',
  night_flow: 'alert.text.night_flow',
  continuous_flow: 'alert.text.continuous_flow',
  high_flow: 'alert.text.high_flow',
};

/** Where the alert is, in the site's words: what its meter serves, or its id. */
export function alertPlace(alert: Alert, site: Site, lang: Lang): string {
  const meter = siteIndex(site).meters.get(alert.meterId)?.meter;
  return meter ? localName(meter.serves, lang) : alert.meterId;
}

/** E.g. "办公楼2层：夜间持续用水约 180 L/h，疑似漏水（置信度 75%）". */
export function alertText(alert: Alert, site: Site, lang: Lang): string {
  const key =
    alert.detector === 'continuous_flow' && spansNight(alert, site.timeZone)
      ? 'alert.text.continuous_flow_night'
      : TEXT_KEY[alert.detector];
  return translate(lang, key, {
    place: alertPlace(alert, site, lang),
    rate: formatFixed(alert.lossLph, alert.lossLph >= 10 ? 0 : 1),
    confidence: Math.round(alert.confidence * 100),
  });
}

/** The status word's key. */
export function alertStatusKey(alert: Alert): MessageKey {
  return `alert.status.${alert.status}`;
}

/** Who acknowledged, as a role the interface can name; other names are shown as given. */
export function ackByText(ackBy: string | null, t: (key: MessageKey) => string): string {
  if (ackBy === 'engineer') return t('alert.by.engineer');
  return ackBy ?? '';
}

/**
 * The unit the evidence chart's axis is read in. A balance point is the imbalance over its
 * interval in litres: over one hour that is the mean L/h the alert text quotes, over a night
 * window it stays a volume per night.
 */
export function evidenceAxisUnit(alert: Alert): string {
  if (alert.evidence.unit !== 'L') return alert.evidence.unit;
  const times = alert.evidence.points.map((p) => p.tMs).sort((a, b) => a - b);
  const steps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  const hourly = steps.every((d) => d <= 3_600_000);
  return hourly ? 'L/h' : 'L';
}

/** First to last evidence point the chart draws, epoch ms (the last point's hour included). */
export function evidenceSpan(alert: Alert): { startMs: number; endMs: number } | null {
  const times = alert.evidence.points.map((p) => p.tMs);
  if (times.length === 0) return null;
  const endMs = Math.min(Math.max(...times) + 3_600_000, alert.window.endMs);
  return { startMs: Math.min(...times), endMs: Math.max(endMs, Math.max(...times)) };
}

/** Title of the evidence chart's value series by detector. */
export function evidenceValueKey(detector: DetectorId): MessageKey {
  return `alert.evidence.value.${detector}`;
}

/**
 * The evidence as uPlot data: x in epoch seconds, the observed value, its limit and, for the
 * balance, the lower edge of the tolerance band (−limit): the imbalance should stay within
 * ±tolerance.
 */
export function evidenceChartData(alert: Alert): AlignedData {
  const points = [...alert.evidence.points].sort((a, b) => a.tMs - b.tMs);
  const x = points.map((p) => p.tMs / 1000);
  const value = points.map((p) => p.value);
  const limit = points.map((p) => p.limit);
  if (alert.detector === 'balance') return [x, value, limit, limit.map((l) => -l)];
  return [x, value, limit];
}

/** The box around the suspect pipes' ends, at least `minHalfM` from its centre each way. */
export function suspectBox(alert: Alert, site: Site, minHalfM = 6): WorldBox | null {
  const nodes = new Map(site.network.nodes.map((n) => [n.id, n]));
  const pipes = new Map(site.network.pipes.map((p) => [p.id, p]));
  let box: {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
    minZ: number;
    maxZ: number;
  } | null = null;
  for (const { pipeId } of alert.suspects) {
    const pipe = pipes.get(pipeId);
    if (!pipe) continue;
    for (const nodeId of [pipe.from, pipe.to]) {
      const p = nodes.get(nodeId)?.position;
      if (!p) continue;
      box = box
        ? {
            minX: Math.min(box.minX, p.x),
            maxX: Math.max(box.maxX, p.x),
            minY: Math.min(box.minY, p.y),
            maxY: Math.max(box.maxY, p.y),
            minZ: Math.min(box.minZ, p.z),
            maxZ: Math.max(box.maxZ, p.z),
          }
        : { minX: p.x, maxX: p.x, minY: p.y, maxY: p.y, minZ: p.z, maxZ: p.z };
    }
  }
  if (!box) return null;
  const grow = (lo: number, hi: number): [number, number] => {
    const mid = (lo + hi) / 2;
    const half = Math.max(minHalfM, (hi - lo) / 2);
    return [mid - half, mid + half];
  };
  const [minX, maxX] = grow(box.minX, box.maxX);
  const [minY, maxY] = grow(box.minY, box.maxY);
  const [minZ, maxZ] = grow(box.minZ, box.maxZ);
  return { minX, maxX, minY, maxY, minZ, maxZ };
}
