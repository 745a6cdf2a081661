import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, EdgesGeometry } from 'three';
import type { Building, Floor } from '../../models/site';
import { uiStore } from '../state/uiStore';
import { PICK_ROOM } from './pickFilter';
import { pushFill, pushOutline, slabGeometry, worldGeometry } from './planGeometry';
import { roomTint } from './roomStyle';

/** Slab thickness drawn, m. */
export const SLAB_THICKNESS_M = 0.12;
/** Room plans float just above the slab so they do not z-fight with it, m. */
export const ROOM_LIFT_M = SLAB_THICKNESS_M + 0.03;

interface Props {
  readonly building: Building;
  readonly floor: Floor;
  readonly visible: boolean;
}

/** Builds the floor's room fill (one mesh) and the triangle → room lookup for hovering. */
function buildRooms(floor: Floor) {
  const positions: number[] = [];
  const colors: number[] = [];
  const roomOfTriangle: string[] = [];
  const outline: number[] = [];
  const color = new Color();
  const z = floor.elevationM + ROOM_LIFT_M;
  for (const room of floor.rooms) {
    const triangles = pushFill(room.polygon, z, positions);
    color.setHex(roomTint(room.function));
    for (let i = 0; i < triangles * 3; i++) colors.push(color.r, color.g, color.b);
    for (let i = 0; i < triangles; i++) roomOfTriangle.push(room.id);
    pushOutline(room.polygon, z + 0.01, outline);
  }
  return {
    fill: positions.length > 0 ? worldGeometry(positions, colors) : null,
    outline: outline.length > 0 ? worldGeometry(outline) : null,
    roomOfTriangle,
  };
}

/** One storey: a translucent slab with its edges, tinted room plans and room outlines. */
export function FloorModel({ building, floor, visible }: Props) {
  const slab = useMemo(
    () => slabGeometry(building.footprint, floor.elevationM, SLAB_THICKNESS_M),
    [building.footprint, floor.elevationM],
  );
  const edges = useMemo(() => new EdgesGeometry(slab), [slab]);
  const rooms = useMemo(() => buildRooms(floor), [floor]);
  useEffect(
    () => () => {
      slab.dispose();
      edges.dispose();
      rooms.fill?.dispose();
      rooms.outline?.dispose();
    },
    [slab, edges, rooms],
  );

  const onRoomMove = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    const roomId = e.faceIndex == null ? undefined : rooms.roomOfTriangle[e.faceIndex];
    if (!roomId) return;
    uiStore
      .getState()
      .setHoveredRoom({ roomId, x: e.nativeEvent.clientX, y: e.nativeEvent.clientY });
  };
  const onRoomOut = () => uiStore.getState().setHoveredRoom(null);

  return (
    <group visible={visible}>
      <mesh geometry={slab} renderOrder={1}>
        <meshStandardMaterial color="#6f94c4" transparent opacity={0.13} depthWrite={false} />
      </mesh>
      <lineSegments geometry={edges}>
        <lineBasicMaterial color="#8cc4ff" transparent opacity={0.7} />
      </lineSegments>
      {rooms.fill && (
        <mesh
          geometry={rooms.fill}
          renderOrder={2}
          onPointerMove={onRoomMove}
          onPointerOut={onRoomOut}
          userData={{ pick: PICK_ROOM }}
        >
          <meshBasicMaterial vertexColors transparent opacity={0.22} depthWrite={false} side={2} />
        </mesh>
      )}
      {rooms.outline && (
        <lineSegments geometry={rooms.outline}>
          <lineBasicMaterial color="#a9d4ff" transparent opacity={0.45} />
        </lineSegments>
      )}
    </group>
  );
}
