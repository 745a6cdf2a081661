import { useEffect, useMemo } from 'react';
import type { Polygon2, Site } from '../../models/site';
import { toThreeTuple } from './coords';
import { planBounds, pushFill, pushOutline, worldGeometry } from './planGeometry';

/** The site's ground: a dark plane with a grid, and the irrigated areas in green. */
export function Ground({ site }: { readonly site: Site }) {
  const { center, sizeM, plane } = useMemo(() => {
    const b = planBounds([
      ...site.buildings.map((x) => x.footprint),
      ...site.outdoor.irrigatedAreas.map((a) => a.polygon),
    ]);
    const size = Math.ceil((Math.max(b.maxX - b.minX, b.maxY - b.minY) + 60) / 10) * 10;
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    const h = size / 2;
    const square: Polygon2 = [
      [cx - h, cy - h],
      [cx + h, cy - h],
      [cx + h, cy + h],
      [cx - h, cy + h],
    ];
    const positions: number[] = [];
    pushFill(square, -0.05, positions);
    return {
      center: toThreeTuple({ x: cx, y: cy, z: -0.04 }),
      sizeM: size,
      plane: worldGeometry(positions),
    };
  }, [site]);
  useEffect(() => () => plane.dispose(), [plane]);

  const areas = useMemo(() => {
    const fill: number[] = [];
    const outline: number[] = [];
    for (const area of site.outdoor.irrigatedAreas) {
      pushFill(area.polygon, 0.02, fill);
      pushOutline(area.polygon, 0.03, outline);
    }
    if (fill.length === 0) return null;
    return { fill: worldGeometry(fill), outline: worldGeometry(outline) };
  }, [site]);
  useEffect(
    () => () => {
      areas?.fill.dispose();
      areas?.outline.dispose();
    },
    [areas],
  );

  return (
    <group>
      <mesh geometry={plane} raycast={() => null}>
        {/* Translucent, so the intake, the buried mains and their meters show through. */}
        <meshBasicMaterial color="#0a1829" side={2} transparent opacity={0.6} depthWrite={false} />
      </mesh>
      <gridHelper args={[sizeM, sizeM / 5, '#1d3a5c', '#142a45']} position={center} />
      {areas && (
        <>
          <mesh geometry={areas.fill} raycast={() => null}>
            <meshBasicMaterial
              color="#2f8f5b"
              transparent
              opacity={0.35}
              depthWrite={false}
              side={2}
            />
          </mesh>
          <lineSegments geometry={areas.outline}>
            <lineBasicMaterial color="#5fd08f" transparent opacity={0.6} />
          </lineSegments>
        </>
      )}
    </group>
  );
}
