import { useEffect, useState } from 'react';

const PORTRAIT = '(max-aspect-ratio: 1/1)';

/** Whether the screen is taller than wide (a portrait lobby screen); follows rotation. */
export function usePortrait(): boolean {
  const [portrait, setPortrait] = useState(() => matchMedia(PORTRAIT).matches);
  useEffect(() => {
    const query = matchMedia(PORTRAIT);
    const update = () => setPortrait(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return portrait;
}
