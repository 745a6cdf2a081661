import { Matrix4, Quaternion, Vector3 } from 'three';
import type { TopologyPipe } from '../../models/protocol';
import type { NetworkNode } from '../../models/site';
import { worldToThree } from './coords';

/**
 * Where each pipe instance sits: a unit cylinder (radius 1, height 1, centred, along +y)
 * stretched from its upstream node to its downstream node. Instance order is the topology's
 * pipe order, so tick array `pipeFlowLps[i]` colours instance i.
 */

/** Drawn radius of a pipe, m: thicker than life so a DN15 branch is still visible. */
export function pipeRadiusM(diameterMm: number): number {
  return 0.1 + diameterMm * 0.0025;
}

export interface PipeLayout {
  /** 16 floats per pipe, column-major instance matrices. */
  readonly matrices: Float32Array;
  /** Drawn length of each pipe, m (0 for a pipe whose nodes are missing or coincide). */
  readonly lengthsM: Float32Array;
  readonly count: number;
}

const Y_AXIS = new Vector3(0, 1, 0);

export function layoutPipes(
  pipes: readonly TopologyPipe[],
  nodes: readonly NetworkNode[],
): PipeLayout {
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const matrices = new Float32Array(pipes.length * 16);
  const lengthsM = new Float32Array(pipes.length);
  const a = new Vector3();
  const b = new Vector3();
  const mid = new Vector3();
  const dir = new Vector3();
  const scale = new Vector3();
  const rotation = new Quaternion();
  const matrix = new Matrix4();

  pipes.forEach((pipe, i) => {
    const from = nodeById.get(pipe.from);
    const to = nodeById.get(pipe.to);
    let length = 0;
    if (from && to) {
      worldToThree(from.position.x, from.position.y, from.position.z, a);
      worldToThree(to.position.x, to.position.y, to.position.z, b);
      length = a.distanceTo(b);
    }

    // A missing or zero-length pipe becomes an invisible, zero-scale instance.
    if (length < 1e-6) {
      matrix.makeScale(0, 0, 0);
    } else {
      mid.addVectors(a, b).multiplyScalar(0.5);
      dir.subVectors(b, a).divideScalar(length);
      rotation.setFromUnitVectors(Y_AXIS, dir);
      const r = pipeRadiusM(pipe.diameterMm);
      matrix.compose(mid, rotation, scale.set(r, length, r));
    }
    matrix.toArray(matrices, i * 16);
    lengthsM[i] = length;
  });

  return { matrices, lengthsM, count: pipes.length };
}
