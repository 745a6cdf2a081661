import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { chooseVisible, type Rect, registeredLabels } from './labelRegistry';
import { readCovers } from './panelCovers';

/** How often labels are re-sorted, s: often enough to follow the camera, cheap for the frame. */
const PERIOD_S = 0.2;

/**
 * Hides meter labels that would cover a more important one, slip under a panel or stick out
 * of the view (see `labelRegistry.ts`).
 */
export function LabelDeclutter() {
  const sinceLast = useRef(0);

  useFrame((state, delta) => {
    sinceLast.current += delta;
    if (sinceLast.current < PERIOD_S) return;
    sinceLast.current = 0;

    // Measure where drei placed each label this frame.
    const items: Array<{ id: string; rank: number; order: number; rect: Rect }> = [];
    for (const [id, entry] of registeredLabels()) {
      const r = entry.element.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      items.push({ id, rank: entry.rank(), order: entry.order, rect: r });
    }

    // Show the winners, hide the rest.
    const visible = chooseVisible(items, {
      blockers: readCovers().map((c) => c.rect),
      within: state.gl.domElement.getBoundingClientRect(),
    });
    for (const [id, entry] of registeredLabels()) {
      const hidden = !visible.has(id);
      if (entry.element.dataset.occluded !== String(hidden)) {
        entry.element.dataset.occluded = String(hidden);
      }
    }
  });

  return null;
}
