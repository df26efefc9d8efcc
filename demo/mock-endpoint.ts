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
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { buildCatalog } from './catalog.js';
import {
  delayPurchaseOrder,
  patchRecord,
  receiveShipment,
  type ActionResult,
} from './mock-actions.js';
import { buildScenarios, type RawRecord } from './scenarios.js';

export type Store = Map<string, RawRecord>;

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
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

const JSON_TYPE = 'application/json; charset=utf-8';

function json(status: number, value: unknown, extra: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...extra },
    body: JSON.stringify(value),
    delay: 0,
  };
}

/** The faults a demo can ask for, as the broken responses real servers give. */
function fault(kind: string): MockResponse | null {
  switch (kind) {
    case '500':
      return json(500, { error: 'internal server error' });
    case '503':
      return json(503, { error: 'service unavailable' }, { 'Retry-After': '1' });
    case '429':
      return json(429, { error: 'too many requests' }, { 'Retry-After': '1' });
    case 'malformed':
      return { ...json(200, null), body: '[{"sku": "DEMO-IN-STOCK", "onHand": 4' };
    case 'html':
      return {
        ...json(200, null),
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
        body: '<!doctype html><title>Sign in</title><h1>Please sign in</h1>',
      };
    default:
      return null;
  }
}

function readDelay(value: string | null): number {
  const ms = Number(value);
  return value && Number.isFinite(ms) ? Math.min(Math.max(0, Math.round(ms)), MAX_DELAY_MS) : 0;
}

/**
 * The SKUs of `?skus=A,B,C` from the raw query: split on the literal commas
 * first, then decoded, so an encoded comma (%2C) inside a SKU survives.
 * Trimmed, without blanks and repeats, in request order.
 */
export function parseSkus(rawValue: string): string[] {
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' ')).trim();
    } catch {
      return '';
    }
  };
  return [...new Set(rawValue.split(',').map(decode))].filter(Boolean);
}

function availability(url: URL, store: Store): MockResponse {
  const rest = url.pathname.slice(AVAILABILITY_PATH.length);
  if (rest === '' || rest === '/') {
    const skus = /[?&]skus=([^&]*)/.exec(url.search)?.[1] ?? null;
    if (skus === null) return json(400, { error: 'missing skus parameter' });
    const records = parseSkus(skus).flatMap((sku) => store.get(sku) ?? []);
    return json(200, records);
  }
  let sku: string;
  try {
    sku = decodeURIComponent(rest.slice(1));
  } catch {
    return json(400, { error: 'malformed sku' });
  }
  const record = rest.indexOf('/', 1) === -1 ? store.get(sku) : undefined;
  return record ? json(200, record) : json(404, { error: 'unknown sku' });
}

/** The merchant controls: `/api/records/{sku}[/receive|/delay]`, POST with a JSON body. */
function records(url: URL, target: Store, body: string, now: number): MockResponse {
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
  const path = url.pathname;
  const isPost = method === 'POST';
  if (path === RESET_PATH || path.startsWith(`${RECORDS_PATH}/`)) {
    if (!isPost) return json(405, { error: 'method not allowed' }, { Allow: 'POST' });
    if (path !== RESET_PATH) return records(url, target, body, now);
    resetStore(target, now);
    return json(200, { reset: true, skus: [...target.keys()] });
  }
  if (path !== AVAILABILITY_PATH && !path.startsWith(`${AVAILABILITY_PATH}/`)) {
    // Other /api/ paths are typos, not pages: say so in JSON, not with the SPA fallback.
    return path.startsWith('/api/') ? json(404, { error: 'not found' }) : null;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return json(405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
  }
  const response = fault(url.searchParams.get('fault') ?? '') ?? availability(url, target);
  const hang = url.searchParams.has('hang');
  return { ...response, delay: hang ? HANG_MS : readDelay(url.searchParams.get('delay')) };
}

function send(req: IncomingMessage, res: ServerResponse, response: MockResponse): void {
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Length': String(Buffer.byteLength(response.body)),
  });
  res.end(req.method === 'HEAD' ? undefined : response.body);
}

/** The request body as text (the record routes' JSON); at most 64 kB. */
function readBody(req: IncomingMessage): Promise<string> {
  if (req.method !== 'POST') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 65_536) req.destroy(new Error('request body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
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
