/**
 * The demo's mock availability endpoint (contract s.2/s.3), served by the Vite
 * dev server. `handleAvailabilityRequest` is pure (request in, response out) so tests and
 * Node scripts can use it without a server; `mockEndpoint` is the Vite glue.
 *
 *   GET  /api/availability?skus=A,B,C   JSON array of the known records
 *   GET  /api/availability/{sku}        one record, or 404 { "error": "unknown sku" }
 *   POST /api/scenarios/reset           rebuilds the store from the scenarios
 *
 * Knobs on the availability routes: `delay=ms` (at most 10000) and
 * `fault=500|503|429|malformed|html`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
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
export const AVAILABILITY_PATH = '/api/availability';
export const RESET_PATH = '/api/scenarios/reset';

/** The live records, by SKU. Mutable: demo controls change it, reset restores it. */
export const store: Store = new Map();

/** Refills `target` with fresh copies of every scenario record, dated from `now`. */
export function resetStore(target: Store = store, now: number = Date.now()): Store {
  target.clear();
  for (const { record } of buildScenarios(now)) target.set(record.sku, structuredClone(record));
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

/**
 * Answers one request, or returns null when the path is not the mock's (the
 * dev server then serves it as usual). Pure but for `store`, which reset refills.
 */
export function handleAvailabilityRequest(
  url: URL,
  target: Store = store,
  { method = 'GET', now = Date.now() }: { method?: string; now?: number } = {},
): MockResponse | null {
  const path = url.pathname;
  if (path === RESET_PATH) {
    if (method !== 'POST') return json(405, { error: 'method not allowed' }, { Allow: 'POST' });
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
  return { ...response, delay: readDelay(url.searchParams.get('delay')) };
}

function send(req: IncomingMessage, res: ServerResponse, response: MockResponse): void {
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Length': String(Buffer.byteLength(response.body)),
  });
  res.end(req.method === 'HEAD' ? undefined : response.body);
}

/** Vite plugin: serves the mock endpoint from the dev server. */
export function mockEndpoint(): Plugin {
  return {
    name: 'preorder-elements:mock-endpoint',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const response = handleAvailabilityRequest(url, store, { method: req.method });
        if (!response) return next();
        if (response.delay === 0) return send(req, res, response);
        const timer = setTimeout(() => send(req, res, response), response.delay);
        res.on('close', () => clearTimeout(timer));
      });
    },
  };
}
