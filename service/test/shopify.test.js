/**
 * Shopify's order webhooks (service.md s.2) over real HTTP, on both
 * databases: the signature over the raw body, retries answered once, line
 * items read with their properties, unmanaged SKUs ignored, a paid order
 * never refused (oversold lines recorded, shown, and told to a real webhook
 * receiver as order.oversold), cancellations moving later orders up, and
 * many webhooks at once for the last units. Payloads are Shopify's own
 * sample shapes (test/fixtures/shopify-*.json, see the README there).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { shopifySignature } from '../dist/shopify/signature.js';
import { order, product, record, startTestService } from './harness.js';
import { DATABASES } from './proofs/databases.js';
import { startReceiver } from './proofs/webhook-receiver.js';

const SHOPIFY_SECRET = 'shopify-test-secret';
const EVENTS_SECRET = 'events-test-secret';
const fixture = (name) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const CREATE = await fixture('shopify-orders-create.json');
const CANCELLED = await fixture('shopify-orders-cancelled.json');
const PREORDER = { status: 'preorder', releaseDate: '2027-03-01', allowPreorder: true };

let n = 0;
/** Shopify's sample order as another order: its own id, these line items. */
function sampleOrder(lineItems, extra = {}) {
  const id = 7_000_000_000 + ++n * 1000 + Math.floor(Math.random() * 1000);
  const sample = JSON.parse(CREATE);
  const template = sample.line_items[0];
  return {
    ...sample,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    line_items: lineItems.map(([sku, quantity, properties = []]) => ({
      ...template,
      sku,
      quantity,
      properties,
    })),
    ...extra,
  };
}

/** A webhook as Shopify sends it: the raw body, signed with `secret` (null: no header). */
async function deliver(base, topic, body, { secret = SHOPIFY_SECRET, signed } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = {
    'content-type': 'application/json',
    'x-shopify-topic': topic.replace('-', '/'),
    'x-shopify-shop-domain': 'example.myshopify.com',
  };
  if (secret !== null) headers['x-shopify-hmac-sha256'] = shopifySignature(signed ?? raw, secret);
  const response = await fetch(`${base}/webhooks/shopify/${topic}`, {
    method: 'POST',
    headers,
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

for (const database of DATABASES) {
  describe(`Shopify webhooks (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let receiver;
    let ctx;
    let base;
    const api = (...args) => ctx.api(...args);
    const create = (body, options) => deliver(base, 'orders-create', body, options);
    const cancel = (body, options) => deliver(base, 'orders-cancelled', body, options);
    const line = async (orderId, lineNo) =>
      (await api('GET', `/orders/${orderId}`)).body.lines.find((l) => l.line === lineNo);
    before(async () => {
      db = await database.create();
      receiver = await startReceiver(EVENTS_SECRET);
      ctx = await startTestService(
        { data: db.data ?? '', databaseUrl: db.databaseUrl },
        {
          shopifySecret: SHOPIFY_SECRET,
          webhooks: {
            urls: [`${receiver.url}/events`],
            secret: EVENTS_SECRET,
            timeoutMs: 5000,
            retryBaseMs: 4,
            retryMaxMs: 20,
            pollMs: 1000,
          },
        },
      );
      base = ctx.service.url;
    });
    after(async () => {
      await ctx?.service.close();
      await receiver?.close();
      await db?.drop();
    });

    test("Shopify's sample order: recorded once under its exact id, with its properties and customer", async () => {
      await product(api, 'SKU2006-001', { ...PREORDER, cap: 50 }, [
        { quantity: 20, expectedDate: '2027-03-01' },
      ]);
      const first = await create(CREATE);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      // The 64-bit id, exactly (a JSON number would have rounded it to ...500).
      assert.equal(first.body.id, '820982911946154508');
      // SKU2006-020 is no product of the service: ordinary goods, left out.
      assert.deepEqual(first.body.lines, [
        {
          sku: 'SKU2006-001',
          quantity: 2,
          kind: 'preorder',
          promise: { date: '2027-03-01' },
          precision: 'day',
        },
      ]);
      const view = (await api('GET', '/orders/820982911946154508')).body;
      assert.deepEqual(view.lines[0].shown, { orderType: 'preorder', expectedDate: '2027-03-01' });
      assert.equal(view.lines[0].oversold, 0);
      assert.equal(view.placedAt, '2027-01-15T11:00:00.000Z');
      const row = await ctx.service.storage.read
        .selectFrom('orders')
        .select(['customer_email', 'customer_locale'])
        .where('id', '=', '820982911946154508')
        .executeTakeFirstOrThrow();
      // customer.email before the order's email; customer_locale addresses the notices.
      assert.deepEqual(row, { customer_email: 'john@example.com', customer_locale: 'fr' });

      // Shopify retries: the same answer (200), no second reservation.
      const retry = await create(CREATE);
      assert.deepEqual([retry.status, retry.body], [200, first.body]);
      assert.equal((await record(api, 'SKU2006-001')).reserved, 2);
    });

    test('a tampered body, another secret or no signature: 401, nothing recorded', async () => {
      const sku = `SIG-${++n}`;
      await product(api, sku, { ...PREORDER, cap: 10 });
      const body = sampleOrder([[sku, 1]]);
      const raw = JSON.stringify(body);
      const tampered = raw.replace('"quantity":1', '"quantity":9');
      assert.notEqual(tampered, raw);
      const answers = [
        await create(tampered, { signed: raw }),
        await create(raw, { secret: 'another-secret' }),
        await create(raw, { secret: null }),
      ];
      for (const answer of answers) {
        assert.equal(answer.status, 401);
        assert.equal(answer.body.error, 'unauthorized');
        assert.match(answer.body.message, /X-Shopify-Hmac-Sha256/);
      }
      assert.equal((await api('GET', `/orders/${body.id}`)).status, 404);
      assert.equal((await record(api, sku)).reserved, 0);
      // Signed but not JSON: a clear 400; the signature is checked over the bytes first.
      const malformed = await create('{"id": 1,');
      assert.deepEqual([malformed.status, malformed.body.error], [400, 'malformed_json']);
      const missing = await create({ line_items: [] });
      assert.deepEqual([missing.status, missing.body.field], [400, 'id']);
      // The wrong topic for the URL (a misregistered subscription) says so.
      const wrong = await fetch(`${base}/webhooks/shopify/orders-create`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': 'orders/updated',
          'x-shopify-hmac-sha256': shopifySignature(raw, SHOPIFY_SECRET),
        },
        body: raw,
      });
      assert.equal(wrong.status, 400);
      assert.equal((await wrong.json()).error, 'wrong_topic');
    });

    test('an order with no managed SKU is answered 200 and not recorded', async () => {
      const body = sampleOrder([
        ['NOT-OURS-1', 1],
        [null, 1],
      ]);
      const answer = await create(body);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body.lines, []);
      assert.match(answer.body.ignored, /no line item with a SKU the service manages/);
      assert.equal((await api('GET', `/orders/${body.id}`)).status, 404);
    });

    test('a paid order past the cap or the stock is recorded: oversold lines, shown and told', async () => {
      const sku = `OVER-${++n}`;
      await product(api, sku, { ...PREORDER, cap: 5, maxPerOrder: 2 }, [
        { quantity: 10, expectedDate: '2027-03-01' },
      ]);
      assert.equal((await order(api, `${sku}-web`, [[sku, 2]])).status, 201);
      // 4 units past the per-order limit of 2 (the storefront's rule), 3 left under the cap.
      const body = sampleOrder([
        [sku, 4, [{ name: '_order_type', value: 'preorder' }]],
        ['NOT-OURS', 1],
      ]);
      const placed = await create(body);
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      assert.deepEqual(
        placed.body.lines.map((l) => [l.quantity, l.kind, l.promise, l.oversold]),
        [
          [3, 'preorder', { date: '2027-03-01' }, undefined],
          [1, 'preorder', { date: '2027-03-01' }, true],
        ],
      );
      const id = String(body.id);
      const over = await line(id, 2);
      assert.deepEqual([over.quantity, over.oversold, over.status], [1, 1, 'waiting']);
      assert.deepEqual((await line(id, 1)).shown, { orderType: 'preorder', expectedDate: null });
      const queue = (await api('GET', `/admin/queue/${sku}`)).body;
      assert.deepEqual(
        queue.map((l) => [l.orderId, l.quantity, l.oversold]),
        [
          [`${sku}-web`, 2, 0],
          [id, 3, 0],
          [id, 1, 1],
        ],
      );
      // The storefront's room never goes below 0, and the service agrees.
      const rec = await record(api, sku);
      assert.equal(rec.cap - rec.reserved, 0);
      const refused = await order(api, `${sku}-late`, [[sku, 1]]);
      assert.deepEqual([refused.status, refused.body.available], [409, 0]);
      await receiver.until(
        () =>
          receiver.acked.some(
            (r) => r.event.type === 'order.oversold' && r.event.data.orderId === id,
          ),
        'order.oversold delivered',
      );
      const event = receiver.acked.find(
        (r) => r.event.type === 'order.oversold' && r.event.data.orderId === id,
      );
      assert.ok(event.valid, 'signed');
      assert.deepEqual(event.event.data, { orderId: id, line: 2, sku, quantity: 1 });

      // In stock, no backorders: what the stock covers ships now, the rest waits for stock.
      const stocked = `STOCK-${++n}`;
      await product(api, stocked, { onHand: 1 });
      const sold = await create(sampleOrder([[stocked, 3]]));
      assert.equal(sold.status, 201);
      assert.deepEqual(
        sold.body.lines.map((l) => [l.quantity, l.kind, l.oversold ?? false]),
        [
          [1, 'in_stock', false],
          [2, 'backorder', true],
        ],
      );
      // Received stock goes to the oversold units first: they were paid for.
      const receipt = await api('POST', '/admin/receipts', { sku: stocked, quantity: 2 });
      assert.deepEqual(receipt.body.allocated, [{ orderId: sold.body.id, line: 2, quantity: 2 }]);
    });

    test('orders/cancelled cancels like POST /orders/{id}/cancel: later orders move up and are told', async () => {
      const sku = `CXL-${++n}`;
      await product(api, sku, { ...PREORDER, cap: 10 }, [
        { quantity: 5, expectedDate: '2027-03-01' },
        { quantity: 5, expectedDate: '2027-04-01' },
      ]);
      const body = sampleOrder([[sku, 5]]);
      assert.equal((await create(body)).status, 201);
      const later = await order(api, `${sku}-later`, [[sku, 5]]);
      assert.deepEqual(later.body.lines[0].promise, { date: '2027-04-01' });
      const cancelled = JSON.parse(CANCELLED);
      const payload = {
        ...cancelled,
        id: body.id,
        admin_graphql_api_id: body.admin_graphql_api_id,
      };
      const answer = await cancel(payload);
      assert.equal(answer.status, 200);
      assert.deepEqual(
        [answer.body.id, answer.body.status, answer.body.lines[0].status],
        [String(body.id), 'cancelled', 'cancelled'],
      );
      const moved = await line(`${sku}-later`, 1);
      assert.deepEqual(moved.promise, { date: '2027-03-01' });
      assert.equal(moved.history.at(-1).reason, 'cancellation');
      await receiver.until(
        () =>
          receiver.acked.some(
            (r) => r.event.type === 'promise.changed' && r.event.data.orderId === `${sku}-later`,
          ),
        'promise.changed for the later order',
      );
      // Shopify retries: the same answer, nothing moves twice.
      const again = await cancel(payload);
      assert.deepEqual([again.status, again.body], [200, answer.body]);
      assert.equal((await record(api, sku)).reserved, 5);
      // Not one of ours: 200, ignored.
      const unknown = await cancel(
        CANCELLED.replaceAll('820982911946154508', '820982911946150000'),
      );
      assert.deepEqual(unknown, {
        status: 200,
        body: { id: '820982911946150000', ignored: 'no order with this id' },
      });
    });

    test(
      'many orders/create at once for the last 10 units: all recorded, exactly 10 not oversold',
      { timeout: 120_000 },
      async () => {
        const sku = `RACE-${++n}`;
        await product(api, sku, { ...PREORDER, cap: 30 });
        assert.equal((await order(api, `${sku}-first`, [[sku, 20]])).status, 201);
        // On PostgreSQL a second instance takes half of them.
        const second =
          database.name === 'PostgreSQL'
            ? await startTestService(
                { data: '', databaseUrl: db.databaseUrl },
                { shopifySecret: SHOPIFY_SECRET },
              )
            : null;
        try {
          const bases = second ? [base, second.service.url] : [base];
          const bodies = Array.from({ length: 60 }, () => sampleOrder([[sku, 1]]));
          const answers = await Promise.all(
            bodies.map((body, i) => deliver(bases[i % bases.length], 'orders-create', body)),
          );
          assert.deepEqual(
            [...new Set(answers.map((a) => a.status))],
            [201],
            JSON.stringify(answers.find((a) => a.status !== 201)),
          );
          const lines = answers.flatMap((a) => a.body.lines);
          assert.equal(lines.length, 60);
          assert.equal(lines.filter((l) => !l.oversold).length, 10);
          assert.equal(lines.filter((l) => l.oversold).length, 50);
          const queue = (await api('GET', `/admin/queue/${sku}`)).body;
          assert.equal(queue.length, 61, 'nothing lost');
          assert.equal(
            queue.reduce((sum, l) => sum + l.quantity, 0),
            80,
          );
          assert.equal(
            queue.reduce((sum, l) => sum + l.oversold, 0),
            50,
          );
          // The first 10 in the queue after the storefront's order are the ones not oversold.
          assert.deepEqual(
            queue.slice(1).map((l) => l.oversold),
            [...Array(10).fill(0), ...Array(50).fill(1)],
          );
          const rec = await record(api, sku);
          assert.deepEqual([rec.reserved, rec.cap - rec.reserved], [80, 0]);
        } finally {
          await second?.service.close();
        }
      },
    );
  });
}

describe('Shopify webhooks without a secret', () => {
  let ctx;
  let db;
  before(async () => {
    db = await DATABASES[0].create();
    ctx = await startTestService({ data: db.data });
  });
  after(async () => {
    await ctx?.service.close();
    await db?.drop();
  });

  test('answer 503 naming the option (Shopify retries them until it is set)', async () => {
    for (const topic of ['orders-create', 'orders-cancelled']) {
      const answer = await deliver(ctx.service.url, topic, CREATE);
      assert.equal(answer.status, 503);
      assert.equal(answer.body.error, 'shopify_disabled');
      assert.match(answer.body.message, /--shopify-secret or SHOPIFY_WEBHOOK_SECRET/);
    }
  });
});
