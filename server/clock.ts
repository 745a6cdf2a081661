/** The twin's clock (DESIGN §7): sources, ticks and day cuts all read it, never Date.now(). */
export interface Clock {
  /** Twin time now, epoch ms. */
  nowMs(): number;
}

/** Twin time that runs `speed` times faster than the wall, from `startMs` at `wallStartMs`. */
export function replayClock(startMs: number, speed: number, wall: () => number = Date.now): Clock {
  const wallStartMs = wall();
  return { nowMs: () => startMs + (wall() - wallStartMs) * speed };
}

/** Twin time equal to wall time. */
export function liveClock(wall: () => number = Date.now): Clock {
  return { nowMs: wall };
}
