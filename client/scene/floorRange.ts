import { Vector3 } from 'three';
import type { Site } from '../../models/site';
import type { FloorFilter } from '../state/uiStore';
import { worldToThree } from './coords';
import { planBounds } from './planGeometry';

/**
 * The part of the site that floor isolation keeps visible: a band of heights (world z) and,
 * for a building's storey, that building's plan. Pipes, fixtures and meters are shown by where
 * they sit, so risers and ceiling runs stay roughly with the storey they serve.
 */
export interface VisibleRegion {
  readonly minZM: number;
  readonly maxZM: number;
  /** Plan bounds in world metres, or null for no limit in plan. */
  readonly plan: { minX: number; maxX: number; minY: number; maxY: number } | null;
}

export const WHOLE_SITE: VisibleRegion = {
  minZM: Number.NEGATIVE_INFINITY,
  maxZM: Number.POSITIVE_INFINITY,
  plan: null,
};

/** Slack below the floor level, m, so pipes laid just under the slab stay with their storey. */
const BELOW_SLAB_M = 0.3;
/** Slack around the footprint, m, for pipes along the facade. */
const PLAN_MARGIN_M = 1.5;

export function visibleRegion(site: Site, filter: FloorFilter): VisibleRegion {
  if (!filter) return WHOLE_SITE;
  const building = site.buildings.find((b) => b.id === filter.buildingId);
  const floor = building?.floors.find((f) => f.id === filter.floorId);
  if (!building || !floor) return WHOLE_SITE;
  const b = planBounds([building.footprint]);
  return {
    minZM: floor.elevationM - BELOW_SLAB_M,
    maxZM: floor.elevationM + floor.heightM - BELOW_SLAB_M,
    plan: {
      minX: b.minX - PLAN_MARGIN_M,
      maxX: b.maxX + PLAN_MARGIN_M,
      minY: b.minY - PLAN_MARGIN_M,
      maxY: b.maxY + PLAN_MARGIN_M,
    },
  };
}

/** Whether a world point lies in the region. */
export function inRegion(region: VisibleRegion, p: { x: number; y: number; z: number }): boolean {
  if (p.z < region.minZM || p.z >= region.maxZM) return false;
  const plan = region.plan;
  return !plan || (p.x >= plan.minX && p.x <= plan.maxX && p.y >= plan.minY && p.y <= plan.maxY);
}

/** The region as an axis-aligned box in three.js coordinates (for shader uniforms). */
export function regionBoxThree(region: VisibleRegion): { min: Vector3; max: Vector3 } {
  const big = 1e6;
  const clamp = (v: number) => Math.max(-big, Math.min(big, v));
  const plan = region.plan ?? { minX: -big, maxX: big, minY: -big, maxY: big };
  const a = worldToThree(plan.minX, plan.minY, clamp(region.minZM), new Vector3());
  const b = worldToThree(plan.maxX, plan.maxY, clamp(region.maxZM), new Vector3());
  return { min: a.clone().min(b), max: a.max(b) };
}
