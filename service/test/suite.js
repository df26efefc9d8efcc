// The service's behaviour over real HTTP, run once per database (sqlite.test.js, postgres.test.js).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decide, firstShipDay, remainingCapacity } from 'preorder-elements/engine';
import { START, order, product, record, startTestService } from './harness.js';

/** `open()` gives { database: options for startService, cleanup() }. */
export function defineSuite(name, open) {
  describe(`service on ${name}`, () => {
    let ctx;
    let env;
    let n = 0;
    /** A SKU of this test alone (one database serves the whole file). */
    const sku = (label) => `${label}-${++n}`;
    before(async () => {
      env = await open();
      ctx = await startTestService(env.database);
    });
    after(async () => {
      await ctx?.service.close();
      await env?.cleanup();
    });
    const api = (...args) => ctx.api(...args);
    const engineShip = (rec, quantity) =>
      firstShipDay(decide(rec, { quantity, now: START, timeZone: 'Europe/Berlin' }).ship);

    test('health, OpenAPI 3.1 from the route schemas, the served record with ETag and CORS', async () => {
      assert.deepEqual((await api('GET', '/healthz')).body, {
        ok: true,
        database: name === 'PostgreSQL' ? 'postgres' : 'embedded',
      });
      const openapi = (await api('GET', '/openapi.json')).body;
      assert.equal(openapi.openapi, '3.1.0');
      assert.ok(openapi.paths['/orders'].post.requestBody);
      assert.ok(openapi.paths['/admin/receipts'].post);
      const A = sku('LAMP');
      await product(api, A, { title: 'Lamp', releaseDate: '2027-03-01', cap: 100 }, [
        { id: `${A}-po`, quantity: 60, expectedDate: '2027-03-01' },
      ]);
      const one = await api('GET', `/availability/${A}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, {
        sku: A,
        onHand: 0,
        releaseDate: '2027-03-01',
        incoming: [{ quantity: 60, date: '2027-03-01' }],
        reserved: 0,
        cap: 100,
      });
      assert.equal(one.headers.get('access-control-allow-origin'), '*');
      assert.match(
        one.headers.get('cache-control'),
        /^public, max-age=5, stale-while-revalidate=60$/,
      );
      const etag = one.headers.get('etag');
      const again = await api('GET', `/availability/${A}`, undefined, {
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.status, 304);
      const list = await api('GET', `/availability?skus=${A},NOPE,${A}`);
      assert.deepEqual(list.body, [one.body]);
      assert.equal((await api('GET', '/availability/NOPE')).status, 404);
      // Admin routes carry no CORS header.
      assert.equal(
        (await api('GET', `/admin/products/${A}`)).headers.get('access-control-allow-origin'),
        null,
      );
      await order(api, `${A}-o`, [[A, 2]]);
      const changed = await api('GET', `/availability/${A}`, undefined, {
        headers: { 'if-none-match': etag },
      });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.equal(changed.body.reserved, 2);
      const view = (await api('GET', `/admin/products/${A}`)).body;
      assert.equal(view.queue.waitingUnits, 2);
      assert.equal(view.purchaseOrders[0].remaining, 60);
    });

    test('an order partly in stock is answered as two lines; its record agrees', async () => {
      const M = sku('MUG');
      await product(api, M, { onHand: 3, allowBackorder: true, cap: 10 }, [
        { quantity: 20, expectedDate: '2027-02-10' },
      ]);
      const placed = await order(api, `${M}-o1`, [[M, 5]]);
      assert.equal(placed.status, 201);
      assert.deepEqual(placed.body.lines, [
        {
          sku: M,
          quantity: 3,
          kind: 'in_stock',
          promise: { date: '2027-01-15' },
          precision: 'day',
        },
        {
          sku: M,
          quantity: 2,
          kind: 'backorder',
          promise: { date: '2027-02-10' },
          precision: 'day',
        },
      ]);
      const rec = await record(api, M);
      assert.equal(rec.onHand, 0);
      assert.equal(rec.reserved, 2);
      assert.equal(remainingCapacity(rec), 8);
    });

    test('200 concurrent orders for the last 10 units: exactly 10 accepted', async () => {
      const C = sku('CAP');
      await product(api, C, { releaseDate: '2027-06-01', cap: 10 }, [
        { quantity: 10, expectedDate: '2027-06-01' },
      ]);
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => order(api, `${C}-${i}`, [[C, 1]])),
      );
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 201).length, 10);
      assert.equal(statuses.filter((s) => s === 409).length, 190);
      for (const refused of answers.filter((a) => a.status === 409)) {
        assert.equal(refused.body.error, 'cap_reached');
        assert.equal(refused.body.available, 0);
      }
      const rec = await record(api, C);
      assert.equal(rec.reserved, 10);
      assert.equal(remainingCapacity(rec), 0);
      const queue = (await api('GET', `/admin/queue/${C}`)).body;
      assert.equal(queue.length, 10);
    });

    test('the same order id sent 10 times at once reserves once', async () => {
      const S = sku('SAME');
      await product(api, S, { releaseDate: '2027-06-01', cap: 50 }, [
        { quantity: 50, expectedDate: '2027-06-01' },
      ]);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => order(api, `${S}-o`, [[S, 4]])),
      );
      assert.deepEqual(
        answers.map((a) => a.status).sort(),
        [200, 200, 200, 200, 200, 200, 200, 200, 200, 201],
      );
      for (const a of answers) assert.deepEqual(a.body, answers[0].body);
      assert.equal((await record(api, S)).reserved, 4);
    });

    test('several lines of one SKU add up against the cap; all lines or none', async () => {
      const L = sku('LINES');
      const O = sku('OTHER');
      await product(api, L, { releaseDate: '2027-06-01', cap: 5 }, [
        { quantity: 5, expectedDate: '2027-06-01' },
      ]);
      await product(api, O, { releaseDate: '2027-06-01', cap: 5 }, [
        { quantity: 5, expectedDate: '2027-06-01' },
      ]);
      const refused = await order(api, `${L}-o1`, [
        [O, 1],
        [L, 3],
        [L, 3],
      ]);
      assert.equal(refused.status, 409);
      assert.deepEqual(refused.body, {
        error: 'cap_reached',
        message: refused.body.message,
        sku: L,
        available: 5,
      });
      assert.equal((await record(api, O)).reserved, 0, 'no line of a refused order is kept');
      assert.equal(
        (
          await order(api, `${L}-o2`, [
            [L, 2],
            [L, 3],
          ])
        ).status,
        201,
      );
      assert.equal((await record(api, L)).reserved, 5);
      const unknown = await order(api, `${L}-o3`, [
        [O, 1],
        ['NO-SUCH-SKU', 1],
      ]);
      assert.equal(unknown.status, 409);
      assert.equal(unknown.body.error, 'unknown_sku');
      assert.equal(unknown.body.sku, 'NO-SUCH-SKU');
      const limited = sku('LIMIT');
      await product(api, limited, { releaseDate: '2027-06-01', maxPerOrder: 2 });
      const over = await order(api, `${limited}-o`, [[limited, 3]]);
      assert.deepEqual([over.status, over.body.error, over.body.available], [409, 'limit', 2]);
      const gone = sku('GONE');
      await product(api, gone, { status: 'discontinued' });
      const sold = await order(api, `${gone}-o`, [[gone, 1]]);
      assert.deepEqual([sold.status, sold.body.error], [409, 'sold_out']);
    });

    test('receipts: first come, first served within priority, partial fills, once per Idempotency-Key, leftovers on hand', async () => {
      const R = sku('RCPT');
      await product(api, R, { releaseDate: '2027-06-01' }, [
        { id: `${R}-po`, quantity: 20, expectedDate: '2027-06-01' },
      ]);
      await order(api, `${R}-a`, [[R, 3]]);
      await order(api, `${R}-b`, [[R, 2]]);
      await order(api, `${R}-c`, [[R, 2]], { priority: 5 });
      const headers = { 'idempotency-key': `${R}-k1` };
      const first = await api('POST', '/admin/receipts', { sku: R, quantity: 4 }, { headers });
      assert.equal(first.status, 201);
      assert.deepEqual(first.body.allocated, [
        { orderId: `${R}-c`, line: 1, quantity: 2 },
        { orderId: `${R}-a`, line: 1, quantity: 2 },
      ]);
      assert.equal(first.body.receipt.purchaseOrderId, `${R}-po`);
      const retry = await api('POST', '/admin/receipts', { sku: R, quantity: 4 }, { headers });
      assert.equal(retry.status, 200);
      assert.deepEqual(retry.body, first.body);
      const queue = (await api('GET', `/admin/queue/${R}`)).body;
      assert.deepEqual(
        queue.map((l) => [l.orderId, l.allocated, l.status]),
        [
          [`${R}-c`, 2, 'allocated'],
          [`${R}-a`, 2, 'waiting'],
          [`${R}-b`, 0, 'waiting'],
        ],
      );
      const second = await api('POST', '/admin/receipts', {
        sku: R,
        quantity: 10,
        purchaseOrderId: `${R}-po`,
      });
      assert.deepEqual(second.body.allocated, [
        { orderId: `${R}-a`, line: 1, quantity: 1 },
        { orderId: `${R}-b`, line: 1, quantity: 2 },
      ]);
      const rec = await record(api, R);
      assert.deepEqual(
        [rec.onHand, rec.reserved, rec.incoming],
        [7, 0, [{ quantity: 6, date: '2027-06-01' }]],
      );
      const a = (await api('GET', `/orders/${R}-a`)).body;
      assert.deepEqual(
        a.lines[0].basis.allocations.map((x) => x.quantity),
        [2, 1],
      );
      assert.equal(a.lines[0].status, 'allocated');
    });

    test('moving a purchase order recomputes every queued promise and records the ones that moved', async () => {
      const P = sku('MOVE');
      await product(api, P, { releaseDate: '2027-03-01' }, [
        { id: `${P}-1`, quantity: 5, expectedDate: '2027-03-01' },
        { id: `${P}-2`, quantity: 5, expectedDate: '2027-04-10', datePrecision: 'month' },
      ]);
      await order(api, `${P}-a`, [[P, 5]]);
      const b = await order(api, `${P}-b`, [[P, 5]]);
      assert.deepEqual(b.body.lines[0], {
        sku: P,
        quantity: 5,
        kind: 'preorder',
        promise: { date: '2027-04-10' },
        precision: 'month',
      });
      // Within the same month: no news for b; a's day moves.
      await api('PATCH', `/admin/purchase-orders/${P}-2`, { expectedDate: '2027-04-20' });
      await api('PATCH', `/admin/purchase-orders/${P}-1`, { expectedDate: '2027-03-15' });
      const a = (await api('GET', `/orders/${P}-a`)).body.lines[0];
      assert.deepEqual(a.promise, { date: '2027-03-15' });
      assert.deepEqual(
        a.history.map((h) => [h.promise, h.reason]),
        [
          [{ date: '2027-03-01' }, 'accepted'],
          [{ date: '2027-03-15' }, 'purchase_order_moved'],
        ],
      );
      const bLine = (await api('GET', `/orders/${P}-b`)).body.lines[0];
      assert.deepEqual(bLine.promise, { date: '2027-04-20' });
      assert.equal(bLine.history.length, 1, 'a move within the stated month is not news');
      assert.deepEqual(bLine.basis.purchaseOrders, [`${P}-2`]);
      await api('PATCH', `/admin/purchase-orders/${P}-2`, { expectedDate: '2027-05-02' });
      const moved = (await api('GET', `/orders/${P}-b`)).body.lines[0];
      assert.deepEqual(moved.history.at(-1).promise, { date: '2027-05-02' });
      // Resized below what b needs: b has no date ("to be confirmed").
      await api('PATCH', `/admin/purchase-orders/${P}-2`, { quantity: 3 });
      assert.equal((await api('GET', `/orders/${P}-b`)).body.lines[0].promise, null);
      const cancelled = await api('POST', `/admin/purchase-orders/${P}-1/cancel`);
      assert.equal(cancelled.body.status, 'cancelled');
      // a's 5 units now wait for the 3 of the second order: no date, and a is told.
      const aLine = (await api('GET', `/orders/${P}-a`)).body.lines[0];
      assert.deepEqual(
        [aLine.promise, aLine.history.at(-1).reason],
        [null, 'purchase_order_cancelled'],
      );
    });

    test('a cancellation moves later orders up and returns its filled units to the queue', async () => {
      const X = sku('CANCEL');
      await product(api, X, { releaseDate: '2027-03-01', cap: 10 }, [
        { quantity: 5, expectedDate: '2027-03-01' },
        { quantity: 5, expectedDate: '2027-04-01' },
      ]);
      await order(api, `${X}-a`, [[X, 5]]);
      await order(api, `${X}-b`, [[X, 5]]);
      assert.equal(remainingCapacity(await record(api, X)), 0);
      const cancelled = await api('POST', `/orders/${X}-a/cancel`);
      assert.equal(cancelled.body.status, 'cancelled');
      assert.equal(cancelled.body.lines[0].status, 'cancelled');
      const b = (await api('GET', `/orders/${X}-b`)).body.lines[0];
      assert.deepEqual(b.promise, { date: '2027-03-01' });
      assert.equal(b.history.at(-1).reason, 'cancellation');
      assert.equal(remainingCapacity(await record(api, X)), 5);
      assert.equal(
        (await api('POST', `/orders/${X}-a/cancel`)).status,
        200,
        'cancelling again changes nothing',
      );
      assert.equal(remainingCapacity(await record(api, X)), 5);
      // Filled units return to stock and go to the next line.
      await order(api, `${X}-c`, [[X, 2]]);
      await api('POST', '/admin/receipts', { sku: X, quantity: 5 });
      await api('POST', `/orders/${X}-b/cancel`);
      const c = (await api('GET', `/orders/${X}-c`)).body.lines[0];
      assert.deepEqual(
        [c.allocated, c.status, c.basis.allocations[0].source],
        [2, 'allocated', 'returned'],
      );
      assert.equal((await record(api, X)).onHand, 3);
    });

    test('the record agrees with what POST /orders accepts and promises, step by step', async () => {
      const G = sku('AGREE');
      await product(api, G, { releaseDate: '2027-03-01', cap: 12 }, [
        { id: `${G}-1`, quantity: 4, expectedDate: '2027-03-01' },
        { id: `${G}-2`, quantity: 6, expectedDate: '2027-05-01' },
      ]);
      let i = 0;
      const check = async () => {
        const rec = await record(api, G);
        const room = remainingCapacity(rec);
        if (room > 0) {
          const q = Math.min(room, 3);
          const expected = engineShip(rec, q);
          const placed = await order(api, `${G}-${++i}`, [[G, q]]);
          assert.equal(placed.status, 201);
          assert.equal(placed.body.lines.at(-1).promise?.date ?? null, expected);
        }
        const after = await record(api, G);
        const over = await order(api, `${G}-over-${i}`, [[G, remainingCapacity(after) + 1]]);
        assert.equal(over.status, 409);
        assert.equal(over.body.available, remainingCapacity(after));
        assert.deepEqual(await record(api, G), after, 'a refused order changes nothing');
      };
      await check();
      await check();
      await api('POST', '/admin/receipts', { sku: G, quantity: 3 });
      await check();
      await api('POST', `/orders/${G}-1/cancel`);
      await check();
      await api('PATCH', `/admin/purchase-orders/${G}-2`, {
        expectedDate: '2027-04-01',
        quantity: 9,
      });
      await check();
      await api('PUT', `/admin/products/${G}`, { releaseDate: '2027-03-01', cap: 20 });
      await check();
    });

    test('bad input: a clear 4xx JSON error naming the field, never a stack trace, data untouched', async () => {
      const B = sku('BAD');
      await product(api, B, { releaseDate: '2027-03-01', cap: 10 }, [
        { quantity: 10, expectedDate: '2027-03-01' },
      ]);
      const before = await api('GET', `/availability/${B}`);
      const cases = [
        [
          400,
          'malformed_json',
          () =>
            api('POST', '/orders', undefined, {
              raw: '{"id": "x", "lines": [',
              headers: { 'content-type': 'application/json' },
            }),
        ],
        [
          400,
          'invalid_input',
          () => api('POST', '/orders', { id: 'x1', lines: [{ sku: B, quantity: '2' }] }),
          'lines[0].quantity',
        ],
        [
          400,
          'invalid_input',
          () => api('POST', '/orders', { id: 'x2', lines: [{ sku: B, quantity: -1 }] }),
          'lines[0].quantity',
        ],
        [
          400,
          'invalid_input',
          () => api('POST', '/orders', { id: 'x3', lines: [{ sku: B, quantity: 1.5 }] }),
          'lines[0].quantity',
        ],
        [400, 'invalid_input', () => api('POST', '/orders', { id: 'x4', lines: [] }), 'lines'],
        [
          400,
          'invalid_input',
          () => api('POST', '/orders', { lines: [{ sku: B, quantity: 1 }] }),
          'id',
        ],
        [
          400,
          'invalid_input',
          () => api('POST', '/orders', { id: 'x5', lines: [{ sku: B, quantity: 1 }], extra: 1 }),
          'extra',
        ],
        [
          400,
          'invalid_input',
          () =>
            api('POST', '/orders', {
              id: 'x6',
              placedAt: '2027-02-30T10:00:00Z',
              lines: [{ sku: B, quantity: 1 }],
            }),
          'placedAt',
        ],
        [
          400,
          'invalid_input',
          () =>
            api('POST', '/admin/purchase-orders', {
              sku: B,
              quantity: 5,
              expectedDate: '2027-02-30',
            }),
          'expectedDate',
        ],
        [
          400,
          'invalid_input',
          () => api('POST', '/admin/receipts', { sku: B, quantity: 0 }),
          'quantity',
        ],
        [400, 'invalid_input', () => api('PUT', `/admin/products/${B}`, { cap: 'lots' }), 'cap'],
        [
          400,
          'invalid_input',
          () =>
            api(
              'GET',
              `/availability?skus=${Array.from({ length: 101 }, (_, k) => `s${k}`).join(',')}`,
            ),
          'skus',
        ],
        [
          413,
          'payload_too_large',
          () =>
            api('POST', '/orders', undefined, {
              raw: JSON.stringify({ id: 'x7', pad: 'x'.repeat(2 * 1024 * 1024) }),
              headers: { 'content-type': 'application/json' },
            }),
        ],
        [
          415,
          'unsupported_media_type',
          () =>
            api('POST', '/orders', undefined, {
              raw: 'id=x8',
              headers: { 'content-type': 'text/plain' },
            }),
        ],
        [409, 'unknown_sku', () => order(api, 'x9', [['NO-SUCH', 1]])],
        [404, 'unknown_sku', () => api('POST', '/admin/receipts', { sku: 'NO-SUCH', quantity: 1 })],
        [404, 'not_found', () => api('GET', '/orders/no-such-order')],
        [
          404,
          'not_found',
          () => api('PATCH', '/admin/purchase-orders/no-such-po', { quantity: 3 }),
        ],
        [
          401,
          'unauthorized',
          () =>
            api(
              'POST',
              '/orders',
              { id: 'x10', lines: [{ sku: B, quantity: 1 }] },
              { token: null },
            ),
        ],
        [
          401,
          'unauthorized',
          () =>
            api(
              'POST',
              '/orders',
              { id: 'x11', lines: [{ sku: B, quantity: 1 }] },
              { token: 'wrong' },
            ),
        ],
        [
          401,
          'unauthorized',
          () =>
            api('GET', `/admin/queue/${B}`, undefined, { token: 'test-admin-token-but-longer' }),
        ],
      ];
      for (const [status, error, call, field] of cases) {
        const answer = await call();
        const where = `${status} ${error} ${field ?? ''}: ${JSON.stringify(answer.body).slice(0, 200)}`;
        assert.equal(answer.status, status, where);
        assert.equal(answer.body.error, error, where);
        assert.equal(typeof answer.body.message, 'string', where);
        assert.doesNotMatch(JSON.stringify(answer.body), /\bat .*\.js:\d+/, where);
        if (field) {
          assert.equal(answer.body.field, field, where);
          assert.match(
            answer.body.message,
            new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: expected `),
            where,
          );
        }
      }
      const afterAll = await api('GET', `/availability/${B}`);
      assert.deepEqual(afterAll.body, before.body);
      assert.equal(afterAll.headers.get('etag'), before.headers.get('etag'));
    });
  });
}
