import {
  type BufferAttribute,
  Color,
  DynamicDrawUsage,
  type InstancedBufferAttribute,
  type InstancedMesh,
  SRGBColorSpace,
} from 'three';
import {
  flowColor,
  flowRampT,
  projectedColor,
  projectedRampT,
  type Rgb,
  suspectColor,
} from './colorRamp';

/**
 * The colours of the pipe instances, shared by the scene and its tests. Every instance gets a
 * colour before the first render (an `instanceColor` buffer created later left the instances
 * not yet set black, and a mesh drawn once without it ignored later colours: three.js #21786,
 * PB-15); later paints rewrite the same buffer in place and flag it for upload.
 */

/** Flow that reads as "high" on the ramp unless the busiest pipe carries more, L/s. */
export const MIN_HIGH_FLOW_LPS = 0.5;

/** Scratch values for painting without allocation in the render loop. */
export interface PaintScratch {
  readonly rgb: Rgb;
  readonly color: Color;
}

export function createPaintScratch(): PaintScratch {
  return { rgb: { r: 0, g: 0, b: 0 }, color: new Color() };
}

function put(mesh: InstancedMesh, i: number, scratch: PaintScratch): void {
  scratch.color.setRGB(scratch.rgb.r, scratch.rgb.g, scratch.rgb.b, SRGBColorSpace);
  mesh.setColorAt(i, scratch.color);
}

/** Gives every instance the still-water colour; run before the mesh is first drawn. */
export function initPipeColors(mesh: InstancedMesh, scratch: PaintScratch): void {
  flowColor(0, 1, scratch.rgb);
  for (let i = 0; i < mesh.count; i++) put(mesh, i, scratch);
  if (mesh.instanceColor) {
    mesh.instanceColor.setUsage(DynamicDrawUsage);
    mesh.instanceColor.needsUpdate = true;
  }
}

/** Optional per-instance attributes the pipe shader reads. */
export interface PipeAttributes {
  /** Signed dash speed, −1…1. */
  readonly flow?: InstancedBufferAttribute | BufferAttribute;
  /** Suspect emphasis, 0 (none) … 1. */
  readonly suspect?: InstancedBufferAttribute | BufferAttribute;
}

/**
 * Colours every instance: a pipe an open alert suspects takes the warm colour of its
 * confidence (amber → red), every other pipe the colour of its flow (`flows` null: still).
 * Writes the dash speed and the suspect emphasis when their attributes are given.
 */
export function paintPipes(
  mesh: InstancedMesh,
  flows: readonly number[] | null,
  suspects: Float32Array | null,
  attributes: PipeAttributes,
  scratch: PaintScratch,
): void {
  const count = mesh.count;
  // The busiest pipe sets the top of the ramp, so colours stay readable at night.
  let high = MIN_HIGH_FLOW_LPS;
  if (flows) for (let i = 0; i < count; i++) high = Math.max(high, Math.abs(flows[i] ?? 0));

  for (let i = 0; i < count; i++) {
    const q = flows?.[i] ?? 0;
    const suspect = suspects?.[i] ?? 0;
    if (suspect > 0) suspectColor(suspect, scratch.rgb);
    else flowColor(q, high, scratch.rgb);
    put(mesh, i, scratch);
    if (attributes.flow) {
      const t = flowRampT(q, high);
      attributes.flow.setX(i, q < 0 ? -t : t);
    }
    attributes.suspect?.setX(i, suspect);
  }
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  if (attributes.flow) attributes.flow.needsUpdate = true;
  if (attributes.suspect) attributes.suspect.needsUpdate = true;
}

/**
 * Colours every instance by a scenario's projected flow. The busiest pipe *before* the
 * scenario sets the top of the ramp, so a saving shows as a darker pipe; `scaleLps` fixes
 * the top instead (the busiest hour of a replayed day, so quiet hours look quiet). Suspect
 * emphasis is cleared: alerts belong to the measured view.
 */
export function paintProjectedPipes(
  mesh: InstancedMesh,
  beforeLps: ArrayLike<number>,
  afterLps: ArrayLike<number>,
  attributes: PipeAttributes,
  scratch: PaintScratch,
  scaleLps?: number,
): void {
  const count = mesh.count;
  let high = scaleLps ?? 0;
  if (scaleLps === undefined) {
    for (let i = 0; i < count; i++) high = Math.max(high, Math.abs(beforeLps[i] ?? 0));
  }
  for (let i = 0; i < count; i++) {
    const q = afterLps[i] ?? 0;
    projectedColor(q, high, scratch.rgb);
    put(mesh, i, scratch);
    attributes.flow?.setX(i, projectedRampT(q, high));
    attributes.suspect?.setX(i, 0);
  }
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  if (attributes.flow) attributes.flow.needsUpdate = true;
  if (attributes.suspect) attributes.suspect.needsUpdate = true;
}
