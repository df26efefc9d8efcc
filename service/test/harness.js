// Test harness: the real service on port 0 over a real database, and a small HTTP client.
import { startService } from '../dist/index.js';

export const TOKEN = 'test-admin-token';
/** The pinned clock: 15 January 2027, noon UTC; tests move it by hand. */
export const START = Date.parse('2027-01-15T12:00:00Z');

export async function startTestService(database, extra = {}) {
  const clock = { now: START };
  const service = await startService({
    port: 0,
    host: '127.0.0.1',
    ...database,
    adminToken: TOKEN,
    timeZone: 'Europe/Berlin',
    maxAge: 5,
    staleWhileRevalidate: 60,
    recordCache: 1000,
    logger: false,
    now: () => clock.now,
    ...extra,
  });
  return { service, clock, api: client(service.url) };
}

/** `api(method, path, body?, { token, headers, raw })` -> { status, headers, body } (body parsed when JSON). */
export function client(base) {
  return async (method, path, body, options = {}) => {
    const headers = { ...(options.headers ?? {}) };
    const token = options.token === undefined ? TOKEN : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let payload;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(base + path, { method, headers, body: payload });
    const text = await response.text();
    let parsed = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text)
      parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

/** A product and its purchase orders, created through the admin API. */
export async function product(api, sku, fields, purchaseOrders = []) {
  const put = await api('PUT', `/admin/products/${sku}`, fields);
  if (put.status >= 300) throw new Error(`PUT ${sku}: ${JSON.stringify(put.body)}`);
  for (const po of purchaseOrders) {
    const created = await api('POST', '/admin/purchase-orders', { sku, ...po });
    if (created.status !== 201) throw new Error(`PO ${sku}: ${JSON.stringify(created.body)}`);
  }
}

export const record = async (api, sku) => (await api('GET', `/availability/${sku}`)).body;

export const order = (api, id, lines, extra = {}) =>
  api('POST', '/orders', {
    id,
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    ...extra,
  });
