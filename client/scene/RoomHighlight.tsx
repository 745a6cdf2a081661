import { useEffect, useMemo } from 'react';
import type { Site } from '../../models/site';
import { siteIndex } from '../state/siteIndex';
import { useUi } from '../state/uiStore';
import { ROOM_LIFT_M } from './FloorModel';
import { pushFill, pushOutline, worldGeometry } from './planGeometry';

/** The hovered room drawn brighter over its floor plan. */
export function RoomHighlight({ site }: { readonly site: Site }) {
  const roomId = useUi((s) => s.hoveredRoom?.roomId ?? null);
  const geometries = useMemo(() => {
    const entry = roomId ? siteIndex(site).rooms.get(roomId) : undefined;
    if (!entry) return null;
    const z = entry.floor.elevationM + ROOM_LIFT_M + 0.02;
    const fill: number[] = [];
    const outline: number[] = [];
    pushFill(entry.room.polygon, z, fill);
    pushOutline(entry.room.polygon, z + 0.01, outline);
    return { fill: worldGeometry(fill), outline: worldGeometry(outline) };
  }, [site, roomId]);
  useEffect(
    () => () => {
      geometries?.fill.dispose();
      geometries?.outline.dispose();
    },
    [geometries],
  );

  if (!geometries) return null;
  return (
    <group>
      <mesh geometry={geometries.fill} renderOrder={3} raycast={() => null}>
        <meshBasicMaterial color="#7fe3ff" transparent opacity={0.35} depthWrite={false} side={2} />
      </mesh>
      <lineSegments geometry={geometries.outline} raycast={() => null}>
        <lineBasicMaterial color="#d9f6ff" />
      </lineSegments>
    </group>
  );
}
