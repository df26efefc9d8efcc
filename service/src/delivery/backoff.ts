/**
 * Exponential backoff with full jitter (the AWS architecture blog's "Full
 * Jitter"): after the n-th failed attempt the next waits a uniformly random
 * time in [0, min(max, base * 2^(n-1))). Spreads the retries of many events
 * failing at once instead of sending them back in waves.
 */
export interface Backoff {
  /** Bound of the first retry's delay, ms. */
  baseMs: number;
  /** No retry waits longer than this, ms. */
  maxMs: number;
  /** [0, 1); tests pass a fixed one. */
  random: () => number;
}

/** The delay before the attempt after `failures` failed ones (failures >= 1), ms. */
export function retryDelay(failures: number, { baseMs, maxMs, random }: Backoff): number {
  // 2^failures overflows to Infinity long after the cap applies; Math.min keeps it finite.
  const bound = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * bound);
}
