/**
 * Live pages (service.md s.2 `GET /events`), over real HTTP against real
 * service processes: on SQLite one process, on PostgreSQL two sharing the
 * database, a page listening on B while the change goes through A. Every
 * wait is for the event itself, bounded; none is a sleep.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES } from './databases.js';
import { client, expectStatus, putPreorderProduct, startService, uniqueId } from './harness.js';

/** Within a second of the change (service.md), with room for a loaded CI machine. */
const WITHIN_MS = 5_000;

/** An SSE stream read with fetch: `next(predicate)` resolves with the first matching event. */
async function listen(base, query, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/events?${query}`, { headers, signal: controller.signal });
  const events = [];
  const comments = [];
  let waiters = [];
  let buffer = '';
  const decoder = new TextDecoder();
  const settle = () => {
    waiters = waiters.filter((waiter) => {
      const found = events.find((event, i) => i >= waiter.from && waiter.predicate(event));
      if (found) waiter.resolve(found);
      return !found;
    });
  };
  void (async () => {
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            const at = line.indexOf(': ');
            if (at > 0) event[line.slice(0, at)] = line.slice(at + 2);
          }
          if (event.data) events.push({ ...event, record: JSON.parse(event.data) });
        }
        settle();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    response,
    events,
    comments,
    /** The first event from index `from` on that `predicate` accepts. */
    next(predicate, from = 0) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no such event within ${WITHIN_MS} ms: ${JSON.stringify(events)}`)),
          WITHIN_MS,
        );
        waiters.push({
          predicate,
          from,
          resolve: (event) => {
            clearTimeout(timer);
            resolve(event);
          },
        });
        settle();
      });
    },
    close: () => controller.abort(),
  };
}

for (const database of DATABASES) {
  const processes = database.name === 'PostgreSQL' ? 2 : 1;
  describe(`live events (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    const services = [];
    const writer = () => client(services[0].url);
    const reader = () => services[services.length - 1].url;
    before(async () => {
      db = await database.create();
      for (let i = 0; i < processes; i++) services.push(await startService(db));
    });
    after(async () => {
      await Promise.all(services.map((s) => s.stop()));
      await db?.drop();
    });

    test('an order pushes the SKU’s new record to a page listening on another instance', async () => {
      const sku = uniqueId('live');
      const other = uniqueId('other');
      await putPreorderProduct(services[0].url, sku, 10);
      await putPreorderProduct(services[0].url, other, 10);
      const stream = await listen(reader(), `skus=${encodeURIComponent(sku)}`);
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('content-type'), /^text\/event-stream/);
      assert.equal(stream.response.headers.get('access-control-allow-origin'), '*');
      try {
        const placed = await writer().order({
          id: uniqueId('o'),
          customer: {},
          lines: [
            { sku, quantity: 3 },
            { sku: other, quantity: 1 },
          ],
        });
        expectStatus(placed, 201, 'order');
        const event = await stream.next((e) => e.record.reserved === 3);
        assert.equal(event.event, 'availability');
        assert.match(event.id, /^\d+$/);
        assert.deepEqual(event.record, (await writer().record(sku)).body);
        // Only the SKU asked for: the other line's record never arrives here.
        assert.ok(stream.events.every((e) => e.record.sku === sku));
      } finally {
        stream.close();
      }
    });

    test('Last-Event-ID resumes: what changed while away arrives on reconnect, newest only', async () => {
      const sku = uniqueId('resume');
      await putPreorderProduct(services[0].url, sku, 10);
      const first = await listen(reader(), `skus=${encodeURIComponent(sku)}`);
      const order = (quantity) =>
        writer().order({ id: uniqueId('o'), customer: {}, lines: [{ sku, quantity }] });
      expectStatus(await order(1), 201, 'order 1');
      const seen = await first.next((e) => e.record.reserved === 1);
      first.close();
      // Away: two changes.
      expectStatus(await order(2), 201, 'order 2');
      expectStatus(await order(4), 201, 'order 3');
      const again = await listen(reader(), `skus=${encodeURIComponent(sku)}`, {
        'last-event-id': seen.id,
      });
      try {
        const caught = await again.next((e) => e.record.reserved === 7);
        assert.ok(Number(caught.id) > Number(seen.id));
        // The record is state: the newest one stands for both changes.
        assert.equal(again.events.filter((e) => e.record.sku === sku).length, 1);
      } finally {
        again.close();
      }
    });

    test('a page that starts listening gets the record as it is, then what changes, nothing older', async () => {
      const sku = uniqueId('fresh');
      await putPreorderProduct(services[0].url, sku, 10);
      const order = (quantity) =>
        writer().order({ id: uniqueId('o'), customer: {}, lines: [{ sku, quantity }] });
      // Before anyone listens: history, which only Last-Event-ID asks for.
      expectStatus(await order(1), 201, 'order 1');
      expectStatus(await order(2), 201, 'order 2');
      const stream = await listen(reader(), `skus=${encodeURIComponent(sku)}`);
      try {
        expectStatus(await order(4), 201, 'order 3');
        await stream.next((e) => e.record.reserved === 7);
        // The record as it was when the page connected (no id), then the change: nothing older.
        assert.deepEqual(
          stream.events.map((e) => [e.id, e.record.reserved]),
          [
            [undefined, 3],
            [stream.events[1].id, 7],
          ],
          'no record from before the page listened',
        );
      } finally {
        stream.close();
      }
    });

    test('a SKU list with an encoded comma is one SKU; no list is a 400 naming the field', async () => {
      const sku = uniqueId('rug') + ',160';
      await putPreorderProduct(services[0].url, sku, 5);
      const stream = await listen(reader(), `skus=${encodeURIComponent(sku)}`);
      try {
        expectStatus(
          await writer().order({ id: uniqueId('o'), customer: {}, lines: [{ sku, quantity: 2 }] }),
          201,
          'order',
        );
        const event = await stream.next((e) => e.record.reserved === 2);
        assert.equal(event.record.sku, sku);
      } finally {
        stream.close();
      }
      const missing = await fetch(`${reader()}/events`);
      assert.equal(missing.status, 400);
      const body = await missing.json();
      assert.match(body.message, /skus/);
    });
  });
}
