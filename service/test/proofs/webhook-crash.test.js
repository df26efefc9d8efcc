/**
 * Webhooks across a SIGKILL and a SIGTERM (issue 14, service.md s.1 and
 * s.4), on the command as an operator runs it, with a real receiver: killed
 * while deliveries are held open at the receiver, restarted on the same
 * folder or database, every event in the outbox arrives at least once,
 * signed, never out of order per order id (repeats allowed: at least once).
 * A SIGTERM while a delivery is held open waits for its answer, exits 0, and
 * that event is not sent again after the restart.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DATABASES, pgClient } from './databases.js';
import { client, expectStatus, putPreorderProduct, startService, uniqueId } from './harness.js';
import { orderViolation, startReceiver } from './webhook-receiver.js';

const SECRET = 'proof-webhook-secret';
const ORDERS = 8;
/** Requests answered before the receiver starts holding every one open. */
const ANSWERED_BEFORE_KILL = 6;

const webhookArgs = (receiver, timeoutMs) => [
  '--webhook-url',
  `${receiver.url}/hook`,
  '--webhook-secret',
  SECRET,
  '--webhook-timeout-ms',
  String(timeoutMs),
  '--webhook-retry-base-ms',
  '20',
  '--webhook-retry-max-ms',
  '200',
  '--webhook-poll-ms',
  '200',
  '--log-level',
  'error',
];

/** Rows of `statement` (no parameters), read behind the service's back. */
async function query(db, statement) {
  if (db.databaseUrl) {
    const pg = pgClient(db.databaseUrl);
    await pg.connect();
    try {
      return (await pg.query(statement)).rows;
    } finally {
      await pg.end();
    }
  }
  const sqlite = new Database(join(db.data, 'preorder.sqlite'), { readonly: true });
  try {
    return sqlite.prepare(statement).all();
  } finally {
    sqlite.close();
  }
}

const outboxIds = async (db) =>
  (await query(db, 'select id from outbox order by id')).map((r) => String(r.id));

async function allAcked(db, receiver) {
  const ids = await outboxIds(db);
  await receiver.until(
    () => ids.every((id) => receiver.ackedIds().has(id)),
    `all ${ids.length} events acked (${receiver.ackedIds().size} so far)`,
  );
  return ids;
}

for (const database of DATABASES) {
  describe(
    `webhooks: SIGKILL and SIGTERM (${database.name})`,
    { skip: await database.skip() },
    () => {
      let db;
      let service;
      let receiver;
      // Each test on a fresh database: a new receiver is a new target, which gets new events only.
      beforeEach(async () => {
        db = await database.create();
      });
      afterEach(async () => {
        await service?.stop();
        await receiver?.close();
        await db?.drop();
      });

      test(
        'killed mid-delivery: after the restart every event arrives',
        { timeout: 120_000 },
        async (t) => {
          let killed = false;
          let answered = 0;
          receiver = await startReceiver(SECRET, (request) => {
            if (killed || answered < ANSWERED_BEFORE_KILL) {
              answered++;
              return 200;
            }
            // Held open: the service is killed while waiting for this answer.
            return new Promise((resolve) => (request.release = resolve));
          });
          const args = webhookArgs(receiver, 1500);
          service = await startService(db, { args });
          const api = client(service.url);
          const skus = [uniqueId('hook-a'), uniqueId('hook-b')];
          const purchaseOrders = [];
          for (const sku of skus) {
            await putPreorderProduct(service.url, sku, 100);
            const po = { sku, quantity: 20, expectedDate: '2027-06-01' };
            purchaseOrders.push(expectStatus(await api.createPurchaseOrder(po), 201, 'po').body.id);
          }
          const orderIds = Array.from({ length: ORDERS }, () => uniqueId('o'));
          for (const [i, id] of orderIds.entries()) {
            const body = { id, customer: {}, lines: [{ sku: skus[i % 2], quantity: 1 + (i % 3) }] };
            expectStatus(await api.order(body), 201, `order ${id}`);
          }
          expectStatus(await api.receive({ sku: skus[0], quantity: 3 }), 201, 'receipt');
          const moved = { expectedDate: '2027-08-01' };
          expectStatus(await api.changePurchaseOrder(purchaseOrders[1], moved), 200, 'move');
          expectStatus(await api.cancelOrder(orderIds[0]), 200, 'cancel');

          await receiver.until(
            () => receiver.requests.some((r) => r.release && r.open),
            'a delivery held open at the receiver',
          );
          const inFlight = receiver.requests.filter((r) => r.release && r.open).map((r) => r.id);
          const exit = await service.kill();
          assert.equal(exit.signal, 'SIGKILL');
          killed = true;
          const ackedBeforeRestart = receiver.acked.length;

          service = await startService(db, { args });
          // Events written after the restart are delivered too.
          const late = { id: uniqueId('o'), customer: {}, lines: [{ sku: skus[1], quantity: 1 }] };
          expectStatus(await client(service.url).order(late), 201, 'order after restart');
          const ids = await allAcked(db, receiver);

          assert.deepEqual(
            receiver.requests.filter((r) => !r.valid).map((r) => r.id),
            [],
            'every signature verifies',
          );
          assert.equal(orderViolation(receiver.acked), null);
          const types = new Set(receiver.acked.map((r) => r.event.type));
          for (const type of [
            'order.accepted',
            'order.allocated',
            'order.cancelled',
            'availability.changed',
          ])
            assert.ok(types.has(type), `${type} among ${[...types]}`);
          const afterRestart = new Set(receiver.acked.slice(ackedBeforeRestart).map((r) => r.id));
          for (const id of inFlight)
            assert.ok(
              afterRestart.has(id),
              `${id}, cut off by the kill, arrived after the restart`,
            );
          const duplicates = receiver.acked.length - receiver.ackedIds().size;
          t.diagnostic(
            `${ids.length} events; ${inFlight.length} in flight at the kill; ${ackedBeforeRestart} acked before it; ${duplicates} acked twice`,
          );
        },
      );

      test(
        'SIGTERM waits for the delivery in flight, exits 0, and does not send it again',
        { timeout: 120_000 },
        async () => {
          let held;
          receiver = await startReceiver(SECRET, (request) => {
            if (held || request.event.type !== 'order.accepted') return 200;
            held = request;
            return new Promise((resolve) => (request.release = resolve));
          });
          const args = webhookArgs(receiver, 60_000);
          service = await startService(db, { args });
          const sku = uniqueId('term');
          await putPreorderProduct(service.url, sku, 10);
          const body = { id: uniqueId('o'), customer: {}, lines: [{ sku, quantity: 1 }] };
          expectStatus(await client(service.url).order(body), 201, 'order');
          await receiver.until(() => held !== undefined, 'order.accepted held at the receiver');

          service.child.kill('SIGTERM');
          // Shutting down: it no longer takes connections...
          for (;;) {
            const refused = await fetch(`${service.url}/healthz`).then(
              () => false,
              () => true,
            );
            if (refused) break;
          }
          // ...but it is still running: the delivery in flight is not cut off.
          assert.equal(
            service.child.exitCode,
            null,
            'still running while the delivery is in flight',
          );
          assert.equal(held.open, true);
          held.release(200);
          const exit = await service.exited;
          assert.deepEqual(exit, { code: 0, signal: null });
          assert.equal(held.status, 200);
          assert.deepEqual(
            await query(db, `select event_id from outbox_deliveries where event_id = ${held.id}`),
            [],
            'its delivery was recorded before the process exited',
          );

          service = await startService(db, { args });
          const next = { id: uniqueId('o'), customer: {}, lines: [{ sku, quantity: 1 }] };
          expectStatus(await client(service.url).order(next), 201, 'order after restart');
          await allAcked(db, receiver);
          assert.equal(
            receiver.requests.filter((r) => r.id === held.id).length,
            1,
            'the event delivered during the stop is not sent again',
          );
          assert.equal(orderViolation(receiver.acked), null);
        },
      );
    },
  );
}
