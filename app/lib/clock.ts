// The one clock. Capabilities ask ctx.clock, never `new Date()`, so tests can pin time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock moved by `offsetMs` (CLOCK_OFFSET_MS): the browser tests run the app on a fixed weekday and hour,
 * so that "now" never falls into quiet hours or across midnight halfway through a journey. Time still runs.
 */
export function shiftedClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** A clock that stands still until moved; for tests and simulations. */
export function fixedClock(start: Date | string): Clock & { set(t: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (t) => {
      current = new Date(t);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
