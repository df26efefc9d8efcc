// What every mock availability endpoint in this repository shares: the demo's
// (dev server and static build), the browser tests', the benchmark's and the
// example apps'. Reading the SKUs a request asks for, the batched and the
// one-per-SKU routes, JSON answers, and the broken answers real servers give.
// Pure, with no Node API: the static demo runs it in the page.
//
//   BASE?skus=A,B,C   batched: a JSON array of the records found, in request order, once each
//   BASE/{sku}        one record, or 404 { "error": "unknown sku" }

/**
 * A record as it travels over the wire: JSON, not yet validated.
 * @typedef {{ sku: string } & Record<string, unknown>} RawRecord
 */
/**
 * An answer, before any server sends it.
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} MockResponse
 */
/**
 * What an availability request asks for.
 * @typedef {{ kind: 'batch', skus: string[] } | { kind: 'single', sku: string }} AvailabilityRoute
 */

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A JSON answer that no cache keeps.
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [extra] more headers
 * @returns {MockResponse}
 */
export function json(status, value, extra = {}) {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...extra },
    body: JSON.stringify(value),
  };
}

/**
 * The SKUs of `?skus=A,B,C` from the raw query value: split on the literal
 * commas first, then decoded, so an encoded comma (%2C) inside a SKU survives.
 * Trimmed, without blanks, in request order (repeats kept: a log counts them).
 * @param {string} rawValue
 * @returns {string[]}
 */
export function parseSkus(rawValue) {
  /** @param {string} part */
  const decode = (part) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' ')).trim();
    } catch {
      return '';
    }
  };
  return rawValue.split(',').map(decode).filter(Boolean);
}

/**
 * What a request to `base` (a path such as `/api/availability`) asks for; an
 * error answer (400, 404) when it is malformed; null when the path is not
 * `base` or below it.
 * @param {URL} url
 * @param {string} base
 * @returns {AvailabilityRoute | MockResponse | null}
 */
export function readRoute(url, base) {
  const { pathname } = url;
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return null;
  const rest = pathname.slice(base.length);
  if (rest === '' || rest === '/') {
    // From the raw query: URLSearchParams would decode %2C before the split.
    const raw = /[?&]skus=([^&]*)/.exec(url.search)?.[1];
    if (raw === undefined) return json(400, { error: 'missing skus parameter' });
    return { kind: 'batch', skus: parseSkus(raw) };
  }
  if (rest.indexOf('/', 1) !== -1) return json(404, { error: 'unknown sku' });
  try {
    return { kind: 'single', sku: decodeURIComponent(rest.slice(1)) };
  } catch {
    return json(400, { error: 'malformed sku' });
  }
}

/**
 * Every SKU a route asks for (none for an error answer or another path).
 * @param {AvailabilityRoute | MockResponse | null} route
 * @returns {string[]}
 */
export function requestedSkus(route) {
  if (!route || !('kind' in route)) return [];
  return route.kind === 'single' ? [route.sku] : route.skus;
}

/**
 * The records found for a route, once each, in request order.
 * @param {AvailabilityRoute} route
 * @param {(sku: string) => RawRecord | undefined} lookup
 * @returns {RawRecord[]}
 */
function recordsFor(route, lookup) {
  return [...new Set(requestedSkus(route))].flatMap((sku) => lookup(sku) ?? []);
}

/**
 * The good answer: the array for a batch; the record, or 404, for one SKU.
 * @param {AvailabilityRoute} route
 * @param {RawRecord[]} records what recordsFor found
 * @returns {MockResponse}
 */
function answer(route, records) {
  if (route.kind === 'batch') return json(200, records);
  return records[0] ? json(200, records[0]) : json(404, { error: 'unknown sku' });
}

/**
 * The answer to an availability request under `base`: the records `lookup`
 * finds, or the broken 200 named by `broken` (see brokenAnswer); an error
 * answer for a malformed request; null when the path is not under `base`.
 * @param {URL} url
 * @param {string} base
 * @param {(sku: string) => RawRecord | undefined} lookup
 * @param {string | null} [broken]
 * @returns {MockResponse | null}
 */
export function answerAvailability(url, base, lookup, broken = null) {
  const route = readRoute(url, base);
  if (!route || !('kind' in route)) return route;
  const records = recordsFor(route, lookup);
  return brokenAnswer(broken, route, records) ?? answer(route, records);
}

/** @type {Record<number, string>} */
const STATUS_TEXT = {
  404: 'not found',
  429: 'too many requests',
  500: 'internal server error',
  503: 'service unavailable',
};

/**
 * An error status as a real server sends it: a JSON error and, when given, Retry-After.
 * @param {number} status
 * @param {string | null} [retryAfter] seconds or an HTTP date
 * @returns {MockResponse}
 */
export function failure(status, retryAfter) {
  const error = STATUS_TEXT[status] ?? `status ${status}`;
  return json(status, { error }, retryAfter ? { 'Retry-After': retryAfter } : {});
}

/**
 * A 200 that a client must not take for records, or null for another `kind`:
 * `malformed` JSON cut short, `html` a sign-in page (a proxy answering for the
 * API), `text-type` good JSON served as text/plain, `schema` every field of the
 * wrong type, `object` the records wrapped in an object instead of an array.
 * @param {string | null} kind
 * @param {AvailabilityRoute} route
 * @param {RawRecord[]} records what recordsFor found
 * @returns {MockResponse | null}
 */
function brokenAnswer(kind, route, records) {
  const good = json(200, route.kind === 'single' ? (records[0] ?? {}) : records);
  /** @type {(type: string, body: string) => MockResponse} */
  const typed = (type, body) => ({
    ...good,
    headers: { ...good.headers, 'Content-Type': type },
    body,
  });
  switch (kind) {
    case 'malformed':
      return { ...good, body: good.body.slice(0, -3) };
    case 'html':
      return typed(
        'text/html; charset=utf-8',
        '<!doctype html><title>Sign in</title><h1>Please sign in</h1>',
      );
    case 'text-type':
      return typed('text/plain; charset=utf-8', good.body);
    case 'schema':
      return json(
        200,
        requestedSkus(route).map((sku) => ({
          sku,
          onHand: 'lots',
          status: 42,
          incoming: 'soon',
          reserved: -3,
        })),
      );
    case 'object':
      return json(200, { data: { items: records } });
    default:
      return null;
  }
}

/**
 * A `delay=ms` knob as a whole number of ms from 0 to `max` (0 when absent or not a number).
 * @param {string | number | null | undefined} value
 * @param {number} max
 * @returns {number}
 */
export function readDelay(value, max) {
  const ms = Number(value);
  return value !== null && value !== '' && Number.isFinite(ms)
    ? Math.min(Math.max(0, Math.round(ms)), max)
    : 0;
}
