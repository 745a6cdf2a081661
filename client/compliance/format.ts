import type { Indicator } from '../../models/compliance';
import { formatFixed } from '../format/units';

/** Number formats of the compliance page. */

/** A share as a percentage with one decimal, e.g. 0.9821 → "98.2 %". */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${formatFixed(share * 100, 1)} %`;
}

/** A volume in m³ with two decimals. */
export const formatM3 = (m3: number | null | undefined) => formatFixed(m3, 2);

/** An indicator's value in its unit. */
export function formatIndicator(indicator: Pick<Indicator, 'unit' | 'value'>): string {
  return indicator.unit === 'fraction'
    ? formatShare(indicator.value)
    : formatFixed(indicator.value, 1);
}

/** A bar's value in the indicator's unit. */
export function formatBar(unit: Indicator['unit'], value: number): string {
  return unit === 'fraction' ? formatShare(value) : formatFixed(value, 1);
}
