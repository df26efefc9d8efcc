/**
 * Bad input of every kind (service.md s.2): each answered with a clear
 * 4xx (or 503) JSON `{ error, message }` naming the field at fault, never a
 * stack trace or a file path, and the data untouched: a snapshot of every
 * product, queue and order read before and after each request is equal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES } from './databases.js';
import { TOKEN, client, expectStatus, request, startService, uniqueId } from './harness.js';

const sku = uniqueId('bad');
const orderId = uniqueId('bad-order');
const line = (quantity) => ({ id: uniqueId('o'), customer: {}, lines: [{ sku, quantity }] });
const json = { 'content-type': 'application/json' };

/** [name, method, path, options, status, field named in the message (or null)] */
const CASES = [
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

for (const database of DATABASES) {
  describe(`bad input (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let service;
    let api;
    before(async () => {
      db = await database.create();
      service = await startService(db);
      api = client(service.url);
      expectStatus(
        await api.putProduct(sku, {
          status: 'preorder',
          onHand: 0,
          cap: 10,
          allowPreorder: true,
          releaseDate: '2027-03-01',
        }),
        [200, 201],
        'product',
      );
      expectStatus(
        await api.createPurchaseOrder({
          id: `${sku}-po`,
          sku,
          quantity: 8,
          expectedDate: '2027-04-01',
        }),
        201,
        'PO',
      );
      expectStatus(
        await api.order({ id: orderId, customer: {}, lines: [{ sku, quantity: 2 }] }),
        201,
        'order',
      );
    });
    after(async () => {
      await service?.stop();
      await db?.drop();
    });

    const snapshot = async () => ({
      product: (await api.product(sku)).body,
      queue: (await api.queue(sku)).body,
      order: (await api.getOrder(orderId)).body,
      record: (await api.record(sku)).body,
    });

    for (const [name, method, path, options, status, field] of CASES)
      test(`${name}: ${status}${field ? ` naming ${field}` : ''}, data untouched`, async () => {
        const before = await snapshot();
        assertCleanError(await request(service.url, method, path, options), status, field, name);
        assert.deepEqual(await snapshot(), before, `${name}: data untouched`);
      });

    test('no admin token configured: admin routes and POST /orders answer 503, reads still work', async () => {
      const other = await database.create();
      const bare = await startService(other, { adminToken: null });
      try {
        for (const [method, path, body] of [
          ['PUT', `/admin/products/${sku}`, { onHand: 1 }],
          ['POST', '/orders', line(1)],
          ['POST', '/admin/receipts', { sku, quantity: 1 }],
        ])
          assertCleanError(
            await request(bare.url, method, path, { body, token: 'anything' }),
            503,
            null,
            `${method} ${path}`,
          );
        expectStatus(await request(bare.url, 'GET', '/healthz', { token: null }), 200, 'healthz');
      } finally {
        await bare.stop();
        await other.drop();
      }
    });
  });
}
