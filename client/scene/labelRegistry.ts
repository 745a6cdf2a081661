/**
 * Meter labels on screen, so the declutter pass can hide the ones that would overlap a more
 * important label. Labels register their DOM element; the pass toggles visibility directly,
 * without React, a few times a second.
 */
export interface LabelEntry {
  readonly element: HTMLElement;
  /** Lower wins overlaps: selected < hovered < level 1 < level 2 < level 3; read per pass. */
  rank(): number;
  /** Tie-break between labels of the same rank, e.g. topology order. */
  readonly order: number;
}

const labels = new Map<string, LabelEntry>();

export function registerLabel(meterId: string, entry: LabelEntry): () => void {
  labels.set(meterId, entry);
  return () => {
    if (labels.get(meterId) === entry) labels.delete(meterId);
  };
}

export function registeredLabels(): ReadonlyMap<string, LabelEntry> {
  return labels;
}

/** An axis-aligned screen rectangle, CSS pixels. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function overlaps(a: Rect, b: Rect, marginPx: number): boolean {
  return (
    a.left < b.right + marginPx &&
    b.left < a.right + marginPx &&
    a.top < b.bottom + marginPx &&
    b.top < a.bottom + marginPx
  );
}

/** What else limits where labels may show. */
export interface LabelLimits {
  /** Panels over the view: a label that would slip under one is hidden whole, not cut. */
  readonly blockers?: readonly Rect[];
  /** The view itself: a label that would stick out of it is hidden. */
  readonly within?: Rect;
  /** Space kept between two labels, CSS pixels. */
  readonly marginPx?: number;
}

const inside = (outer: Rect, inner: Rect) =>
  inner.left >= outer.left &&
  inner.right <= outer.right &&
  inner.top >= outer.top &&
  inner.bottom <= outer.bottom;

/**
 * Which labels to show: in rank order, each label is kept unless it overlaps one already kept,
 * touches a panel or leaves the view. Pure, so the rule is tested without a DOM.
 */
export function chooseVisible(
  items: ReadonlyArray<{ id: string; rank: number; order: number; rect: Rect }>,
  { blockers = [], within, marginPx = 4 }: LabelLimits = {},
): Set<string> {
  const sorted = [...items].sort((a, b) => a.rank - b.rank || a.order - b.order);
  const kept: Rect[] = [];
  const visible = new Set<string>();
  for (const item of sorted) {
    if (within && !inside(within, item.rect)) continue;
    if (blockers.some((r) => overlaps(r, item.rect, 0))) continue;
    if (kept.some((r) => overlaps(r, item.rect, marginPx))) continue;
    kept.push(item.rect);
    visible.add(item.id);
  }
  return visible;
}
