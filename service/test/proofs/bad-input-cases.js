/**
 * The bad requests of the bad-input proof, each with the status it must get
 * and the field its message must name, and what a clean error looks like.
 */
import assert from 'node:assert/strict';
import { TOKEN, uniqueId } from './harness.js';

export const sku = uniqueId('bad');
export const orderId = uniqueId('bad-order');
export const line = (quantity) => ({ id: uniqueId('o'), customer: {}, lines: [{ sku, quantity }] });
const json = { 'content-type': 'application/json' };

/** [name, method, path, options, status, field named in the message (or null)] */
export const CASES = [
  [
    'malformed JSON order',
    'POST',
    '/orders',
    { body: '{"id": "x", "lines": [', headers: json },
    400,
    null,
  ],
  [
    'malformed JSON product',
    'PUT',
    `/admin/products/${sku}`,
    { body: '{cap: 3}', headers: json },
    400,
    null,
  ],
  [
    'not JSON at all',
    'POST',
    '/orders',
    { body: 'id=x', headers: { 'content-type': 'text/plain' } },
    415,
    null,
  ],
  ['quantity a string', 'POST', '/orders', { body: line('3') }, 400, 'quantity'],
  ['quantity negative', 'POST', '/orders', { body: line(-2) }, 400, 'quantity'],
  ['quantity zero', 'POST', '/orders', { body: line(0) }, 400, 'quantity'],
  ['quantity fractional', 'POST', '/orders', { body: line(1.5) }, 400, 'quantity'],
  ['lines missing', 'POST', '/orders', { body: { id: uniqueId('o'), customer: {} } }, 400, 'lines'],
  [
    'lines empty',
    'POST',
    '/orders',
    { body: { id: uniqueId('o'), customer: {}, lines: [] } },
    400,
    'lines',
  ],
  [
    'priority a string',
    'POST',
    '/orders',
    { body: { ...line(1), priority: 'high' } },
    400,
    'priority',
  ],
  [
    'placedAt impossible',
    'POST',
    '/orders',
    { body: { ...line(1), placedAt: '2027-02-30T10:00:00Z' } },
    400,
    'placedAt',
  ],
  [
    'unknown SKU order',
    'POST',
    '/orders',
    { body: { id: uniqueId('o'), customer: {}, lines: [{ sku: 'no-such-sku', quantity: 1 }] } },
    409,
    null,
  ],
  [
    'cap a string',
    'PUT',
    `/admin/products/${sku}`,
    { body: { onHand: 0, cap: 'lots' } },
    400,
    'cap',
  ],
  ['cap negative', 'PUT', `/admin/products/${sku}`, { body: { onHand: 0, cap: -1 } }, 400, 'cap'],
  ['onHand fractional', 'PUT', `/admin/products/${sku}`, { body: { onHand: 2.5 } }, 400, 'onHand'],
  [
    'releaseDate impossible',
    'PUT',
    `/admin/products/${sku}`,
    { body: { onHand: 0, releaseDate: '2027-02-30' } },
    400,
    'releaseDate',
  ],
  ['status unknown', 'PUT', `/admin/products/${sku}`, { body: { status: 'maybe' } }, 400, 'status'],
  [
    'PO date impossible',
    'POST',
    '/admin/purchase-orders',
    { body: { sku, quantity: 5, expectedDate: '2027-02-30' } },
    400,
    'expectedDate',
  ],
  [
    'PO quantity negative',
    'POST',
    '/admin/purchase-orders',
    { body: { sku, quantity: -5, expectedDate: '2027-03-01' } },
    400,
    'quantity',
  ],
  [
    'PO unknown SKU',
    'POST',
    '/admin/purchase-orders',
    { body: { sku: 'no-such-sku', quantity: 5, expectedDate: '2027-03-01' } },
    404,
    null,
  ],
  [
    'PO move to impossible date',
    'PATCH',
    `/admin/purchase-orders/${sku}-po`,
    { body: { expectedDate: '2027-13-01' } },
    400,
    'expectedDate',
  ],
  [
    'receipt quantity fractional',
    'POST',
    '/admin/receipts',
    { body: { sku, quantity: 0.5 } },
    400,
    'quantity',
  ],
  [
    'receipt quantity a string',
    'POST',
    '/admin/receipts',
    { body: { sku, quantity: 'ten' } },
    400,
    'quantity',
  ],
  [
    'receipt unknown SKU',
    'POST',
    '/admin/receipts',
    { body: { sku: 'no-such-sku', quantity: 1 } },
    404,
    null,
  ],
  [
    '2 MiB order body',
    'POST',
    '/orders',
    { body: JSON.stringify({ ...line(1), note: 'x'.repeat(2 * 1024 * 1024) }), headers: json },
    413,
    null,
  ],
  [
    '2 MiB product body',
    'PUT',
    `/admin/products/${sku}`,
    { body: JSON.stringify({ message: 'x'.repeat(2 * 1024 * 1024) }), headers: json },
    413,
    null,
  ],
  [
    'no admin token',
    'POST',
    '/admin/receipts',
    { body: { sku, quantity: 1 }, token: null },
    401,
    null,
  ],
  [
    'wrong admin token',
    'PUT',
    `/admin/products/${sku}`,
    { body: { onHand: 99 }, token: `${TOKEN}x` },
    401,
    null,
  ],
  ['order without token', 'POST', '/orders', { body: line(1), token: null }, 401, null],
  ['unknown order', 'GET', '/orders/no-such-order', {}, 404, null],
  [
    'too many SKUs',
    'GET',
    `/availability?skus=${Array.from({ length: 101 }, (_, i) => `s${i}`).join(',')}`,
    { token: null },
    400,
    'skus',
  ],
];

/** An error body as the spec gives it, with nothing of the server's insides. */
export function assertCleanError(answer, status, field, what) {
  assert.equal(
    answer.status,
    status,
    `${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`,
  );
  assert.ok(
    answer.headers.get('content-type')?.startsWith('application/json'),
    `${what}: JSON answer`,
  );
  assert.equal(
    typeof answer.body?.error,
    'string',
    `${what}: error code in ${answer.text.slice(0, 300)}`,
  );
  assert.equal(typeof answer.body?.message, 'string', `${what}: message`);
  assert.doesNotMatch(
    answer.text,
    /\bat .+:\d+:\d+|\/work\/|node_modules|\.(js|ts):\d+/,
    `${what}: no stack trace or file path`,
  );
  if (field)
    assert.match(
      `${answer.body.message} ${answer.body.field ?? ''}`,
      new RegExp(field),
      `${what}: names ${field}`,
    );
}
