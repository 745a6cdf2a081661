import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, type InstancedMesh, Matrix4, Vector3 } from 'three';
import type { Fixture } from '../../models/site';
import { worldToThree } from './coords';
import { inRegion, type VisibleRegion } from './floorRange';

/** Edge of the cube drawn for a fixture, m. */
const FIXTURE_SIZE_M = 0.35;

interface Props {
  readonly fixtures: readonly Fixture[];
  readonly region: VisibleRegion;
}

/**
 * Fixtures as small cubes in one instanced draw. Floor isolation shrinks the hidden ones to
 * nothing; that happens on a click, not per frame.
 */
export function Fixtures({ fixtures, region }: Props) {
  const meshRef = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new BoxGeometry(1, 1, 1), []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    const matrix = new Matrix4();
    const position = new Vector3();
    fixtures.forEach((fixture, i) => {
      const p = fixture.position;
      // Sit the cube on its point rather than around it.
      worldToThree(p.x, p.y, p.z + FIXTURE_SIZE_M / 2, position);
      const size = inRegion(region, p) ? FIXTURE_SIZE_M : 0;
      matrix.makeScale(size, size, size).setPosition(position);
      mesh.setMatrixAt(i, matrix);
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [fixtures, region]);

  if (fixtures.length === 0) return null;
  return (
    <instancedMesh
      key={fixtures.length}
      ref={meshRef}
      args={[geometry, undefined, fixtures.length]}
      raycast={() => null}
    >
      <meshStandardMaterial color="#dfe9f5" roughness={0.6} />
    </instancedMesh>
  );
}
