import { type RefObject, useLayoutEffect } from 'react';

/**
 * Caps a scrolling list at the height of the whole items that capToWholeItems in the room it is given,
 * so its bottom edge never cuts an item in half; the rest stays a scroll away. `key` changes
 * when the items or their wording do.
 */
export function useWholeItems(list: RefObject<HTMLElement | null>, key: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the items.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const capToWholeItems = () => {
      // Measure the room the layout gives, then keep only the items that capToWholeItems it whole.
      el.style.maxHeight = '';
      const room = el.clientHeight;
      if (el.scrollHeight <= room + 1) return;
      const top = el.getBoundingClientRect().top - el.scrollTop;
      let whole = 0;
      for (const item of Array.from(el.children)) {
        const bottom = item.getBoundingClientRect().bottom - top;
        if (bottom > room + 0.5) break;
        whole = bottom;
      }
      if (whole > 0) el.style.maxHeight = `${whole}px`;
    };
    capToWholeItems();
    // The room changes with the window and with the column around the list (the top bar's
    // height, a panel opening below): measure again whenever the list or its panel resizes.
    // Setting the same cap again changes no size, so this settles after one round.
    const observer = new ResizeObserver(capToWholeItems);
    observer.observe(el);
    if (el.parentElement) observer.observe(el.parentElement);
    window.addEventListener('resize', capToWholeItems);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', capToWholeItems);
    };
  }, [list, key]);
}
