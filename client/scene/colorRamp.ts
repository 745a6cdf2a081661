/**
 * The colour of a pipe by the magnitude of its flow: grey when still, blue when flowing,
 * cyan at high flow. Colours are sRGB components in 0…1; the caller converts to the renderer's
 * working space (three's `Color.setRGB(r, g, b, SRGBColorSpace)`).
 */

/** An sRGB colour, components 0…1. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Flows below this magnitude count as still water, L/s. */
export const STILL_FLOW_LPS = 0.001;

/** Ramp stops at t = 0, 0.5 and 1. */
export const RAMP_STILL: Readonly<Rgb> = { r: 0.42, g: 0.47, b: 0.53 };
export const RAMP_FLOWING: Readonly<Rgb> = { r: 0.12, g: 0.42, b: 1.0 };
export const RAMP_HIGH: Readonly<Rgb> = { r: 0.35, g: 0.96, b: 1.0 };

/**
 * Position on the ramp, 0…1, of a flow magnitude against the flow that counts as high.
 * Logarithmic, so a dripping tap still shows against a 5 L/s main.
 */
export function flowRampT(flowLps: number, highFlowLps: number): number {
  const q = Math.abs(flowLps);
  if (!(q >= STILL_FLOW_LPS) || !(highFlowLps > 0)) return 0;
  // A quarter of the ramp is reached at 1 % of the high flow; log1p keeps 0 at 0.
  const scale = highFlowLps / 100;
  const t = Math.log1p(q / scale) / Math.log1p(highFlowLps / scale);
  return Math.min(1, Math.max(0.08, t));
}

function mix(a: Readonly<Rgb>, b: Readonly<Rgb>, t: number, out: Rgb): Rgb {
  out.r = a.r + (b.r - a.r) * t;
  out.g = a.g + (b.g - a.g) * t;
  out.b = a.b + (b.b - a.b) * t;
  return out;
}

/** Writes the ramp colour at `t` (0…1) into `out`; no allocation, for the render loop. */
export function rampColor(t: number, out: Rgb): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return u <= 0.5
    ? mix(RAMP_STILL, RAMP_FLOWING, u / 0.5, out)
    : mix(RAMP_FLOWING, RAMP_HIGH, (u - 0.5) / 0.5, out);
}

/** The colour of a pipe carrying `flowLps` (sign ignored) where `highFlowLps` is high flow. */
export function flowColor(flowLps: number, highFlowLps: number, out: Rgb): Rgb {
  return rampColor(flowRampT(flowLps, highFlowLps), out);
}

/** Suspect pipes: amber at low confidence, red at full confidence. */
export const SUSPECT_LOW: Readonly<Rgb> = { r: 1.0, g: 0.7, b: 0.12 };
export const SUSPECT_HIGH: Readonly<Rgb> = { r: 1.0, g: 0.12, b: 0.1 };

/** Writes the colour of a pipe suspected with `confidence` (0…1) into `out`; no allocation. */
export function suspectColor(confidence: number, out: Rgb): Rgb {
  const c = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  return mix(SUSPECT_LOW, SUSPECT_HIGH, c, out);
}

/**
 * Projected flows (a retrofit scenario, never a measurement): violet at low flow to pale
 * lilac at high, apart from the measured blue-cyan ramp; the shader also draws them dashed.
 */
export const PROJECTED_LOW: Readonly<Rgb> = { r: 0.3, g: 0.18, b: 0.55 };
export const PROJECTED_HIGH: Readonly<Rgb> = { r: 0.86, g: 0.62, b: 1.0 };

/** Decades of flow below the top that the projected ramp spreads over. */
const PROJECTED_DECADES = 3;

/**
 * Position on the projected ramp, 0…1. Projected flows are means over a day or an hour, so
 * any flow above zero is water that moves: there is no still-water cut-off and no floor, and
 * a smaller flow always sits lower. A pipe feeding one fixture, whose day mean is below
 * `STILL_FLOW_LPS`, therefore shows its saving. Logarithmic over three decades below the top.
 */
export function projectedRampT(flowLps: number, highFlowLps: number): number {
  const q = Math.abs(flowLps);
  if (!(q > 0) || !(highFlowLps > 0)) return 0;
  const scale = highFlowLps / 10 ** PROJECTED_DECADES;
  return Math.min(1, Math.log1p(q / scale) / Math.log1p(highFlowLps / scale));
}

/** Writes the colour of a pipe projected to carry `flowLps` against `highFlowLps` into `out`. */
export function projectedColor(flowLps: number, highFlowLps: number, out: Rgb): Rgb {
  return mix(PROJECTED_LOW, PROJECTED_HIGH, projectedRampT(flowLps, highFlowLps), out);
}
