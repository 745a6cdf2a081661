import { COVERS_ATTRIBUTE, type Cover, type CoverSide } from './viewArea';

const SIDES: readonly string[] = ['left', 'right', 'top', 'bottom'] satisfies CoverSide[];

/** The panels on the page that cover an edge of the 3D view, with where they are now. */
export function readCovers(doc: Document = document): Cover[] {
  const covers: Cover[] = [];
  for (const element of doc.querySelectorAll<HTMLElement>(`[${COVERS_ATTRIBUTE}]`)) {
    const side = element.getAttribute(COVERS_ATTRIBUTE) ?? '';
    const rect = element.getBoundingClientRect();
    if (!SIDES.includes(side) || rect.width === 0 || rect.height === 0) continue;
    covers.push({ side: side as CoverSide, rect });
  }
  return covers;
}
