/**
 * Deprecated, read by nothing: the elements use the real clock (`Date.now()`),
 * and tests control that. Kept only while src/elements.ts still exports it;
 * remove both together.
 */
export const clock = {
  now: (): number => Date.now(),
};
