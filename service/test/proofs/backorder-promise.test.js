/**
 * A backorder line is promised by the purchase orders it waits for, not by
 * the product's release day (only a pre-order waits for that): when accepted
 * and when a moved purchase order re-promises the queue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES } from './databases.js';
import { client, expectStatus, startService, uniqueId } from './harness.js';

const DAY = 86_400_000;
const dayFromNow = (days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

for (const database of DATABASES) {
  describe(`backorder promise (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let service;
    before(async () => {
      db = await database.create();
      service = await startService(db, { args: ['--time-zone', 'UTC'] });
    });
    after(async () => {
      await service?.stop();
      await db?.drop();
    });

    test('by its lots, when accepted and when the purchase order moves', async () => {
      const api = client(service.url);
      const sku = uniqueId('bo');
      const poId = uniqueId('po');
      const [arrives, later, release] = [dayFromNow(100), dayFromNow(130), dayFromNow(300)];
      expectStatus(
        await api.putProduct(sku, {
          status: 'backorder',
          onHand: 0,
          allowBackorder: true,
          releaseDate: release,
        }),
        [200, 201],
        'product',
      );
      expectStatus(
        await api.createPurchaseOrder({ id: poId, sku, quantity: 10, expectedDate: arrives }),
        201,
        'purchase order',
      );
      const id = uniqueId('o');
      const accepted = expectStatus(
        await api.order({ id, customer: {}, lines: [{ sku, quantity: 1 }] }),
        201,
        'order',
      );
      assert.equal(accepted.body.lines[0].kind, 'backorder');
      assert.deepEqual(accepted.body.lines[0].promise, { date: arrives });

      expectStatus(await api.changePurchaseOrder(poId, { expectedDate: later }), 200, 'move');
      const stored = expectStatus(await api.getOrder(id), 200, 'order after the move');
      assert.deepEqual(stored.body.lines[0].promise, { date: later });
    });
  });
}
