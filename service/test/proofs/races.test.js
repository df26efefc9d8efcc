/**
 * The cap under concurrency (service.md s.3), over HTTP: on SQLite one
 * process, on PostgreSQL two service processes sharing one database with
 * the requests split across them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES } from './databases.js';
import { client, expectStatus, startService, uniqueId } from './harness.js';

const count = (answers, status) => answers.filter((a) => a.status === status).length;

for (const database of DATABASES) {
  const processes = database.name === 'PostgreSQL' ? 2 : 1;
  describe(
    `races (${database.name}, ${processes} process${processes > 1 ? 'es' : ''})`,
    { skip: await database.skip() },
    () => {
      let db;
      const services = [];
      /** The i-th request's service: alternating when there are two. */
      const api = (i = 0) => client(services[i % services.length].url);
      before(async () => {
        db = await database.create();
        // Started one after the other: both run the migrations on start.
        for (let i = 0; i < processes; i++) services.push(await startService(db));
      });
      after(async () => {
        await Promise.all(services.map((s) => s.stop()));
        await db?.drop();
      });

      async function preorderProduct(cap) {
        const sku = uniqueId('race');
        expectStatus(
          await api().putProduct(sku, { status: 'preorder', onHand: 0, cap, allowPreorder: true }),
          [200, 201],
          'PUT product',
        );
        return sku;
      }

      test(
        '200 concurrent orders for the last 10 units accept exactly 10',
        { timeout: 120_000 },
        async () => {
          const sku = await preorderProduct(30);
          expectStatus(
            await api().order({
              id: uniqueId('first'),
              customer: {},
              lines: [{ sku, quantity: 20 }],
            }),
            201,
            'first 20',
          );
          const answers = await Promise.all(
            Array.from({ length: 200 }, (_, i) =>
              api(i).order({ id: uniqueId('last'), customer: {}, lines: [{ sku, quantity: 1 }] }),
            ),
          );
          assert.equal(count(answers, 201), 10, `accepted: ${count(answers, 201)}`);
          assert.equal(
            count(answers, 409),
            190,
            `refused: ${answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.text)}`,
          );
          assert.ok(
            answers
              .filter((a) => a.status === 409)
              .every((a) => a.body.error === 'cap_reached' || a.body.error === 'sold_out'),
          );
          const record = expectStatus(await api().record(sku), 200, 'record').body;
          assert.equal(record.reserved, 30);
          assert.equal(record.cap - record.reserved, 0);
          const queue = expectStatus(await api().queue(sku), 200, 'queue').body;
          assert.equal(
            queue.reduce((sum, line) => sum + line.quantity, 0),
            30,
          );
        },
      );

      test(
        'the same order id sent 10 times at once reserves once',
        { timeout: 60_000 },
        async () => {
          const sku = await preorderProduct(100);
          const order = { id: uniqueId('same'), customer: {}, lines: [{ sku, quantity: 3 }] };
          const answers = await Promise.all(
            Array.from({ length: 10 }, (_, i) => api(i).order(order)),
          );
          assert.equal(count(answers, 201), 1, answers.map((a) => a.status).join(','));
          assert.equal(count(answers, 200), 9);
          const first = answers.find((a) => a.status === 201).body;
          for (const again of answers)
            assert.deepEqual(again.body, first, 'every answer is the first one');
          assert.equal(expectStatus(await api().record(sku), 200, 'record').body.reserved, 3);
        },
      );

      test(
        'several lines of one SKU in one order add up against the cap',
        { timeout: 60_000 },
        async () => {
          const sku = await preorderProduct(5);
          const over = await api().order({
            id: uniqueId('lines'),
            customer: {},
            lines: [
              { sku, quantity: 3 },
              { sku, quantity: 3 },
            ],
          });
          assert.equal(over.status, 409, over.text);
          assert.equal(over.body.error, 'cap_reached');
          assert.equal(over.body.available, 5);
          const answers = await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              api(i).order({
                id: uniqueId('pair'),
                customer: {},
                lines: [
                  { sku, quantity: 1 },
                  { sku, quantity: 1 },
                ],
              }),
            ),
          );
          assert.equal(count(answers, 201), 2, 'two orders of 2 fit in 5; a third would need 6');
          assert.equal(expectStatus(await api().record(sku), 200, 'record').body.reserved, 4);
        },
      );

      test(
        'the same receipt Idempotency-Key sent concurrently applies once',
        { timeout: 60_000 },
        async () => {
          const sku = await preorderProduct(100);
          for (const n of [1, 2])
            expectStatus(
              await api().order({
                id: uniqueId(`q${n}`),
                customer: {},
                lines: [{ sku, quantity: 4 }],
              }),
              201,
              'queued',
            );
          const key = uniqueId('key');
          const answers = await Promise.all(
            Array.from({ length: 10 }, (_, i) => api(i).receive({ sku, quantity: 5 }, key)),
          );
          assert.equal(
            count(answers, 201),
            1,
            answers.map((a) => `${a.status} ${a.text}`).join('\n'),
          );
          assert.equal(count(answers, 200), 9);
          const first = answers.find((a) => a.status === 201).body;
          for (const again of answers) assert.deepEqual(again.body, first);
          assert.equal(
            first.allocated.reduce((sum, a) => sum + a.quantity, 0),
            5,
          );
          const product = expectStatus(await api().product(sku), 200, 'product').body;
          assert.equal(product.onHand, 0);
          assert.equal(product.queue.filledUnits, 5, 'five units released once');
          assert.equal(product.queue.waitingUnits, 3);
        },
      );
    },
  );
}
