/** Time as services see it; tests pass a fixed one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
