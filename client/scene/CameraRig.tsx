import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Camera, Vector3 } from 'three';
import type { Site } from '../../models/site';
import { type CameraGoal, uiStore, useUi } from '../state/uiStore';
import { goalFrame, viewDirection } from './cameraGoal';
import { readCovers } from './panelCovers';
import type { CameraFrame, Lens } from './sceneFrame';
import { freeViewArea } from './viewArea';

/** What the rig needs of the orbit controls (drei's `makeDefault` puts them in the store). */
interface OrbitLike {
  readonly target: Vector3;
  update(): unknown;
  addEventListener(type: 'start', listener: () => void): void;
  removeEventListener(type: 'start', listener: () => void): void;
}

/** Length of a camera flight, s. */
const FLIGHT_DURATION_S = 0.9;

interface Flight {
  readonly fromTarget: Vector3;
  readonly toTarget: Vector3;
  readonly fromPosition: Vector3;
  readonly toPosition: Vector3;
  elapsedS: number;
}

/** A goal waiting for the next frame; `instant` jumps there instead of flying. */
interface Pending {
  readonly goal: CameraGoal;
  readonly instant: boolean;
}

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

function lensOf(camera: Camera, aspect: number): Lens {
  return { fovDeg: 'fov' in camera ? (camera.fov as number) : 45, aspect };
}

/**
 * Moves the camera to the goal in the UI store: the whole site when the site arrives and on
 * 全景, a storey when one is picked, a meter when it is selected, and back to the floor
 * choice's view when its chart closes. Frames avoid the panels over the view's edges. A user
 * drag during a flight cancels it.
 */
export function CameraRig({ site }: { readonly site: Site }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const canvas = useThree((s) => s.gl.domElement);
  const request = useUi((s) => s.cameraRequest);
  const pending = useRef<Pending | null>(null);
  const flight = useRef<Flight | null>(null);
  const scratch = useMemo(() => new Vector3(), []);

  // Step 1: the first view of a site is the overview; a snapshot after a reconnect keeps the view.
  const framedSiteId = useRef<string | null>(null);
  useEffect(() => {
    if (framedSiteId.current === site.id) return;
    framedSiteId.current = site.id;
    pending.current = { goal: { kind: 'overview' }, instant: true };
  }, [site]);

  // Step 2: every request is planned on the next frame, once the panels it opens are laid out.
  useEffect(() => {
    if (request === 0) return;
    pending.current = { goal: uiStore.getState().cameraGoal, instant: false };
  }, [request]);

  // A drag by the user wins over the flight.
  useEffect(() => {
    if (!controls) return;
    const cancel = () => {
      flight.current = null;
    };
    controls.addEventListener('start', cancel);
    return () => controls.removeEventListener('start', cancel);
  }, [controls]);

  const plan = (goal: CameraGoal, orbit: OrbitLike, aspect: number): CameraFrame | null => {
    const view = canvas.getBoundingClientRect();
    const area = freeViewArea(view, readCovers(canvas.ownerDocument));
    const from = viewDirection(orbit.target, camera.position);
    return goalFrame(site, goal, from, lensOf(camera, aspect), area);
  };

  useFrame((state, delta) => {
    if (!controls) return;

    // Step 3: turn a waiting goal into a jump or a flight.
    const next = pending.current;
    if (next) {
      pending.current = null;
      const frame = plan(next.goal, controls, state.size.width / Math.max(1, state.size.height));
      if (frame && next.instant) {
        flight.current = null;
        camera.position.copy(frame.position);
        controls.target.copy(frame.target);
        controls.update();
      } else if (frame) {
        flight.current = {
          fromTarget: controls.target.clone(),
          toTarget: frame.target,
          fromPosition: camera.position.clone(),
          toPosition: frame.position,
          elapsedS: 0,
        };
      }
    }

    // Step 4: move along the flight.
    const f = flight.current;
    if (!f) return;
    f.elapsedS = Math.min(FLIGHT_DURATION_S, f.elapsedS + delta);
    const t = easeInOut(f.elapsedS / FLIGHT_DURATION_S);
    controls.target.copy(scratch.lerpVectors(f.fromTarget, f.toTarget, t));
    camera.position.lerpVectors(f.fromPosition, f.toPosition, t);
    controls.update();
    if (f.elapsedS >= FLIGHT_DURATION_S) flight.current = null;
  });

  return null;
}
