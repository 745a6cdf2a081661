import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import type { Site } from '../../models/site';
import { siteIndex } from '../state/siteIndex';
import { uiStore, useUi } from '../state/uiStore';
import { worldToThree } from './coords';
import { FOCUS_DISTANCE_M, frameSite } from './sceneFrame';

/** What the rig needs of the orbit controls (drei's `makeDefault` puts them in the store). */
interface OrbitLike {
  readonly target: Vector3;
  update(): unknown;
  addEventListener(type: 'start', listener: () => void): void;
  removeEventListener(type: 'start', listener: () => void): void;
}

/** Length of the focus animation, s. */
const FOCUS_DURATION_S = 0.9;

interface Flight {
  readonly fromTarget: Vector3;
  readonly toTarget: Vector3;
  readonly fromPosition: Vector3;
  readonly toPosition: Vector3;
  elapsedS: number;
}

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/**
 * Frames the site when it arrives and flies the camera to a meter when one is selected.
 * A user drag during the flight cancels it.
 */
export function CameraRig({ site }: { readonly site: Site }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const focusRequest = useUi((s) => s.focusRequest);
  const flight = useRef<Flight | null>(null);
  const scratch = useMemo(() => new Vector3(), []);

  // Step 1: frame the whole site once per site id; a snapshot after a reconnect keeps the view.
  const framedSiteId = useRef<string | null>(null);
  useEffect(() => {
    if (!controls || framedSiteId.current === site.id) return;
    framedSiteId.current = site.id;
    const frame = frameSite(site, 'fov' in camera ? (camera.fov as number) : 45);
    camera.position.copy(frame.position);
    controls.target.copy(frame.target);
    controls.update();
  }, [site, camera, controls]);

  // Step 2: a selection starts a flight towards the meter, keeping the viewing direction.
  useEffect(() => {
    if (!controls || focusRequest === 0) return;
    const meterId = uiStore.getState().selectedMeterId;
    const entry = meterId ? siteIndex(site).meters.get(meterId) : undefined;
    if (!entry?.node) return;
    const p = entry.node.position;
    const toTarget = worldToThree(p.x, p.y, p.z, new Vector3());
    const direction = new Vector3().subVectors(camera.position, controls.target).normalize();
    const toPosition = toTarget
      .clone()
      .addScaledVector(direction, FOCUS_DISTANCE_M[entry.meter.level]);
    flight.current = {
      fromTarget: controls.target.clone(),
      toTarget,
      fromPosition: camera.position.clone(),
      toPosition,
      elapsedS: 0,
    };
  }, [focusRequest, site, camera, controls]);

  // A drag by the user wins over the flight.
  useEffect(() => {
    if (!controls) return;
    const cancel = () => {
      flight.current = null;
    };
    controls.addEventListener('start', cancel);
    return () => controls.removeEventListener('start', cancel);
  }, [controls]);

  // Step 3: move along the flight each frame.
  useFrame((_, delta) => {
    const f = flight.current;
    if (!f || !controls) return;
    f.elapsedS = Math.min(FOCUS_DURATION_S, f.elapsedS + delta);
    const t = easeInOut(f.elapsedS / FOCUS_DURATION_S);
    controls.target.copy(scratch.lerpVectors(f.fromTarget, f.toTarget, t));
    camera.position.lerpVectors(f.fromPosition, f.toPosition, t);
    controls.update();
    if (f.elapsedS >= FOCUS_DURATION_S) flight.current = null;
  });

  return null;
}
