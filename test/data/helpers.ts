import { waitUntil } from '@open-wc/testing';
import {
  DEFAULTS,
  AvailabilityStore,
  type AvailabilityState,
  type ResolvedOptions,
} from '../../src/data/index.js';

/** The page's own fetch, before any test watches it: the test's look at the server is not the page's. */
const pageFetch = window.fetch.bind(window);

/** A fresh id per test, so the server counts each test's requests apart (not Math.random: tests pin it). */
export const newRun = () => `run-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;

export async function serverLog(run: string): Promise<{ count: number; urls: string[] }> {
  const response = await pageFetch(`/mock/log?run=${run}`);
  return response.json();
}

/** The mock endpoint's batched template, counted under `run`. */
export const batched = (run: string) => `/mock/availability?run=${run}&skus={skus}`;

/** `n` SKU names: SKU-0, SKU-1, ... */
export const skus = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`);

/** The SKUs a batched request asked for. */
export const skusIn = (url: string) =>
  new URL(url, location.href).searchParams.get('skus')!.split(',');

/** A store of its own with test-friendly options (short backoff). */
export function testStore(options: Partial<ResolvedOptions> = {}): AvailabilityStore {
  const resolved: ResolvedOptions = { ...DEFAULTS, retryDelay: 20, ...options };
  return new AvailabilityStore(() => resolved);
}

/** Subscribes, and resolves with the first settled state (ready or error), unsubscribed by then. */
export function settled(
  store: AvailabilityStore,
  sku: string,
  template: string,
): Promise<AvailabilityState> {
  return new Promise((resolve) => {
    let result: AvailabilityState | undefined;
    let subscribed = false;
    const done = () => {
      unsubscribe();
      resolve(result!);
    };
    const unsubscribe = store.subscribe(sku, template, (state) => {
      if (state.state === 'loading' || result) return;
      result = state;
      if (subscribed) done(); // else delivered within subscribe(): done once it returns
    });
    subscribed = true;
    if (result) done();
  });
}

/**
 * How long a test waits for what should happen: ample on a loaded 2-core
 * machine, and inside mocha's 10 s so the failure says what never came.
 */
export const PATIENCE = 8000;

/** Waits for the condition: only a failing test pays the full PATIENCE. */
export const eventually = (predicate: () => unknown, message: string) =>
  waitUntil(predicate, message, { timeout: PATIENCE });

/** A pause for code whose outcome cannot depend on its length (say why where used). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const restores: (() => void)[] = [];

/** Replaces `target[key]` until restoreStubs() (call it in afterEach). */
export function stub<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  const original = target[key];
  target[key] = value;
  restores.push(() => (target[key] = original));
}

/** Puts back everything stub() and the watchers below replaced, last first. */
export function restoreStubs(): void {
  while (restores.length) restores.pop()!();
}

/** Moves Date.now() `ms` ahead (what the store ages its cache by), until restoreStubs(). */
export function advanceDateNow(ms: number): void {
  const now = Date.now;
  stub(Date, 'now', () => now.call(Date) + ms);
}

export interface FetchWatch {
  /** Each fetch() call's URL and abort signal, in order. */
  readonly requests: { url: string; signal: AbortSignal | undefined }[];
  /** Calls not done with yet: no answer, or its body not read (a failed call is done). */
  readonly open: number;
  /** Lets the held answers through (see watchFetch). */
  release(): void;
}

/**
 * Watches the page's fetch() until restoreStubs(); every request still goes
 * over real HTTP. With `hold`, answers wait for release(): a request stays in
 * flight for as long as the test needs, however fast the server (an abort
 * still ends it at once). `open` reaches 0 in the task where the last body is
 * read, so a check in a later task sees everything the store did with them.
 */
export function watchFetch({ hold = false } = {}): FetchWatch {
  const requests: FetchWatch['requests'] = [];
  let open = 0;
  let release = () => {};
  const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const whenReleased = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      void released.then(resolve);
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  const original = window.fetch;
  stub(window, 'fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const signal = init?.signal ?? undefined;
    requests.push({ url: String(input instanceof Request ? input.url : input), signal });
    open++;
    try {
      const response = await original(input, init);
      await whenReleased(signal);
      // Done with once its body is read to the end, fails, or is cancelled (read as a stream).
      let closed = false;
      const close = () => void (closed || ((closed = true), open--));
      const reader = response.body?.getReader();
      if (!reader) return (close(), response);
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) controller.close();
            else controller.enqueue(value);
            if (done) close();
          } catch (error) {
            close();
            controller.error(error);
          }
        },
        cancel: (reason) => (close(), reader.cancel(reason)),
      });
      return new Response(body, response);
    } catch (error) {
      open--;
      throw error;
    }
  });
  return {
    requests,
    get open() {
      return open;
    },
    release: () => release(),
  };
}

export interface TimerWatch {
  /** The delay of every setTimeout() call, in order (undefined: none given). */
  readonly delays: (number | undefined)[];
  /** Held timers not fired yet. */
  readonly pending: number;
  /** Runs the held timers now, as if their time had come. */
  fire(): void;
}

/**
 * Watches setTimeout() until restoreStubs(). Timers of exactly `hold` ms
 * (pick a delay nothing else on the page uses) wait until the test calls
 * fire(): the test, not the machine's speed, says when that time has come.
 * Every other timer runs as usual.
 */
export function watchTimers({ hold }: { hold?: number } = {}): TimerWatch {
  const delays: (number | undefined)[] = [];
  const held = new Map<number, () => void>();
  let nextId = 1e9; // far from the browser's own ids
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  stub(window, 'setTimeout', ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    delays.push(delay);
    if (hold === undefined || delay !== hold || typeof handler !== 'function')
      return realSet(handler, delay, ...args);
    held.set(nextId, () => handler(...args));
    return nextId++;
  }) as typeof window.setTimeout);
  stub(window, 'clearTimeout', ((id?: number) => {
    if (!held.delete(id!)) realClear(id);
  }) as typeof window.clearTimeout);
  return {
    delays,
    get pending() {
      return held.size;
    },
    fire() {
      const due = [...held.values()];
      held.clear();
      for (const run of due) run();
    },
  };
}
