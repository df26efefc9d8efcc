/**
 * Waiting for a condition on what a test server received: `until()` resolves
 * once the predicate holds (checked again each time the server calls
 * `check()`), and fails after a bound, so a broken sender fails instead of
 * hanging. Shared by the SMTP catcher and the webhook receiver.
 */
const WAIT_LIMIT_MS = 30_000;

/** `name` and `detail()` say, in a failure, whose wait it was and what had arrived. */
export function conditions(name, detail = () => '') {
  const waiters = new Set();
  return {
    check() {
      for (const waiter of waiters) if (waiter.predicate()) waiter.resolve();
    },
    /** Resolves once `predicate()` holds; fails after the limit with `what`. */
    until(predicate, what, limitMs = WAIT_LIMIT_MS) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: not within ${limitMs} ms: ${what}${detail()}`));
        }, limitMs);
        waiters.add(waiter);
      });
    },
  };
}
