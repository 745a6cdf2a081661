import { useFrame } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import {
  Color,
  CylinderGeometry,
  DynamicDrawUsage,
  InstancedBufferAttribute,
  type InstancedMesh,
  SRGBColorSpace,
} from 'three';
import type { Topology } from '../../models/protocol';
import type { Site } from '../../models/site';
import { liveStore } from '../state/liveStore';
import { flowColor, flowRampT, type Rgb } from './colorRamp';
import { regionBoxThree, type VisibleRegion } from './floorRange';
import { layoutPipes } from './pipeLayout';
import { createPipeMaterial, PIPE_ATTR_FLOW, PIPE_ATTR_LENGTH } from './pipeMaterial';

/** Flow that reads as "high" on the ramp unless the busiest pipe carries more, L/s. */
const MIN_HIGH_FLOW_LPS = 0.5;

interface Props {
  readonly site: Site;
  readonly topology: Topology;
  readonly region: VisibleRegion;
}

/** The whole pipe network as one instanced draw, recoloured when a tick arrives. */
export function PipeNetwork({ site, topology, region }: Props) {
  const meshRef = useRef<InstancedMesh>(null);
  const appliedVersion = useRef(-1);
  const scratch = useMemo(() => ({ rgb: { r: 0, g: 0, b: 0 } as Rgb, color: new Color() }), []);

  // Geometry, material and per-instance buffers, rebuilt only with a new topology.
  const layout = useMemo(() => layoutPipes(topology.pipes, site.network.nodes), [site, topology]);
  const geometry = useMemo(() => {
    const g = new CylinderGeometry(1, 1, 1, 8, 1, true);
    g.setAttribute(
      PIPE_ATTR_LENGTH,
      new InstancedBufferAttribute(new Float32Array(layout.lengthsM), 1),
    );
    const flow = new InstancedBufferAttribute(new Float32Array(layout.count), 1);
    flow.setUsage(DynamicDrawUsage);
    g.setAttribute(PIPE_ATTR_FLOW, flow);
    return g;
  }, [layout]);
  const material = useMemo(() => createPipeMaterial(), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  // Matrices, and a colour for every instance before the first render: an instanceColor
  // buffer created later starts black for the instances not yet set (three.js #21786).
  // A layout effect, so this runs before the frame loop draws the new mesh.
  useLayoutEffect(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    mesh.instanceMatrix.array.set(layout.matrices);
    mesh.instanceMatrix.needsUpdate = true;
    flowColor(0, 1, scratch.rgb);
    scratch.color.setRGB(scratch.rgb.r, scratch.rgb.g, scratch.rgb.b, SRGBColorSpace);
    for (let i = 0; i < layout.count; i++) mesh.setColorAt(i, scratch.color);
    mesh.instanceColor?.setUsage(DynamicDrawUsage);
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
    appliedVersion.current = -1;
  }, [layout, scratch]);

  // The visible region as a box in three.js coordinates, for the fragment cut.
  useEffect(() => {
    const box = regionBoxThree(region);
    material.uniforms.uBoxMin!.value.copy(box.min);
    material.uniforms.uBoxMax!.value.copy(box.max);
  }, [material, region]);

  useFrame((_, delta) => {
    const mesh = meshRef.current;
    if (!mesh) return;

    // Step 1: advance the dash animation (wrapped to keep float32 precision).
    const time = material.uniforms.uTimeS!;
    time.value = (time.value + delta) % 3600;

    // Step 2: recolour only when the store holds a tick we have not drawn.
    const { version, tick } = liveStore.getState();
    if (version === appliedVersion.current) return;
    appliedVersion.current = version;
    const flows = tick?.pipeFlowLps;
    if (!flows || flows.length !== layout.count || !mesh.instanceColor) return;

    // Step 3: the busiest pipe sets the top of the ramp, so colours stay readable at night.
    let high = MIN_HIGH_FLOW_LPS;
    for (let i = 0; i < flows.length; i++) high = Math.max(high, Math.abs(flows[i]!));

    // Step 4: colour and signed dash speed per instance.
    const flowAttr = mesh.geometry.getAttribute(PIPE_ATTR_FLOW) as InstancedBufferAttribute;
    for (let i = 0; i < flows.length; i++) {
      const q = flows[i]!;
      const t = flowRampT(q, high);
      flowColor(q, high, scratch.rgb);
      scratch.color.setRGB(scratch.rgb.r, scratch.rgb.g, scratch.rgb.b, SRGBColorSpace);
      mesh.setColorAt(i, scratch.color);
      flowAttr.setX(i, q < 0 ? -t : t);
    }
    mesh.instanceColor.needsUpdate = true;
    flowAttr.needsUpdate = true;
  });

  if (layout.count === 0) return null;
  return (
    <instancedMesh
      ref={meshRef}
      args={[geometry, material, layout.count]}
      frustumCulled={false}
      raycast={() => null}
    />
  );
}
