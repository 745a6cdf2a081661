import {
  BoxGeometry,
  Color,
  InstancedBufferAttribute,
  InstancedMesh,
  MeshBasicMaterial,
  REVISION,
  SRGBColorSpace,
} from 'three';
import { describe, expect, it } from 'vitest';
import { flowColor, type Rgb, SUSPECT_HIGH } from './colorRamp';
import { createPaintScratch, initPipeColors, paintPipes } from './pipeColors';

/** PB-15 (three.js #21786, #28853): instance colours set after the first frame. */

const entry = (mesh: InstancedMesh, i: number) => {
  const c = mesh.instanceColor!;
  return [c.getX(i), c.getY(i), c.getZ(i)];
};
/** An sRGB colour as the linear values `setColorAt` stores. */
const linear = (rgb: Rgb) => {
  const c = new Color().setRGB(rgb.r, rgb.g, rgb.b, SRGBColorSpace);
  return [c.r, c.g, c.b];
};
const close = (actual: number[], expected: number[]) => {
  for (const [k, v] of actual.entries()) expect(v).toBeCloseTo(expected[k]!, 5);
};

/** Three segments S-1, S-2, S-3 with a grey basic material, no instance colours yet. */
const threeSegments = () =>
  new InstancedMesh(new BoxGeometry(), new MeshBasicMaterial({ color: '#999999' }), 3);

describe('pipe instance colours (PB-15)', () => {
  it('runs against the pinned three.js', () => {
    expect(REVISION).toBe('187');
  });

  it('leaves untouched instances white, not black, when one colour is set later', () => {
    const mesh = threeSegments();
    expect(mesh.instanceColor).toBeNull();

    mesh.setColorAt(1, new Color(1, 0, 0));
    mesh.instanceColor!.needsUpdate = true;

    expect(entry(mesh, 0)).toEqual([1, 1, 1]);
    expect(entry(mesh, 1)).toEqual([1, 0, 0]);
    expect(entry(mesh, 2)).toEqual([1, 1, 1]);
  });

  it('gives every instance the still colour before the first render', () => {
    const mesh = threeSegments();

    initPipeColors(mesh, createPaintScratch());

    const still = linear(flowColor(0, 1, { r: 0, g: 0, b: 0 }));
    for (let i = 0; i < 3; i++) close(entry(mesh, i), still);
    expect(mesh.instanceColor!.version).toBeGreaterThan(0);
  });

  it('marks the suspect segment red later and keeps the others at their flow colour', () => {
    const mesh = threeSegments();
    const scratch = createPaintScratch();
    const flow = new InstancedBufferAttribute(new Float32Array(3), 1);
    const suspect = new InstancedBufferAttribute(new Float32Array(3), 1);
    initPipeColors(mesh, scratch);
    const flows = [0.2, 0.2, 0.2];
    paintPipes(mesh, flows, null, { flow, suspect }, scratch);
    const flowing = entry(mesh, 0);
    const versionBefore = mesh.instanceColor!.version;

    // 500 ms later the leak detector marks S-2 with full confidence.
    paintPipes(mesh, flows, new Float32Array([0, 1, 0]), { flow, suspect }, scratch);

    close(entry(mesh, 1), linear(SUSPECT_HIGH));
    expect(entry(mesh, 0)).toEqual(flowing);
    expect(entry(mesh, 2)).toEqual(flowing);
    expect(flowing[2]!).toBeGreaterThan(flowing[0]!); // blue, not black
    expect(mesh.instanceColor!.version).toBeGreaterThan(versionBefore);
    expect([...suspect.array]).toEqual([0, 1, 0]);
    expect(flow.getX(0)).toBeGreaterThan(0);
  });

  it('goes back to the flow colour when the alert is resolved', () => {
    const mesh = threeSegments();
    const scratch = createPaintScratch();
    initPipeColors(mesh, scratch);
    paintPipes(mesh, null, new Float32Array([0, 0.75, 0]), {}, scratch);
    expect(entry(mesh, 1)[0]!).toBeGreaterThan(entry(mesh, 1)[2]!);

    paintPipes(mesh, null, new Float32Array(3), {}, scratch);

    expect(entry(mesh, 1)).toEqual(entry(mesh, 0));
  });
});
