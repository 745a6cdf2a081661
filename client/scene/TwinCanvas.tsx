import { OrbitControls } from '@react-three/drei';
import { Canvas, events as pointerEvents } from '@react-three/fiber';
import { useMemo } from 'react';
import type { Topology } from '../../models/protocol';
import type { Site } from '../../models/site';
import { uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { Buildings } from './Buildings';
import { CameraRig } from './CameraRig';
import { Fixtures } from './Fixtures';
import { visibleRegion } from './floorRange';
import { Ground } from './Ground';
import { LabelDeclutter } from './LabelDeclutter';
import { MeterMarkers } from './MeterMarkers';
import { PipeNetwork } from './PipeNetwork';
import { pickFilter } from './pickFilter';
import { RoomHighlight } from './RoomHighlight';
import { SceneProbe } from './SceneProbe';

/** Camera field of view, degrees. */
const FOV_DEG = 42;

function SiteScene({ site, topology }: { readonly site: Site; readonly topology: Topology }) {
  const floor = useUi((s) => s.floor);
  const region = useMemo(() => visibleRegion(site, floor), [site, floor]);
  return (
    <>
      <Ground site={site} />
      <Buildings site={site} floor={floor} />
      <RoomHighlight site={site} />
      <PipeNetwork site={site} topology={topology} region={region} />
      <Fixtures fixtures={site.fixtures} region={region} />
      <MeterMarkers site={site} topology={topology} region={region} />
      <CameraRig site={site} />
      <LabelDeclutter />
      <SceneProbe site={site} />
    </>
  );
}

/** Turns per second of the lobby's slow orbit (OrbitControls' unit: 2 = 30 s a turn). */
const KIOSK_ORBIT_SPEED = 0.35;

/**
 * The 3D view. `preserveDrawingBuffer` lets browser tests read the canvas pixels. In `kiosk`
 * mode (lobby, show) nobody steers: the camera orbits slowly and the tour moves it.
 */
export function TwinCanvas({ kiosk = false }: { readonly kiosk?: boolean }) {
  const site = useLive((s) => s.site);
  const topology = useLive((s) => s.topology);

  return (
    <div className="twin-canvas" data-testid={testIds.canvas}>
      <Canvas
        flat
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        camera={{ fov: FOV_DEG, near: 0.5, far: 2000, position: [80, 70, 110] }}
        events={(store) => ({ ...pointerEvents(store), filter: pickFilter })}
        onPointerMissed={() => uiStore.getState().setHoveredRoom(null)}
      >
        <color attach="background" args={['#061222']} />
        <fog attach="fog" args={['#061222', 250, 900]} />
        <ambientLight intensity={0.9} />
        <directionalLight position={[60, 120, 40]} intensity={1.6} />
        <hemisphereLight args={['#a8d4ff', '#0b1a2e', 0.6]} />
        {site && topology && <SiteScene site={site} topology={topology} />}
        <OrbitControls
          makeDefault
          enableRotate={!kiosk}
          enableZoom={!kiosk}
          enablePan={!kiosk}
          autoRotate={kiosk}
          autoRotateSpeed={KIOSK_ORBIT_SPEED}
          enableDamping
          dampingFactor={0.12}
          maxPolarAngle={Math.PI * 0.49}
        />
      </Canvas>
    </div>
  );
}
