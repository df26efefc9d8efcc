/**
 * The OpenAPI document declares every route's answers, and those schemas
 * drop nothing: Fastify serialises an answer through its schema and leaves
 * out any property the schema does not declare, so every answer read over
 * HTTP is compared with what the rules compute in-process (views.js) or
 * stored as the first answer (orders.answer, receipts.answer).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderView, productView, queueView } from '../dist/rules/views.js';
import { shopifySignature } from '../dist/shopify/signature.js';
import { DATABASES } from './proofs/databases.js';
import { order, product, startTestService } from './harness.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
/** The success codes each route answers with (a 201 route answers a retry 200). */
const SUCCESS = {
  'put /admin/products/{sku}': ['200', '201'],
  'post /admin/purchase-orders': ['200', '201'],
  'post /admin/receipts': ['200', '201'],
  'post /orders': ['200', '201'],
  'post /webhooks/shopify/orders-create': ['200', '201'],
  'post /notify': ['202'],
};
const SHOPIFY_SECRET = 'schema-shopify-secret';
/** A Shopify webhook, signed: { status, body }. */
async function shopify(base, topic, payload) {
  const raw = JSON.stringify(payload);
  const response = await fetch(`${base}/webhooks/shopify/${topic}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': shopifySignature(raw, SHOPIFY_SECRET),
    },
    body: raw,
  });
  return { status: response.status, body: await response.json() };
}
/** A JSON round trip: what the rule's value looks like once sent as plain JSON. */
const plain = (value) => JSON.parse(JSON.stringify(value));

for (const database of DATABASES) {
  describe(`answers' schemas (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let ctx;
    before(async () => {
      db = await database.create();
      ctx = await startTestService(
        { data: db.data ?? '', databaseUrl: db.databaseUrl },
        { shopifySecret: SHOPIFY_SECRET },
      );
    });
    after(async () => {
      await ctx?.service.close();
      await db?.drop();
    });

    test('every route in openapi.json states its success and error answers', async () => {
      const { body: doc } = await ctx.api('GET', '/openapi.json', undefined, { token: null });
      assert.equal(doc.openapi, '3.1.0');
      assert.deepEqual(Object.keys(doc.components.schemas), ['Error']);
      assert.deepEqual(doc.components.schemas.Error.required, ['error', 'message']);
      const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
        METHODS.filter((method) => item[method]).map((method) => [
          `${method} ${path}`,
          item[method],
        ]),
      );
      assert.equal(operations.length, 17, operations.map(([name]) => name).join(', '));
      for (const [name, operation] of operations) {
        const { responses } = operation;
        // The live stream is no JSON: its 200 is text/event-stream.
        const media = name === 'get /events' ? 'text/event-stream' : 'application/json';
        for (const code of SUCCESS[name] ?? ['200']) {
          const schema = responses[code]?.content?.[media]?.schema;
          assert.ok(schema, `${name}: no schema for ${code}`);
          assert.ok(schema.type || schema.$ref, `${name} ${code}: an empty schema`);
        }
        const failures = Object.keys(responses).filter((code) => code >= '400');
        assert.ok(failures.includes('500'), `${name}: no 500 answer`);
        if (operation.security) assert.ok(failures.includes('401'), `${name}: no 401 answer`);
        for (const code of failures) {
          const schema = responses[code].content['application/json'].schema;
          if (name === 'get /healthz') continue; // its 503 is its own shape
          assert.equal(schema.$ref, '#/components/schemas/Error', `${name} ${code}`);
        }
      }
      assert.equal(doc.paths['/availability/{sku}'].get.responses['304'].content, undefined);
    });

    test('no answer loses a field to its schema', async () => {
      const { api, service } = ctx;
      const read = service.storage.read;
      const A = 'SCHEMA-PRE';
      const B = 'SCHEMA-MIX';
      await product(
        api,
        A,
        {
          title: 'Every field',
          status: 'preorder',
          releaseDate: '2027-03-01',
          onHand: 0,
          cap: 'incoming',
          allowPreorder: true,
          allowBackorder: false,
          datePrecision: 'week',
          maxPerOrder: 50,
          lowStockThreshold: 3,
          payment: { mode: 'deposit', depositPercent: 20, price: 49.5 },
          message: 'Ships from Berlin',
        },
        [
          { id: `${A}-po1`, quantity: 4, expectedDate: '2027-03-01' },
          { id: `${A}-po2`, quantity: 4, expectedDate: '2027-04-10', datePrecision: 'month' },
        ],
      );
      await product(api, B, { onHand: 2, allowBackorder: true, cap: null });
      const created = await api('POST', '/admin/purchase-orders', {
        id: `${B}-po`,
        sku: B,
        quantity: 5,
        expectedDate: '2027-02-20',
      });
      assert.equal(created.status, 201);
      const placed = [
        await order(api, `${A}-o1`, [[A, 3]], { customer: { email: 'a@example.com' } }),
        await order(
          api,
          `${A}-o2`,
          [
            [A, 5],
            [B, 3],
          ],
          { priority: 2, placedAt: '2027-01-14T08:00:00Z' },
        ),
        await order(api, `${B}-o3`, [[B, 1]]),
        // A platform order past the cap (A's incoming 8, 8 taken): an oversold line, properties shown.
        await shopify(ctx.service.url, 'orders-create', {
          id: 4100,
          email: 'b@example.com',
          customer_locale: 'de',
          line_items: [
            {
              sku: A,
              quantity: 2,
              properties: [
                { name: '_order_type', value: 'preorder' },
                { name: '_expected_date', value: '2027-04-10' },
              ],
            },
          ],
        }),
      ];
      assert.deepEqual(
        placed.map((answer) => answer.status),
        [201, 201, 201, 201],
        JSON.stringify(placed.map((answer) => answer.body)),
      );
      const receipt = await api(
        'POST',
        '/admin/receipts',
        { sku: A, quantity: 2, purchaseOrderId: `${A}-po1` },
        { headers: { 'idempotency-key': 'schema-r1' } },
      );
      // A SKU with no purchase order: the receipt names none (null).
      const C = 'SCHEMA-PLAIN';
      await product(api, C, { onHand: 0 });
      const plainReceipt = await api('POST', '/admin/receipts', { sku: C, quantity: 1 });
      assert.deepEqual([receipt.status, plainReceipt.status], [201, 201]);
      const moved = await api('PATCH', `/admin/purchase-orders/${A}-po2`, {
        expectedDate: '2027-05-02',
      });
      const cancelledPo = await api('POST', `/admin/purchase-orders/${A}-po2/cancel`);
      const cancelled = await api('POST', `/orders/${B}-o3/cancel`);
      assert.deepEqual(
        placed[3].body.lines.map((line) => line.oversold),
        [true],
        'the Shopify order is oversold',
      );
      const ignored = await shopify(ctx.service.url, 'orders-cancelled', { id: 999 });
      assert.deepEqual(ignored.body, { id: '999', ignored: 'no order with this id' });

      // Stored first answers: what a retry gets, and what the 201 was before serialisation.
      for (const answer of placed) {
        const row = await read
          .selectFrom('orders')
          .select('answer')
          .where('id', '=', answer.body.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(answer.body, JSON.parse(row.answer));
      }
      for (const answer of [receipt, plainReceipt]) {
        const row = await read
          .selectFrom('receipts')
          .select('answer')
          .where('id', '=', answer.body.receipt.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(answer.body, JSON.parse(row.answer));
      }
      assert.equal(plainReceipt.body.receipt.purchaseOrderId, null);
      const retry = await api(
        'POST',
        '/admin/receipts',
        { sku: A, quantity: 2, purchaseOrderId: `${A}-po1` },
        { headers: { 'idempotency-key': 'schema-r1' } },
      );
      assert.deepEqual([retry.status, retry.body], [200, receipt.body]);

      // Reads: the HTTP answer equals the rule's value, field for field.
      for (const sku of [A, B, C]) {
        const view = plain(await productView(read, sku));
        assert.deepEqual((await api('GET', `/admin/products/${sku}`)).body, view);
        assert.deepEqual((await api('GET', `/availability/${sku}`)).body, view.record);
        assert.deepEqual(
          (await api('GET', `/admin/queue/${sku}`)).body,
          plain(await queueView(read, sku, 1000, 0)),
        );
      }
      const viewA = plain(await productView(read, A));
      assert.equal(viewA.payment.depositPercent, 20);
      assert.deepEqual(moved.body, { ...viewA.purchaseOrders[1], status: 'open', remaining: 4 });
      assert.deepEqual(cancelledPo.body, viewA.purchaseOrders[1]);
      assert.equal(viewA.purchaseOrders[0].datePrecision, null);
      for (const id of [`${A}-o1`, `${A}-o2`, `${B}-o3`, '4100']) {
        const view = plain(await orderView(read, id));
        assert.deepEqual((await api('GET', `/orders/${id}`)).body, view);
      }
      assert.deepEqual(cancelled.body, plain(await orderView(read, `${B}-o3`)));
      const shopifyCancelled = await shopify(ctx.service.url, 'orders-cancelled', { id: 4100 });
      assert.deepEqual(shopifyCancelled.body, plain(await orderView(read, '4100')));
      assert.equal(shopifyCancelled.body.lines[0].shown.expectedDate, '2027-04-10');
      assert.notEqual(cancelled.body.cancelledAt, null);
      const viewB = plain(await productView(read, B));
      assert.deepEqual(created.body, viewB.purchaseOrders[0]);
      const put = await api('PUT', `/admin/products/${B}`, { onHand: 2, allowBackorder: true });
      assert.deepEqual(put.body, plain(await productView(read, B)));
    });
  });
}
