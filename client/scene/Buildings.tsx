import { useEffect, useMemo } from 'react';
import type { Building, Site } from '../../models/site';
import type { FloorFilter } from '../state/uiStore';
import { FloorModel } from './FloorModel';
import { pushCornerPosts, worldGeometry } from './planGeometry';

interface Props {
  readonly site: Site;
  readonly floor: FloorFilter;
}

/** Vertical edges at the footprint corners, ground to roof, so the stack reads as a building. */
function CornerPosts({ building }: { readonly building: Building }) {
  const geometry = useMemo(() => {
    const bottom = Math.min(...building.floors.map((f) => f.elevationM));
    const top = Math.max(...building.floors.map((f) => f.elevationM + f.heightM));
    const positions: number[] = [];
    pushCornerPosts(building.footprint, bottom, top, positions);
    return worldGeometry(positions);
  }, [building]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color="#8cc4ff" transparent opacity={0.35} />
    </lineSegments>
  );
}

/** Every building of the site, floor by floor; floor isolation hides the other storeys. */
export function Buildings({ site, floor }: Props) {
  return (
    <group>
      {site.buildings.map((building) => (
        <group key={building.id}>
          {floor === null && <CornerPosts building={building} />}
          {building.floors.map((f) => (
            <FloorModel
              key={f.id}
              building={building}
              floor={f}
              visible={
                floor === null || (floor.buildingId === building.id && floor.floorId === f.id)
              }
            />
          ))}
        </group>
      ))}
    </group>
  );
}
