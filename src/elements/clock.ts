/**
 * The one clock the elements read. Tests pin it (`clock.now = () => fixed`);
 * nothing else should replace it.
 */
export const clock = {
  now: (): number => Date.now(),
};
