import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { Site } from '../../models/site';
import { siteIndex } from '../state/siteIndex';
import { markSceneReady, setMeterScreenProbe, setSceneStatsProbe } from '../testHooks';
import { worldToThree } from './coords';
import { meterObjectName } from './MeterMarkers';
import { shownInScene } from './pickFilter';

/**
 * Test support inside the canvas: signals "scene ready" once a frame with the building has
 * been rendered, and lets tests ask where a meter marker is on screen so they can click it.
 */
export function SceneProbe({ site }: { readonly site: Site }) {
  const get = useThree((s) => s.get);
  const frames = useRef(0);

  // useFrame runs before the render of its frame, so the second call means one frame is drawn.
  useFrame(() => {
    frames.current += 1;
    if (frames.current === 2) markSceneReady();
  });

  useEffect(() => {
    const point = new Vector3();
    setMeterScreenProbe((meterId) => {
      const entry = siteIndex(site).meters.get(meterId);
      if (!entry?.node) return null;
      const { camera, size, scene } = get();
      const marker = scene.getObjectByName(meterObjectName(meterId));
      if (marker && !shownInScene(marker)) return null;
      const p = entry.node.position;
      worldToThree(p.x, p.y, p.z, point).project(camera);
      if (point.z > 1 || Math.abs(point.x) > 1 || Math.abs(point.y) > 1) return null;
      return { x: ((point.x + 1) / 2) * size.width, y: ((1 - point.y) / 2) * size.height };
    });
    return () => setMeterScreenProbe(null);
  }, [site, get]);

  useEffect(() => {
    setSceneStatsProbe(() => {
      const { gl, scene } = get();
      let objects = 0;
      scene.traverse(() => {
        objects += 1;
      });
      return {
        geometries: gl.info.memory.geometries,
        textures: gl.info.memory.textures,
        programs: gl.info.programs?.length ?? 0,
        calls: gl.info.render.calls,
        triangles: gl.info.render.triangles,
        objects,
      };
    });
    return () => setSceneStatsProbe(null);
  }, [get]);

  return null;
}
