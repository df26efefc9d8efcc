/**
 * Imported first by main.ts, before the library: wraps `window.fetch` so the
 * page can list every availability request the elements make (its URL and
 * how many SKUs it asks for). In the static build it first installs the
 * in-page mock endpoint. The demo's own control requests use `demoFetch`,
 * which is not logged.
 */
import { readRoute, requestedSkus } from '../mock/availability.js';
import { installStaticMock } from './static-mock.js';

/** Set by vite.demo.config.ts for the static build only. */
declare const __PREORDER_DEMO_STATIC__: boolean | undefined;
export const STATIC_BUILD =
  typeof __PREORDER_DEMO_STATIC__ !== 'undefined' && __PREORDER_DEMO_STATIC__ === true;

if (STATIC_BUILD) installStaticMock();

/** fetch for the demo's own controls (edits, actions): answered, not logged. */
export const demoFetch: typeof fetch = window.fetch.bind(window);

export interface LoggedRequest {
  id: number;
  url: URL;
  skus: string[];
  /** Knobs other than `skus` (fault, delay, hang). */
  knobs: string[];
  startedAt: number;
  /** HTTP status, or the reason the request never got one. */
  outcome: number | 'pending' | 'abandoned' | 'network error';
  ms: number | null;
}

type Listener = (log: readonly LoggedRequest[]) => void;

const log: LoggedRequest[] = [];
const listeners = new Set<Listener>();
let nextId = 1;

/** Calls `listener` now and after every change. */
export function onRequestLog(listener: Listener): () => void {
  listeners.add(listener);
  listener(log);
  return () => listeners.delete(listener);
}

export function clearRequestLog(): void {
  log.length = 0;
  changed();
}

function changed(): void {
  for (const listener of listeners) listener(log);
}

/** The availability routes the page asks: the mock's, and the service's (`npm start`). */
const AVAILABILITY_PATH = /\/(?:api|service)\/availability(?=\/|$)/;

/** The SKUs a request asks for: `?skus=A,B` (each URL-encoded) or `/availability/{sku}`. */
export function skusOf(url: URL): string[] {
  const match = AVAILABILITY_PATH.exec(url.pathname);
  if (!match) return [];
  return requestedSkus(readRoute(url, url.pathname.slice(0, match.index + match[0].length)));
}

const library = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const href = input instanceof Request ? input.url : String(input);
  const url = new URL(href, document.baseURI);
  if (!AVAILABILITY_PATH.test(url.pathname)) return library(input, init);
  const entry: LoggedRequest = {
    id: nextId++,
    url,
    skus: skusOf(url),
    knobs: [...url.searchParams]
      .filter(([k]) => k !== 'skus')
      .map(([k, v]) => (v ? `${k}=${v}` : k)),
    startedAt: performance.now(),
    outcome: 'pending',
    ms: null,
  };
  log.unshift(entry);
  if (log.length > 40) log.length = 40;
  changed();
  const done = (outcome: LoggedRequest['outcome']) => {
    entry.outcome = outcome;
    entry.ms = Math.round(performance.now() - entry.startedAt);
    changed();
  };
  return library(input, init).then(
    (response) => {
      done(response.status);
      return response;
    },
    (error: unknown) => {
      // The library aborts a request on its timeout, or when nobody wants the SKUs any more.
      const aborted = init?.signal?.aborted || (input instanceof Request && input.signal.aborted);
      done(aborted ? 'abandoned' : 'network error');
      throw error;
    },
  );
};
