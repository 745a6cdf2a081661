import { type RefObject, useLayoutEffect } from 'react';

/** Space kept between the top bar and the panels under it, CSS pixels. */
const GAP_PX = 12;

/**
 * Keeps `--below-topbar` on `app` at the top bar's bottom edge plus a gap: the bar takes one
 * row or two (or more on a phone) with the language and the sign-in state, and the panels
 * start under it whichever it is.
 */
export function useBelowTopbar(
  app: RefObject<HTMLElement | null>,
  bar: RefObject<HTMLElement | null>,
): void {
  useLayoutEffect(() => {
    const root = app.current;
    const header = bar.current;
    if (!root || !header) return;
    const place = () => {
      const bottom = header.getBoundingClientRect().bottom - root.getBoundingClientRect().top;
      root.style.setProperty('--below-topbar', `${Math.ceil(bottom + GAP_PX)}px`);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(header);
    return () => observer.disconnect();
  }, [app, bar]);
}
