import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import type { Mesh, MeshStandardMaterial } from 'three';
import { MeterStatus, type Topology } from '../../models/protocol';
import type { Site } from '../../models/site';
import { localName } from '../i18n/index';
import { liveStore } from '../state/liveStore';
import { siteIndex } from '../state/siteIndex';
import { uiStore, useUi } from '../state/uiStore';
import { flowRampT } from './colorRamp';
import { toThreeTuple } from './coords';
import { inRegion, type VisibleRegion } from './floorRange';
import { MeterLabel } from './MeterLabel';
import { METER_LOOK, METER_NO_DATA_COLOR } from './meterStyle';
import { PICK_METER } from './pickFilter';

interface Props {
  readonly site: Site;
  readonly topology: Topology;
  readonly region: VisibleRegion;
}

/** A meter as drawn: where, how big, which tick slot. */
interface Marker {
  readonly id: string;
  readonly index: number;
  readonly level: 1 | 2 | 3;
  readonly world: { x: number; y: number; z: number };
  readonly position: [number, number, number];
  readonly name: { zh: string; en: string };
}

/** three.js object name of a meter's marker mesh. */
export const meterObjectName = (meterId: string) => `meter:${meterId}`;

function onOver(e: ThreeEvent<PointerEvent>, id: string) {
  e.stopPropagation();
  document.body.style.cursor = 'pointer';
  uiStore.getState().setHoveredMeter(id);
  uiStore.getState().setHoveredRoom(null);
}

function onOut(id: string) {
  document.body.style.cursor = '';
  if (uiStore.getState().hoveredMeterId === id) uiStore.getState().setHoveredMeter(null);
}

/**
 * Meter markers sized and coloured by level, glowing with their flow; click to focus. Each
 * has a label; where labels collide the declutter pass keeps the more important one.
 */
export function MeterMarkers({ site, topology, region }: Props) {
  const lang = useUi((s) => s.lang);
  const selectedId = useUi((s) => s.selectedMeterId);
  const hoveredId = useUi((s) => s.hoveredMeterId);
  // drei 10.7's Html appends to `events.connected` once set and rebuilds its React root when
  // that target changes; a label mounted before the canvas connected its events stayed empty.
  // Mounting labels after the connection avoids the switch. Remove once Html keeps its root.
  const eventsConnected = useThree((s) => Boolean(s.events.connected));
  const meshes = useRef<Array<Mesh | null>>([]);
  const appliedVersion = useRef(-1);

  const markers = useMemo(() => {
    const index = siteIndex(site);
    const list: Marker[] = [];
    topology.meters.forEach((m, i) => {
      const entry = index.meters.get(m.id);
      if (!entry?.node) return;
      list.push({
        id: m.id,
        index: i,
        level: m.level,
        world: entry.node.position,
        position: toThreeTuple(entry.node.position),
        name: entry.meter.serves,
      });
    });
    return list;
  }, [site, topology]);

  // Glow with flow and grey out meters without data, once per applied tick.
  useFrame(() => {
    const { version, tick } = liveStore.getState();
    if (version === appliedVersion.current) return;
    appliedVersion.current = version;
    let high = 0.2;
    for (const q of tick?.meterFlowLps ?? []) high = Math.max(high, Math.abs(q));
    markers.forEach((marker, i) => {
      const material = meshes.current[i]?.material as MeshStandardMaterial | undefined;
      if (!material) return;
      const noData = (tick?.meterStatus[marker.index] ?? MeterStatus.noData) === MeterStatus.noData;
      const flow = tick?.meterFlowLps[marker.index] ?? 0;
      material.color.set(noData ? METER_NO_DATA_COLOR : METER_LOOK[marker.level].color);
      material.emissiveIntensity = noData ? 0 : 0.25 + 0.75 * flowRampT(flow, high);
    });
  });

  return (
    <group>
      {markers.map((marker, i) => {
        const look = METER_LOOK[marker.level];
        const visible = inRegion(region, marker.world);
        const selected = marker.id === selectedId;
        // Every shown meter has a label; the declutter pass keeps level 3 out of the way.
        const showLabel = eventsConnected && visible;
        return (
          <group key={marker.id} position={marker.position} visible={visible}>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh, not DOM; the tree and the labels are the accessible way to pick a meter */}
            <mesh
              renderOrder={10}
              ref={(mesh) => {
                meshes.current[i] = mesh;
              }}
              name={meterObjectName(marker.id)}
              userData={{ pick: PICK_METER, meterId: marker.id }}
              onClick={(e) => {
                e.stopPropagation();
                uiStore.getState().selectMeter(marker.id);
              }}
              onPointerOver={(e) => onOver(e, marker.id)}
              onPointerOut={() => onOut(marker.id)}
            >
              <sphereGeometry args={[look.radiusM, 24, 16]} />
              {/* Drawn over slabs and ground, so underground and indoor meters stay in sight. */}
              <meshStandardMaterial
                color={look.color}
                emissive={look.color}
                roughness={0.35}
                depthTest={false}
                transparent
              />
            </mesh>
            {selected && (
              <mesh rotation={[Math.PI / 2, 0, 0]} raycast={() => null} renderOrder={11}>
                <torusGeometry args={[look.radiusM * 1.6, look.radiusM * 0.12, 8, 40]} />
                <meshBasicMaterial color="#ffffff" depthTest={false} transparent />
              </mesh>
            )}
            {showLabel && (
              <MeterLabel
                meterId={marker.id}
                index={marker.index}
                level={marker.level}
                name={localName(marker.name, lang)}
                position={[0, look.radiusM + 0.2, 0]}
                selected={selected}
                hovered={marker.id === hoveredId}
              />
            )}
          </group>
        );
      })}
    </group>
  );
}
