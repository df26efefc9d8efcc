/**
 * The kept /availability answers end with the write that makes them old: on
 * PostgreSQL across instances (A takes the order, B's answer changes: the
 * commit's NOTIFY reaches B's listener), on SQLite within the one instance
 * that owns the folder. A write made behind the service's back (no NOTIFY)
 * first shows that B's answer really is kept, so the change after the order
 * is the invalidation at work, not a read of the database.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { DATABASES, pgClient } from './proofs/databases.js';
import { order, product, startTestService } from './harness.js';

/** Longest wait for B to see A's commit: a bound for a broken listener, not a pause. */
const LIMIT_MS = 5000;

/** Resolves with `check()`'s first truthy value; fails after LIMIT_MS. */
async function waitFor(what, check) {
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`not within ${LIMIT_MS} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An UPDATE outside the service: no NOTIFY, no bump. */
async function behindTheBack(db, statement, sku) {
  if (db.databaseUrl) {
    const client = pgClient(db.databaseUrl);
    await client.connect();
    try {
      await client.query(statement.replace('?', '$1'), [sku]);
    } finally {
      await client.end();
    }
    return;
  }
  const file = new SqliteDatabase(join(db.data, 'preorder.sqlite'));
  try {
    file.prepare(statement).run(sku);
  } finally {
    file.close();
  }
}

for (const database of DATABASES) {
  const shared = database.name === 'PostgreSQL';
  describe(
    `kept answers end with a write (${database.name})`,
    { skip: await database.skip() },
    () => {
      let db;
      let a;
      let b;
      before(async () => {
        db = await database.create();
        const options = { data: db.data ?? '', databaseUrl: db.databaseUrl };
        a = await startTestService(options);
        // PostgreSQL: a second instance with its own pool and listener; SQLite: the one owner.
        b = shared ? await startTestService(options) : a;
      });
      after(async () => {
        if (b !== a) await b?.service.close();
        await a?.service.close();
        await db?.drop();
      });

      test(
        shared
          ? 'an order through instance A changes the answer instance B kept'
          : 'an order changes the answer the instance kept',
        async () => {
          const sku = 'KEPT-1';
          await product(a.api, sku, { releaseDate: '2027-03-01', cap: 10 }, [
            { quantity: 10, expectedDate: '2027-03-01' },
          ]);
          const paths = [`/availability/${sku}`, `/availability?skus=${sku}`];
          const read = (path, headers = {}) =>
            b.api('GET', path, undefined, { token: null, headers });
          // B computes and keeps both answers (once its listener has seen A's commits).
          const kept = [];
          for (const path of paths)
            kept.push(
              await waitFor(`B reads ${path} with the purchase order`, async () => {
                const answer = await read(path);
                const rec = Array.isArray(answer.body) ? answer.body[0] : answer.body;
                return rec?.incoming?.length === 1 && answer;
              }),
            );
          const moved = "update purchase_orders set expected_date = '2027-03-08' where sku = ?";
          await behindTheBack(db, moved, sku);
          for (const [i, path] of paths.entries()) {
            const again = await read(path);
            assert.deepEqual(again.body, kept[i].body, `${path}: kept, not read again`);
            assert.equal(again.headers.get('etag'), kept[i].headers.get('etag'));
            const conditional = await read(path, { 'if-none-match': kept[i].headers.get('etag') });
            assert.equal(conditional.status, 304);
          }

          assert.equal((await order(a.api, 'KEPT-o1', [[sku, 2]])).status, 201);
          for (const [i, path] of paths.entries()) {
            const etag = kept[i].headers.get('etag');
            const changed = await waitFor(`B's ${path} after A's order`, async () => {
              const answer = await read(path, { 'if-none-match': etag });
              return answer.status === 200 && answer;
            });
            const rec = Array.isArray(changed.body) ? changed.body[0] : changed.body;
            assert.deepEqual(
              [rec.reserved, rec.incoming],
              [2, [{ quantity: 10, date: '2027-03-08' }]],
            );
            assert.notEqual(changed.headers.get('etag'), etag);
          }
        },
      );
    },
  );
}
