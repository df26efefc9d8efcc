/**
 * Webhook delivery in process, on both databases, against a real receiver
 * (test/proofs/webhook-receiver.js): the body and signature, retries until a
 * 2xx, order per order id under retries, two targets independent, the
 * backoff on a controlled clock, and two instances on one PostgreSQL never
 * sending one event twice. Retry delays are a few ms (or on a clock the test
 * moves): nothing here waits for real backoff.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { retryDelay } from '../dist/delivery/backoff.js';
import { order, product, startTestService } from './harness.js';
import { DATABASES } from './proofs/databases.js';
import { orderViolation, orderingKey, startReceiver } from './proofs/webhook-receiver.js';

const SECRET = 'delivery-test-secret';
const PREORDER = { status: 'preorder', onHand: 0, cap: 50, allowPreorder: true };
const PO = [{ quantity: 30, expectedDate: '2027-03-01' }];

/** Starts the service on `db` delivering to `paths` of `receiver`; fast retries unless overridden. */
function start(db, receiver, paths, webhooks = {}) {
  const database = { data: db.data ?? '', databaseUrl: db.databaseUrl };
  return startTestService(database, {
    webhooks: {
      urls: paths.map((path) => receiver.url + path),
      secret: SECRET,
      timeoutMs: 5000,
      retryBaseMs: 4,
      retryMaxMs: 20,
      pollMs: 1000,
      random: () => 0.5,
      ...webhooks,
    },
  });
}

const outbox = (service) =>
  service.storage.read.selectFrom('outbox').selectAll().orderBy('id').execute();

/** Resolves once every event in the outbox has been acked at `path`. */
async function allAcked(service, receiver, path) {
  const ids = (await outbox(service)).map((row) => String(row.id));
  const acked = () => receiver.ackedIds(path);
  await receiver.until(
    () => ids.every((id) => acked().has(id)),
    `${path}: all of ${ids.length} events acked (${acked().size} so far)`,
  );
  return ids;
}

test('the backoff doubles its bound from the base, with full jitter, up to the cap', () => {
  const at = (random) => ({ baseMs: 1000, maxMs: 3_600_000, random: () => random });
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => retryDelay(n, at(0.999999))),
    [999, 1999, 3999, 7999],
  );
  assert.equal(retryDelay(3, at(0.5)), 2000);
  assert.equal(retryDelay(1, at(0)), 0);
  assert.equal(retryDelay(40, at(0.999999)), 3_599_996);
  assert.equal(retryDelay(5000, at(0.5)), 1_800_000, 'no overflow after many failures');
});

for (const database of DATABASES) {
  describe(`webhook delivery (${database.name})`, { skip: await database.skip() }, () => {
    const cleanups = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });
    /** A fresh database, a receiver and a service, all closed after the suite. */
    async function setup(policy, paths = ['/hook'], webhooks = {}) {
      const db = await database.create();
      cleanups.push(() => db.drop());
      const receiver = await startReceiver(SECRET, policy);
      cleanups.push(() => receiver.close());
      const started = await start(db, receiver, paths, webhooks);
      cleanups.push(() => started.service.close());
      return { db, receiver, ...started };
    }

    test('each event is POSTed once as { id, type, occurredAt, data }, signed, within a second', async () => {
      const { receiver, service, api } = await setup();
      await product(api, 'LAMP', PREORDER, PO);
      const placed = await order(api, 'o-1', [['LAMP', 2]]);
      assert.equal(placed.status, 201);
      const answeredAt = Date.now();
      await receiver.until(
        () => receiver.acked.some((r) => r.event.type === 'order.accepted'),
        'order.accepted arrives',
      );
      const latency = Date.now() - answeredAt;
      assert.ok(latency < 1000, `order.accepted arrived ${latency} ms after the answer`);
      assert.equal(
        (await api('POST', '/admin/receipts', { sku: 'LAMP', quantity: 1 })).status,
        201,
      );
      const ids = await allAcked(service, receiver, '/hook');

      const rows = await outbox(service);
      assert.deepEqual(
        receiver.requests.map((r) => r.id).sort(),
        ids.sort(),
        'each once (events of different orders and SKUs may go out in parallel)',
      );
      assert.equal(orderViolation(receiver.acked), null);
      for (const row of rows) {
        const request = receiver.requests.find((r) => r.id === String(row.id));
        assert.deepEqual(request.event, {
          id: String(row.id),
          type: row.type,
          occurredAt: row.created_at,
          data: JSON.parse(row.payload),
        });
        assert.equal(request.valid, true, `signature of ${row.id}: ${request.signature}`);
        assert.match(request.signature, /^sha256=[0-9a-f]{64}$/);
        assert.equal(request.contentType, 'application/json');
      }
      const types = rows.map((row) => row.type);
      for (const type of ['order.accepted', 'order.allocated', 'availability.changed'])
        assert.ok(types.includes(type), `${type} among ${types}`);
      await service.webhooks.idle();
      const left = await service.storage.read.selectFrom('outbox_deliveries').selectAll().execute();
      assert.deepEqual(left, [], 'nothing left to deliver');
    });

    test('an event answered 500 twice is sent again until a 2xx, and its order waits for it', async () => {
      let failuresLeft = 2;
      const { receiver, service, api } = await setup((request) => {
        if (request.event.type === 'order.accepted' && failuresLeft > 0) {
          failuresLeft--;
          return 500;
        }
        return 200;
      });
      await product(api, 'LAMP', PREORDER, PO);
      await order(api, 'o-1', [['LAMP', 3]]);
      await api('POST', '/admin/receipts', { sku: 'LAMP', quantity: 2 });
      await allAcked(service, receiver, '/hook');

      const accepted = receiver.requests.filter((r) => r.event.type === 'order.accepted');
      assert.deepEqual(
        accepted.map((r) => r.status),
        [500, 500, 200],
      );
      assert.equal(new Set(accepted.map((r) => r.raw)).size, 1, 'the same body (and id) each time');
      assert.ok(accepted.every((r) => r.valid));
      const ofOrder = receiver.requests.filter((r) => orderingKey(r.event) === 'order:o-1');
      const firstAck = ofOrder.findIndex((r) => r.status === 200);
      assert.deepEqual(
        ofOrder.slice(0, firstAck + 1).map((r) => r.event.type),
        ['order.accepted', 'order.accepted', 'order.accepted'],
        'nothing later of o-1 was sent before order.accepted got its 2xx',
      );
      assert.ok(ofOrder.some((r) => r.event.type === 'order.allocated'));
      assert.equal(orderViolation(receiver.acked), null);
    });

    test("a failing event holds back its own order's later events, not other orders'", async () => {
      let releaseX = false;
      const { receiver, service, api } = await setup((request) =>
        orderingKey(request.event) === 'order:x' && !releaseX ? 503 : 200,
      );
      await product(api, 'A', PREORDER, PO);
      await product(api, 'B', PREORDER, PO);
      await order(api, 'x', [['A', 2]]);
      await order(api, 'y', [['B', 2]]);
      await api('POST', '/admin/receipts', { sku: 'A', quantity: 2 });
      await api('POST', '/admin/receipts', { sku: 'B', quantity: 2 });
      await receiver.until(
        () =>
          ['order.accepted', 'order.allocated'].every((type) =>
            receiver.acked.some((r) => r.event.data.orderId === 'y' && r.event.type === type),
          ),
        "y's events acked while x's first one fails",
      );
      const xRequests = receiver.requests.filter((r) => r.event.data.orderId === 'x');
      assert.ok(xRequests.length >= 1);
      assert.deepEqual(
        [...new Set(xRequests.map((r) => r.event.type))],
        ['order.accepted'],
        "only x's first event was tried while it failed",
      );
      releaseX = true;
      await allAcked(service, receiver, '/hook');
      const xAcked = receiver.acked.filter((r) => r.event.data.orderId === 'x');
      assert.deepEqual(
        xAcked.map((r) => r.event.type),
        ['order.accepted', 'order.allocated'],
      );
      assert.equal(orderViolation(receiver.acked), null);
      const yAck = receiver.acked.findIndex((r) => r.event.data.orderId === 'y');
      const xAck = receiver.acked.findIndex((r) => r.event.data.orderId === 'x');
      assert.ok(yAck < xAck, 'y was delivered before x recovered');
    });

    test('two targets: one down neither blocks nor duplicates the other', async () => {
      let downUp = false;
      const { receiver, service, api } = await setup(
        (request) => (request.path === '/down' && !downUp ? 503 : 200),
        ['/up', '/down'],
      );
      await product(api, 'A', PREORDER, PO);
      for (const id of ['o-1', 'o-2', 'o-3']) await order(api, id, [['A', 1]]);
      await api('POST', '/admin/receipts', { sku: 'A', quantity: 3 });
      const ids = await allAcked(service, receiver, '/up');
      const up = receiver.requests.filter((r) => r.path === '/up');
      assert.deepEqual(
        up.map((r) => r.id).sort(),
        ids.sort(),
        '/up got each event exactly once while /down failed',
      );
      // While nothing reached /down, only the first event of each key was tried there.
      const firstOfKey = new Map();
      for (const row of await outbox(service)) {
        const key = row.order_id ? `order:${row.order_id}` : `sku:${row.sku}`;
        if (!firstOfKey.has(key)) firstOfKey.set(key, String(row.id));
      }
      const tried = new Set(receiver.requests.filter((r) => r.path === '/down').map((r) => r.id));
      assert.ok(tried.size > 0);
      for (const id of tried) assert.ok([...firstOfKey.values()].includes(id), `${id} was a head`);

      downUp = true;
      await allAcked(service, receiver, '/down');
      assert.equal(orderViolation(receiver.acked.filter((r) => r.path === '/down')), null);
      assert.equal(
        receiver.requests.filter((r) => r.path === '/up').length,
        ids.length,
        '/up got nothing twice',
      );
    });

    test('retries wait for the backoff on the delivery clock: base, then double', async () => {
      const clock = { now: Date.parse('2027-01-15T12:00:00Z') };
      let answer = 500;
      const { receiver, service, api } = await setup(() => answer, ['/hook'], {
        retryBaseMs: 60_000,
        retryMaxMs: 3_600_000,
        pollMs: 3_600_000,
        random: () => 0.5,
        now: () => clock.now,
      });
      const worker = service.webhooks;
      const row = () =>
        service.storage.read.selectFrom('outbox_deliveries').selectAll().executeTakeFirst();
      const attempt = async () => {
        worker.wake();
        await worker.idle();
        return receiver.requests.length;
      };
      await product(api, 'A', PREORDER);
      await receiver.until(() => receiver.requests.length === 1, 'the first attempt');
      await worker.idle();
      assert.equal((await row()).attempts, 1);
      assert.equal((await row()).last_error, 'HTTP 500');
      assert.equal((await row()).next_attempt_at, new Date(clock.now + 30_000).toISOString());
      clock.now += 29_999;
      assert.equal(await attempt(), 1, 'not before half the base (the jitter given)');
      clock.now += 1;
      assert.equal(await attempt(), 2);
      assert.equal((await row()).next_attempt_at, new Date(clock.now + 60_000).toISOString());
      clock.now += 59_999;
      assert.equal(await attempt(), 2);
      answer = 200;
      clock.now += 1;
      assert.equal(await attempt(), 3);
      assert.equal(await row(), undefined, 'delivered: its row is gone');
      assert.deepEqual(
        receiver.requests.map((r) => r.status),
        [500, 500, 200],
      );
    });

    if (database.name === 'PostgreSQL')
      test('two instances on one database never send the same event at once', async () => {
        const db = await database.create();
        cleanups.push(() => db.drop());
        let inFlight = 0;
        let most = 0;
        const receiver = await startReceiver(SECRET, async () => {
          most = Math.max(most, ++inFlight);
          // Answer on a later turn, so the instances' deliveries overlap.
          await new Promise((resolve) => setImmediate(resolve));
          inFlight--;
          return 200;
        });
        cleanups.push(() => receiver.close());
        const one = await start(db, receiver, ['/hook']);
        cleanups.push(() => one.service.close());
        const two = await start(db, receiver, ['/hook']);
        cleanups.push(() => two.service.close());
        await product(one.api, 'A', PREORDER, PO);
        await product(two.api, 'B', PREORDER, PO);
        await Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            order(i % 2 ? one.api : two.api, `o-${i}`, [[i % 3 ? 'A' : 'B', 1]]),
          ),
        );
        await Promise.all([
          one.api('POST', '/admin/receipts', { sku: 'A', quantity: 10 }),
          two.api('POST', '/admin/receipts', { sku: 'B', quantity: 5 }),
        ]);
        const ids = await allAcked(one.service, receiver, '/hook');
        const counts = new Map();
        for (const r of receiver.requests) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
        const twice = [...counts].filter(([, n]) => n > 1);
        assert.deepEqual(twice, [], 'no event sent twice');
        assert.equal(counts.size, ids.length);
        assert.equal(orderViolation(receiver.acked), null);
        assert.ok(most > 1, `deliveries overlapped (at most ${most} at once)`);
      });
  });
}
