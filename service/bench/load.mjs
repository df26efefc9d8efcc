/**
 * The benchmark's measurements, each on a running service: autocannon reads
 * of 48 SKUs (plain, with If-None-Match, and the caller decides whether the
 * service's record cache is on), orders/s with the oversell check, and one
 * receipt over a 100,000-line queue with the process's peak memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { TOKEN, client, expectStatus, request, uniqueId } from '../test/proofs/harness.js';

export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

const run = (options) => autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
const figures = (result) => ({
  rps: result.requests.average,
  p99: result.latency.p99,
  statuses: Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  ),
  errors: result.errors + result.timeouts,
});

/** 48 products with purchase orders and a queue: what a collection page asks for. */
export async function seedCatalog(url) {
  const api = client(url);
  const skus = Array.from({ length: 48 }, (_, i) => uniqueId(`cat${i}`));
  await Promise.all(
    skus.map(async (sku, i) => {
      expectStatus(
        await api.putProduct(sku, {
          status: 'preorder',
          onHand: 0,
          cap: 500,
          allowPreorder: true,
          releaseDate: '2027-03-01',
        }),
        [200, 201],
        'product',
      );
      expectStatus(
        await api.createPurchaseOrder({ sku, quantity: 100 + i, expectedDate: '2027-04-01' }),
        201,
        'PO',
      );
      expectStatus(
        await api.order({
          id: uniqueId('o'),
          customer: {},
          lines: [{ sku, quantity: 1 + (i % 5) }],
        }),
        201,
        'order',
      );
    }),
  );
  return skus;
}

/** GET /availability of the 48 SKUs; with `conditional` every request sends the current ETag (304s). */
export async function benchReads(url, skus, { conditional = false } = {}) {
  const path = `/availability?skus=${skus.map(encodeURIComponent).join(',')}`;
  const headers = {};
  if (conditional)
    headers['if-none-match'] = (await request(url, 'GET', path, { token: null })).headers.get(
      'etag',
    );
  return figures(await run({ url: url + path, headers }));
}

/**
 * POST /orders of 1 unit each with a fresh id, the admin token, one SKU.
 * Throughput: a cap never reached; the record's reserved may exceed the
 * 201 count only by requests still in flight when autocannon stopped (at most
 * one per connection). Oversell: the same load against a cap of 2,000 that
 * it reaches: exactly 2,000 accepted and reserved, never one more.
 */
export async function benchOrders(url, cap = 1_000_000) {
  const api = client(url);
  const sku = uniqueId('orders');
  expectStatus(
    await api.putProduct(sku, {
      status: 'preorder',
      onHand: 0,
      cap,
      allowPreorder: true,
      releaseDate: '2027-03-01',
    }),
    [200, 201],
    'product',
  );
  let n = 0;
  const result = await run({
    url,
    requests: [
      {
        method: 'POST',
        path: '/orders',
        headers: auth,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            id: `${sku}-${n++}`,
            customer: {},
            lines: [{ sku, quantity: 1 }],
          }),
        }),
      },
    ],
  });
  const out = figures(result);
  const accepted = out.statuses['201'] ?? 0;
  const record = expectStatus(await api.record(sku), 200, 'record').body;
  return {
    ...out,
    cap,
    ordersPerSecond: accepted / DURATION_S,
    accepted,
    reserved: record.reserved,
    oversold: Math.max(0, record.reserved - cap),
    inFlightAtStop: record.reserved - accepted,
  };
}

/** Peak resident memory of `pid` since the last reset (Linux /proc), in MiB. */
async function peakMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}
const resetPeak = (pid) => writeFile(`/proc/${pid}/clear_refs`, '5');

/**
 * 100,000 queued lines seeded over HTTP (1,000 orders of 100 one-unit lines,
 * 8 in parallel) behind 10 purchase orders of 10,000 units, then two receipts
 * timed: 1,000 units against the first purchase order (every promise
 * recomputed, none moves), and 15,000 against the last (most promises move).
 */
export async function benchReceipt(url, pid) {
  const api = client(url);
  const sku = uniqueId('queue');
  expectStatus(
    await api.putProduct(sku, {
      status: 'preorder',
      onHand: 0,
      cap: null,
      allowPreorder: true,
      releaseDate: '2027-01-15',
    }),
    [200, 201],
    'product',
  );
  const pos = [];
  for (let i = 0; i < 10; i++)
    pos.push(
      expectStatus(
        await api.createPurchaseOrder({
          sku,
          quantity: 10_000,
          expectedDate: `2027-${String(i + 2).padStart(2, '0')}-01`,
        }),
        201,
        'PO',
      ).body.id,
    );
  const seedStart = performance.now();
  let next = 0;
  const seeder = async () => {
    while (next < 1000) {
      const i = next++;
      const lines = Array.from({ length: 100 }, () => ({ sku, quantity: 1 }));
      expectStatus(await api.order({ id: `${sku}-${i}`, customer: {}, lines }), 201, 'seed order');
    }
  };
  await Promise.all(Array.from({ length: 8 }, seeder));
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const receipt = async (quantity, purchaseOrderId) => {
    await resetPeak(pid);
    const start = performance.now();
    const answer = expectStatus(
      await api.receive({ sku, quantity, purchaseOrderId }, uniqueId('key')),
      201,
      'receipt',
    );
    const ms = performance.now() - start;
    return { ms, peakMiB: await peakMiB(pid), allocatedLines: answer.body.allocated.length };
  };
  const kept = await receipt(1_000, pos[0]);
  const moved = await receipt(15_000, pos[9]);
  const queue = expectStatus(await api.product(sku), 200, 'product').body.queue;
  return { seedSeconds, kept, moved, waitingLines: queue.waitingLines };
}
