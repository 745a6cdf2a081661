/**
 * How meters look by level: the site intake large, building and function meters medium,
 * floor and equipment meters small, each in its own colour (distinct from the pipe blues).
 */
export interface MeterLook {
  /** Marker radius, m. */
  readonly radiusM: number;
  /** CSS / three.js colour. */
  readonly color: string;
}

export const METER_LOOK: Readonly<Record<1 | 2 | 3, MeterLook>> = {
  1: { radiusM: 1.0, color: '#ffb020' },
  2: { radiusM: 0.7, color: '#3ddc97' },
  3: { radiusM: 0.45, color: '#d38bff' },
};

/** Marker colour of a meter that has no data in the latest tick. */
export const METER_NO_DATA_COLOR = '#7a8699';
