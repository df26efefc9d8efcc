/**
 * The record agrees with the service (service.md s.3), on each database:
 * after every random step, what the engine derives from GET /availability
 * (`cap - reserved`, with stock and the per-order limit: its maxQuantity) is
 * exactly what POST /orders accepts (that many: 201; one more: 409 with that
 * `available`), and the engine's date for q units is the promise an order of
 * q receives. Each accepted probe is cancelled and the record must be as it
 * was. Replay a failure with FC_SEED=<seed> (and FC_PATH=<path>).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { decide, remainingCapacity } from 'preorder-elements/engine';
import { DATABASES } from './databases.js';
import { client, expectStatus, startService, uniqueId } from './harness.js';
import { SHOPIFY_SECRET, perform, runArb } from './model-steps.js';

const NUM_RUNS = Number(process.env.PROOF_RUNS ?? 12);
const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Units tried when the record says "no limit": any finite order must be taken. */
const UNLIMITED_PROBE = 40;
const ZONE = 'UTC';

const promiseOf = (ship) => {
  if (ship.kind === 'day') return { date: ship.day };
  if (ship.kind === 'window') return { earliest: ship.earliest, latest: ship.latest };
  return null;
};
const precisionOf = (ship) => ship.precision ?? 'day';

/** The lines POST /orders must answer for q units, by the engine's decision on the record. */
function expectedLines(decision, sku, today) {
  const inStock = (quantity) => ({
    sku,
    quantity,
    kind: 'in_stock',
    promise: { date: today },
    precision: 'day',
  });
  if (decision.orderKind === 'in_stock') return [inStock(decision.quantity)];
  if (decision.orderKind === 'mixed') {
    const { now, later, ship } = decision.split;
    return [
      inStock(now),
      {
        sku,
        quantity: later,
        kind: 'backorder',
        promise: promiseOf(ship),
        precision: precisionOf(ship),
      },
    ];
  }
  return [
    {
      sku,
      quantity: decision.quantity,
      kind: decision.orderKind,
      promise: promiseOf(decision.ship),
      precision: precisionOf(decision.ship),
    },
  ];
}

async function readRecord(api, sku) {
  return expectStatus(await api.record(sku), 200, `GET /availability/${sku}`).body;
}

/** Orders q units now, checks the answer against the engine, cancels it, and checks the record is back. */
async function probeAccepted(api, sku, record, q, context) {
  const now = Date.now();
  const decision = decide(record, { quantity: q, now, timeZone: ZONE });
  assert.ok(decision.orderable, `${context}: the engine takes ${q} on ${JSON.stringify(record)}`);
  const today = new Date(now).toISOString().slice(0, 10);
  const id = uniqueId('probe');
  const answer = await api.order({ id, customer: {}, lines: [{ sku, quantity: q }] });
  assert.equal(
    answer.status,
    201,
    `${context}: an order of ${q} (the record's room) is accepted; got ${answer.text}`,
  );
  const got = answer.body.lines.map(({ sku: s, quantity, kind, promise, precision }) => ({
    sku: s,
    quantity,
    kind,
    promise,
    precision,
  }));
  assert.deepEqual(
    got,
    expectedLines(decision, sku, today),
    `${context}: the promise of ${q} is the engine's (record ${JSON.stringify(record)})`,
  );
  expectStatus(await api.cancelOrder(id), 200, `${context}: cancel probe`);
  assert.deepEqual(
    await readRecord(api, sku),
    record,
    `${context}: cancelling the probe gives the record back`,
  );
}

/** Everything the record says about what POST /orders takes, tried for real. */
async function checkAgreement(api, sku, probeSeed, context) {
  const record = await readRecord(api, sku);
  const one = decide(record, { quantity: 1, now: Date.now(), timeZone: ZONE });
  // The most one order takes now: 0 when nothing is orderable, null when nothing limits it.
  const limit = one.orderKind === null ? 0 : one.maxQuantity;
  const room = remainingCapacity(record);
  if (one.orderKind !== null && !record.onHand && record.maxPerOrder === undefined)
    assert.equal(limit, room, `${context}: with no stock the limit is cap - reserved`);
  const tries =
    limit === null
      ? [UNLIMITED_PROBE, 1 + (probeSeed % UNLIMITED_PROBE)]
      : limit > 0
        ? [limit, 1 + (probeSeed % limit)]
        : [];
  for (const q of new Set(tries)) await probeAccepted(api, sku, record, q, context);
  if (limit === null) return;
  const over = await api.order({
    id: uniqueId('over'),
    customer: {},
    lines: [{ sku, quantity: limit + 1 }],
  });
  assert.equal(
    over.status,
    409,
    `${context}: ${limit + 1} units (one over the record's room) are refused; got ${over.text}`,
  );
  assert.ok(
    ['cap_reached', 'sold_out', 'limit'].includes(over.body.error),
    `${context}: refusal code ${over.text}`,
  );
  assert.equal(over.body.sku, sku, `${context}: the refusal names the SKU`);
  assert.equal(
    over.body.available,
    limit,
    `${context}: the refusal's available is the record's room`,
  );
  assert.deepEqual(
    await readRecord(api, sku),
    record,
    `${context}: a refused order changes nothing`,
  );
}

for (const database of DATABASES) {
  describe(
    `model: the record agrees with POST /orders (${database.name})`,
    { skip: await database.skip() },
    () => {
      let db;
      let service;
      before(async () => {
        db = await database.create();
        service = await startService(db, { args: ['--shopify-secret', SHOPIFY_SECRET] });
      });
      after(async () => {
        await service?.stop();
        await db?.drop();
      });

      test(
        `random sequences (${NUM_RUNS} runs, seed ${SEED})`,
        {
          timeout: 600_000,
        },
        async (t) => {
          t.diagnostic(`fast-check seed ${SEED}: replay with FC_SEED=${SEED}`);
          const api = client(service.url);
          const property = fc.asyncProperty(runArb, async ({ products, steps }) => {
            const run = uniqueId('model');
            const skus = [`${run}-A`, `${run}-B`];
            const made = { purchaseOrders: [], orders: [] };
            const newId = (kind) =>
              `${run}-${kind}-${made.purchaseOrders.length}-${made.orders.length}-${uniqueId('n')}`;
            for (const [index, settings] of products.entries())
              expectStatus(
                await api.putProduct(skus[index], settings),
                [200, 201],
                `PUT product ${JSON.stringify(settings)}`,
              );
            for (const sku of skus) await checkAgreement(api, sku, 0, `${sku} after creation`);
            for (const [index, { step, probeSeed }] of steps.entries()) {
              await perform(api, skus, step, made, newId);
              for (const sku of skus)
                await checkAgreement(
                  api,
                  sku,
                  probeSeed,
                  `${sku} after step ${index + 1} ${step.type}`,
                );
            }
          });
          await fc.assert(property, {
            numRuns: NUM_RUNS,
            seed: SEED,
            includeErrorInReport: true,
            ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
          });
        },
      );
    },
  );
}
