/**
 * Number formatting for the panels. Values arrive in SI base units of the protocol (L, L/s)
 * and are shown in the unit the label names; the stored data never changes.
 */

const LPS_TO_M3H = 3.6;

/** Fixed decimals with grouping, or '—' for a missing value. */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // A tiny negative value would print as "-0.000".
  const shown = Number(value.toFixed(decimals)) === 0 ? 0 : value;
  return shown.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Litres as cubic metres, e.g. 12 345 L → "12.35". */
export function formatLitresAsM3(litres: number | null | undefined, decimals = 2): string {
  return formatFixed(litres === null || litres === undefined ? litres : litres / 1000, decimals);
}

/** A flow in L/s with decimals that suit its size (0.012, 0.45, 3.2, 12). */
export function formatLps(flowLps: number | null | undefined): string {
  if (flowLps === null || flowLps === undefined || !Number.isFinite(flowLps)) return '—';
  const q = Math.abs(flowLps);
  const decimals = q >= 10 ? 1 : q >= 1 ? 2 : 3;
  return formatFixed(flowLps, decimals);
}

/** A flow in L/s shown as m³/h. */
export function formatLpsAsM3h(flowLps: number | null | undefined): string {
  return formatFixed(flowLps === null || flowLps === undefined ? flowLps : flowLps * LPS_TO_M3H, 2);
}

/** Below this a replay speed is written out in full (×3600); from here on it is abbreviated. */
const COMPACT_SPEED_FROM = 10_000;

/**
 * A replay speed factor for "×N" in the locale's own words: ×3600, and from ten thousand up
 * the locale's short form (zh-CN ×100万, en ×1M) rather than a run of zeros.
 */
export function formatSpeed(speed: number, locale: string): string {
  if (!Number.isFinite(speed)) return '—';
  const whole = Math.round(speed);
  if (whole < COMPACT_SPEED_FROM) return String(whole);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(
    whole,
  );
}

const MONTH_NAMES = {
  zh: new Intl.DateTimeFormat('zh-CN', { month: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};

/** A month's name in the interface language (1 = January): "7月", "July". */
export function monthName(lang: 'zh' | 'en', month: number): string {
  return MONTH_NAMES[lang].format(Date.UTC(2000, month - 1, 15));
}
