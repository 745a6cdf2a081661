import type { Rect } from './labelRegistry';
import { type ViewArea, WHOLE_VIEW } from './sceneFrame';

/**
 * The part of the 3D view that the dashboard leaves free. Panels that sit over an edge of the
 * view say which edge with `data-covers` (see `COVERS_ATTRIBUTE`); the camera frames into the
 * rest, and meter labels that would slip under a panel are hidden instead of being cut.
 */

/** An edge of the view a panel covers. */
export type CoverSide = 'left' | 'right' | 'top' | 'bottom';

/** The attribute naming the edge a panel covers, e.g. `data-covers="left"`. */
export const COVERS_ATTRIBUTE = 'data-covers';

/** Props that mark a panel as covering `side`, e.g. `<section {...coversEdge('left')}>`. */
export function coversEdge(side: CoverSide): Readonly<Record<typeof COVERS_ATTRIBUTE, CoverSide>> {
  return { [COVERS_ATTRIBUTE]: side };
}

export interface Cover {
  readonly side: CoverSide;
  readonly rect: Rect;
}

/** Gap kept between a panel and what the camera frames, CSS pixels. */
const GAP_PX = 12;
/**
 * Below this share of the view (either way) the panels are ignored: a band this thin still
 * shows a focused meter, anything thinner is better framed whole and partly covered.
 */
const MIN_SHARE = 0.12;

/** The free share of `view` (the canvas, page pixels) left by the panels over its edges. */
export function freeViewArea(view: Rect, covers: readonly Cover[]): ViewArea {
  const widthPx = view.right - view.left;
  const heightPx = view.bottom - view.top;
  if (widthPx <= 0 || heightPx <= 0) return WHOLE_VIEW;

  // Push each edge in past the panels over it.
  let { left, top, right, bottom } = view;
  for (const { side, rect } of covers) {
    if (side === 'left') left = Math.max(left, rect.right + GAP_PX);
    else if (side === 'right') right = Math.min(right, rect.left - GAP_PX);
    else if (side === 'top') top = Math.max(top, rect.bottom + GAP_PX);
    else bottom = Math.min(bottom, rect.top - GAP_PX);
  }

  // As fractions of the view; a squeezed dimension falls back to the whole view.
  const across = (right - left) / widthPx >= MIN_SHARE;
  const upDown = (bottom - top) / heightPx >= MIN_SHARE;
  return {
    left: across ? (left - view.left) / widthPx : 0,
    right: across ? (right - view.left) / widthPx : 1,
    top: upDown ? (top - view.top) / heightPx : 0,
    bottom: upDown ? (bottom - view.top) / heightPx : 1,
  };
}
