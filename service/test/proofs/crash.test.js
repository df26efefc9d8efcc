/**
 * SIGKILL at random moments (service.md s.3): a stream of orders and keyed
 * receipts against a process that is really killed (child.kill('SIGKILL'))
 * after a random number of answers, restarted on the same folder or database
 * several times. Requests cut off by a kill are sent again after the restart
 * with the same order id or Idempotency-Key, so every one is settled; then
 * every order answered 201 is there, units are conserved (no receipt applied
 * twice, nothing allocated twice), no line holds more than it asked for, and
 * the cap holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES } from './databases.js';
import { client, expectStatus, putPreorderProduct, startService, uniqueId } from './harness.js';

const KILLS = 4;
const IN_FLIGHT = 6;
const CAP = 60;
const SKUS = 2;

for (const database of DATABASES) {
  describe(`crash: SIGKILL and restart (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let service;
    before(async () => {
      db = await database.create();
    });
    after(async () => {
      await service?.stop();
      await db?.drop();
    });

    test(
      `${KILLS} kills during a stream of orders and receipts`,
      { timeout: 300_000 },
      async (t) => {
        service = await startService(db);
        const skus = Array.from({ length: SKUS }, () => uniqueId('crash'));
        for (const sku of skus) await putPreorderProduct(service.url, sku, CAP);
        const orders = new Map(); // id -> { body, answer (201 body) | null }
        const receipts = new Map(); // key -> { body, settled }
        const random = (n) => Math.floor(Math.random() * n);
        const makeOrder = () => ({
          id: uniqueId('o'),
          customer: {},
          lines: [
            { sku: skus[random(SKUS)], quantity: 1 + random(3) },
            { sku: skus[random(SKUS)], quantity: 1 },
          ],
        });
        const makeReceipt = () => ({ sku: skus[random(SKUS)], quantity: 1 + random(4) });

        /** Sends one request; false when the connection died under it (the kill). */
        async function send(api, kind, key) {
          try {
            if (kind === 'order') {
              const entry = orders.get(key);
              const answer = await api.order(entry.body);
              expectStatus(answer, [200, 201, 409], `order ${key}`);
              if (answer.status === 201) entry.answer = answer.body;
              entry.settled = true;
            } else {
              const entry = receipts.get(key);
              expectStatus(await api.receive(entry.body, key), [200, 201], `receipt ${key}`);
              entry.settled = true;
            }
            return true;
          } catch (error) {
            if (error instanceof TypeError) return false; // fetch failed: the process is gone
            throw error;
          }
        }

        for (let round = 0; round <= KILLS; round++) {
          const api = client(service.url);
          // What the last kill cut off, sent again with the same id or key.
          for (const [id, entry] of orders)
            if (!entry.settled) assert.ok(await send(api, 'order', id), 'resend order');
          for (const [key, entry] of receipts)
            if (!entry.settled) assert.ok(await send(api, 'receipt', key), 'resend receipt');
          if (round === KILLS) break;
          const killAfter = 10 + random(60);
          let answered = 0;
          let killed = false;
          const worker = async () => {
            while (!killed) {
              const isOrder = Math.random() < 0.7;
              const key = isOrder ? makeOrder().id : uniqueId('r');
              if (isOrder)
                orders.set(key, {
                  body: { ...makeOrder(), id: key },
                  answer: null,
                  settled: false,
                });
              else receipts.set(key, { body: makeReceipt(), settled: false });
              if (!(await send(api, isOrder ? 'order' : 'receipt', key))) return;
              if (++answered === killAfter && !killed) {
                killed = true;
                await service.kill();
              }
            }
          };
          await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
          t.diagnostic(`round ${round + 1}: killed after ${answered} answers`);
          service = await startService(db);
        }

        const api = client(service.url);
        const accepted = [...orders.values()].filter((o) => o.answer);
        const received = new Map(skus.map((sku) => [sku, 0]));
        for (const r of receipts.values())
          received.set(r.body.sku, received.get(r.body.sku) + r.body.quantity);
        const allocated = new Map(skus.map((sku) => [sku, 0]));
        const queued = new Map(skus.map((sku) => [sku, 0]));
        for (const { body } of orders.values()) {
          const got = await api.getOrder(body.id);
          if (got.status === 404) continue; // refused (409): never recorded
          expectStatus(got, 200, `GET /orders/${body.id}`);
          for (const line of got.body.lines) {
            assert.ok(
              line.allocated <= line.quantity,
              `line ${body.id}/${line.line} holds ${line.allocated} of ${line.quantity}`,
            );
            allocated.set(line.sku, allocated.get(line.sku) + line.allocated);
            queued.set(line.sku, queued.get(line.sku) + line.quantity);
          }
        }
        for (const { answer } of accepted) {
          const got = expectStatus(
            await api.getOrder(answer.id),
            200,
            `answered 201, so ${answer.id} is there`,
          );
          assert.equal(got.body.status, 'open');
        }
        for (const sku of skus) {
          const product = expectStatus(await api.product(sku), 200, 'product').body;
          assert.ok(
            allocated.get(sku) <= received.get(sku),
            `${sku}: ${allocated.get(sku)} allocated of ${received.get(sku)} received`,
          );
          assert.equal(
            allocated.get(sku) + product.onHand,
            received.get(sku),
            `${sku}: every received unit allocated once or on hand (each receipt applied once)`,
          );
          assert.equal(
            product.queue.acceptedUnits,
            queued.get(sku),
            `${sku}: the counters match the lines`,
          );
          assert.ok(
            product.queue.acceptedUnits <= CAP,
            `${sku}: ${product.queue.acceptedUnits} accepted, cap ${CAP}`,
          );
        }
        t.diagnostic(
          `${accepted.length} orders accepted, ${receipts.size} receipts, ${orders.size} orders sent`,
        );
      },
    );
  });
}
