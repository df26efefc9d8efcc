import {
  DEFAULTS,
  AvailabilityStore,
  type AvailabilityState,
  type ResolvedOptions,
} from '../../src/data/index.js';

/** A fresh id per test, so the server counts each test's requests apart. */
export const newRun = () => `run-${Math.random().toString(36).slice(2, 10)}`;

export async function serverLog(run: string): Promise<{ count: number; urls: string[] }> {
  const response = await fetch(`/mock/log?run=${run}`);
  return response.json();
}

/** A store of its own with test-friendly options (short backoff). */
export function testStore(options: Partial<ResolvedOptions> = {}): AvailabilityStore {
  const resolved: ResolvedOptions = { ...DEFAULTS, retryDelay: 20, ...options };
  return new AvailabilityStore(() => resolved);
}

/** Subscribes and resolves with the first settled state (ready or error). */
export function settled(
  store: AvailabilityStore,
  sku: string,
  template: string,
): Promise<AvailabilityState> {
  return new Promise((resolve) => {
    let done = false;
    const unsubscribe: () => void = store.subscribe(sku, template, (state) => {
      if (state.state === 'loading' || done) return;
      done = true;
      resolve(state);
      queueMicrotask(() => unsubscribe());
    });
    if (done) unsubscribe();
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
