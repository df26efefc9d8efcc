/**
 * The demo's mock availability endpoint (contract s.2/s.3), served by the Vite
 * dev server. `handleAvailabilityRequest` is pure (request in, response out)
 * and uses no Node API, so tests, Node scripts and the static demo build (in
 * the browser) use it without a server; `mockEndpoint` is the Vite glue.
 *
 *   GET  /api/availability?skus=A,B,C   JSON array of the known records
 *   GET  /api/availability/{sku}        one record, or 404 { "error": "unknown sku" }
 *   POST /api/scenarios/reset           rebuilds the store from the scenarios
 *   POST /api/records/{sku}             edits facts: JSON { field: value, other: null (removes) }
 *   POST /api/records/{sku}/receive     the earliest purchase order arrives
 *   POST /api/records/{sku}/delay       JSON { "days": 14 }: the next purchase order is late
 * The record routes answer { record, note }, or { error } with 400, 404 or 409.
 *
 * Knobs on the availability routes: `delay=ms` (at most 10000),
 * `hang` (holds the answer for ten minutes: the loading state) and
 * `fault=500|503|429|malformed|html`.
 */
import type { Plugin } from 'vite';
import {
  answerAvailability,
  failure,
  json,
  readDelay,
  readRoute,
  type MockResponse as Answer,
} from '../mock/availability.js';
import { readBody, send } from '../mock/http.js';
import { buildCatalog } from './catalog.js';
import {
  delayPurchaseOrder,
  patchRecord,
  receiveShipment,
  type ActionResult,
} from './mock-actions.js';
import { buildScenarios, type RawRecord } from './scenarios.js';

export type Store = Map<string, RawRecord>;

export interface MockResponse extends Answer {
  /** How long to wait before answering, in ms. */
  delay: number;
}

export const MAX_DELAY_MS = 10_000;
/** How long `hang` holds an answer: longer than any client waits. */
export const HANG_MS = 600_000;
export const AVAILABILITY_PATH = '/api/availability';
export const RESET_PATH = '/api/scenarios/reset';
export const RECORDS_PATH = '/api/records';

/** The live records, by SKU. Mutable: demo controls change it, reset restores it. */
export const store: Store = new Map();

/** Refills `target` with fresh copies of every scenario and catalog record, dated from `now`. */
export function resetStore(target: Store = store, now: number = Date.now()): Store {
  target.clear();
  for (const { record } of buildScenarios(now)) target.set(record.sku, structuredClone(record));
  for (const record of buildCatalog(now)) target.set(record.sku, structuredClone(record));
  return target;
}

resetStore();

/** The merchant controls: `/api/records/{sku}[/receive|/delay]`, POST with a JSON body. */
function records(url: URL, target: Store, body: string, now: number): Answer {
  const match = /^\/api\/records\/([^/]+)(?:\/(receive|delay))?$/.exec(url.pathname);
  if (!match?.[1]) return json(404, { error: 'not found' });
  let sku: string;
  let input: unknown = null;
  try {
    sku = decodeURIComponent(match[1]);
    input = body.trim() ? JSON.parse(body) : {};
  } catch {
    return json(400, { error: 'malformed sku or JSON body' });
  }
  const record = target.get(sku);
  if (!record) return json(404, { error: 'unknown sku' });
  const days = (input as { days?: unknown } | null)?.days;
  const result: ActionResult =
    match[2] === 'receive'
      ? receiveShipment(record, now)
      : match[2] === 'delay'
        ? delayPurchaseOrder(record, typeof days === 'number' ? days : 14)
        : patchRecord(record, input);
  if ('error' in result) return json(match[2] ? 409 : 400, result);
  target.set(sku, result.record);
  return json(200, result);
}

/** The reset and the merchant controls (POST only), or null for another path. */
function controls(
  url: URL,
  target: Store,
  method: string,
  body: string,
  now: number,
): Answer | null {
  const path = url.pathname;
  if (path !== RESET_PATH && !path.startsWith(`${RECORDS_PATH}/`)) return null;
  if (method !== 'POST') return json(405, { error: 'method not allowed' }, { Allow: 'POST' });
  if (path !== RESET_PATH) return records(url, target, body, now);
  resetStore(target, now);
  return json(200, { reset: true, skus: [...target.keys()] });
}

/** The availability routes (GET, HEAD) with their `fault` knob, or null for another path. */
function availability(url: URL, target: Store, method: string): Answer | null {
  if (!readRoute(url, AVAILABILITY_PATH)) return null;
  if (method !== 'GET' && method !== 'HEAD') {
    return json(405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
  }
  // The faults a demo can ask for, as the broken answers real servers give.
  const fault = url.searchParams.get('fault') ?? '';
  if (fault === '500') return failure(500);
  if (fault === '503' || fault === '429') return failure(Number(fault), '1');
  const broken = fault === 'malformed' || fault === 'html' ? fault : null;
  return answerAvailability(url, AVAILABILITY_PATH, (sku) => target.get(sku), broken);
}

/**
 * Answers one request, or returns null when the path is not the mock's (the
 * dev server then serves it as usual). Pure but for `store`, which the POST
 * routes change.
 */
export function handleAvailabilityRequest(
  url: URL,
  target: Store = store,
  {
    method = 'GET',
    now = Date.now(),
    body = '',
  }: { method?: string; now?: number; body?: string } = {},
): MockResponse | null {
  const control = controls(url, target, method, body, now);
  if (control) return { ...control, delay: 0 };
  const found = availability(url, target, method);
  if (!found) {
    // Other /api/ paths are typos, not pages: say so in JSON, not with the SPA fallback.
    return url.pathname.startsWith('/api/')
      ? { ...json(404, { error: 'not found' }), delay: 0 }
      : null;
  }
  const hang = url.searchParams.has('hang');
  return {
    ...found,
    delay: hang ? HANG_MS : readDelay(url.searchParams.get('delay'), MAX_DELAY_MS),
  };
}

/** Vite plugin: serves the mock endpoint from the dev server. */
export function mockEndpoint(): Plugin {
  return {
    name: 'preorder-elements:mock-endpoint',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/api/')) return next();
        readBody(req).then((body) => {
          const response = handleAvailabilityRequest(url, store, { method: req.method, body });
          if (!response) return next();
          if (response.delay === 0) return send(req, res, response);
          const timer = setTimeout(() => send(req, res, response), response.delay);
          res.on('close', () => clearTimeout(timer));
        }, next);
      });
    },
  };
}
