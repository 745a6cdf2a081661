import { useFrame } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import {
  CylinderGeometry,
  DynamicDrawUsage,
  InstancedBufferAttribute,
  type InstancedMesh,
} from 'three';
import type { Topology } from '../../models/protocol';
import type { Site } from '../../models/site';
import { alertStore, suspectConfidences } from '../state/alertStore';
import { liveStore } from '../state/liveStore';
import { projectionStore } from '../state/projectionStore';
import { setPipeProbe } from '../testHooks';
import { regionBoxThree, type VisibleRegion } from './floorRange';
import { createPaintScratch, initPipeColors, paintPipes, paintProjectedPipes } from './pipeColors';
import { layoutPipes } from './pipeLayout';
import {
  createPipeMaterial,
  PIPE_ATTR_FLOW,
  PIPE_ATTR_LENGTH,
  PIPE_ATTR_SUSPECT,
} from './pipeMaterial';

interface Props {
  readonly site: Site;
  readonly topology: Topology;
  readonly region: VisibleRegion;
}

/**
 * The whole pipe network as one instanced draw, recoloured when a tick arrives or the open
 * alerts change: suspect pipes glow amber to red by confidence over the flow colours.
 */
export function PipeNetwork({ site, topology, region }: Props) {
  const meshRef = useRef<InstancedMesh>(null);
  const applied = useRef({ live: -1, alerts: -1, projection: -1 });
  const scratch = useMemo(() => createPaintScratch(), []);

  // Geometry, material and per-instance buffers, rebuilt only with a new topology.
  const layout = useMemo(() => layoutPipes(topology.pipes, site.network.nodes), [site, topology]);
  const pipeIndex = useMemo(
    () => new Map(topology.pipes.map((p, i) => [p.id, i] as const)),
    [topology],
  );
  const suspects = useMemo(() => new Float32Array(layout.count), [layout]);
  const geometry = useMemo(() => {
    const g = new CylinderGeometry(1, 1, 1, 8, 1, true);
    g.setAttribute(
      PIPE_ATTR_LENGTH,
      new InstancedBufferAttribute(new Float32Array(layout.lengthsM), 1),
    );
    for (const name of [PIPE_ATTR_FLOW, PIPE_ATTR_SUSPECT]) {
      const attr = new InstancedBufferAttribute(new Float32Array(layout.count), 1);
      attr.setUsage(DynamicDrawUsage);
      g.setAttribute(name, attr);
    }
    return g;
  }, [layout]);
  const material = useMemo(() => createPipeMaterial(), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  // Matrices, and a colour for every instance before the first render (PB-15, three.js
  // #21786). A layout effect, so this runs before the frame loop draws the new mesh.
  useLayoutEffect(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    mesh.instanceMatrix.array.set(layout.matrices);
    mesh.instanceMatrix.needsUpdate = true;
    initPipeColors(mesh, scratch);
    mesh.computeBoundingSphere();
    applied.current = { live: -1, alerts: -1, projection: -1 };
  }, [layout, scratch]);

  // Test hook: what the draw holds now (observing only).
  useEffect(() => {
    setPipeProbe({
      suspectPipeCount: () => suspects.reduce((n, c) => (c > 0 ? n + 1 : n), 0),
      pipeColor: (pipeId) => {
        const i = pipeIndex.get(pipeId);
        const colors = meshRef.current?.instanceColor;
        if (i === undefined || !colors) return null;
        return [colors.getX(i), colors.getY(i), colors.getZ(i)];
      },
    });
    return () => setPipeProbe(null);
  }, [pipeIndex, suspects]);

  // The visible region as a box in three.js coordinates, for the fragment cut.
  useEffect(() => {
    const box = regionBoxThree(region);
    material.uniforms.uBoxMin!.value.copy(box.min);
    material.uniforms.uBoxMax!.value.copy(box.max);
  }, [material, region]);

  useFrame((_, delta) => {
    const mesh = meshRef.current;
    if (!mesh) return;

    // Step 1: advance the dash and pulse animation (wrapped to keep float32 precision).
    const time = material.uniforms.uTimeS!;
    time.value = (time.value + delta) % 3600;

    // Step 2: repaint only when a tick, the open alerts or the projection changed.
    const { version, tick } = liveStore.getState();
    const { version: alertVersion, alerts } = alertStore.getState();
    const { version: projectionVersion, flows: projected } = projectionStore.getState();
    const last = applied.current;
    if (projected && projectionVersion === last.projection) return;
    if (
      !projected &&
      version === last.live &&
      alertVersion === last.alerts &&
      projectionVersion === last.projection
    ) {
      return;
    }
    applied.current = { live: version, alerts: alertVersion, projection: projectionVersion };
    const geometryOf = mesh.geometry;
    const attributes = {
      flow: geometryOf.getAttribute(PIPE_ATTR_FLOW) as InstancedBufferAttribute,
      suspect: geometryOf.getAttribute(PIPE_ATTR_SUSPECT) as InstancedBufferAttribute,
    };

    // Step 3a: a projection replaces every measured colour while it is shown.
    const projectedUniform = material.uniforms.uProjected!;
    if (projected && projected.afterLps.length === layout.count) {
      projectedUniform.value = 1;
      paintProjectedPipes(
        mesh,
        projected.beforeLps,
        projected.afterLps,
        attributes,
        scratch,
        projected.scaleLps,
      );
      return;
    }

    // Step 3b: measured colours, dash speeds and suspect emphasis for every instance.
    projectedUniform.value = 0;
    const flows = tick?.pipeFlowLps;
    suspectConfidences(alerts, pipeIndex, suspects);
    paintPipes(
      mesh,
      flows && flows.length === layout.count ? flows : null,
      suspects,
      attributes,
      scratch,
    );
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
