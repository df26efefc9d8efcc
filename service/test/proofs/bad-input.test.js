/**
 * Bad input of every kind (service.md s.2): each answered with a clear
 * 4xx (or 503) JSON `{ error, message }` naming the field at fault, never a
 * stack trace or a file path, and the data untouched: a snapshot of every
 * product, queue and order read before and after each request is equal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES } from './databases.js';
import { CASES, assertCleanError, line, orderId, sku } from './bad-input-cases.js';
import { client, expectStatus, request, startService } from './harness.js';
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
