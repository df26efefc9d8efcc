/**
 * The live feed under load: 1,000 `GET /events` streams open on one service,
 * read by this process, which also sends the admin changes, so one monotonic
 * clock times each change from its request to every subscriber's event.
 * Two spreads: every stream on one product page's 6 SKUs (each change
 * reaches all 1,000), and streams spread over 100 SKUs of 1 each (a change
 * reaches 10). And the service's memory per open stream (VmRSS, settled).
 */
import { readFile, readdir } from 'node:fs/promises';
import { client, expectStatus, uniqueId } from '../test/proofs/harness.js';
import { openStream } from './sse-stream.mjs';

export const SSE_CONNECTIONS = Number(process.env.BENCH_SSE_CONNECTIONS ?? 1000);
export const PAGE_SKUS = 6;
export const SPREAD_SKUS = 100;
/** Changes timed on the page (each to one of its SKUs in turn); the spread changes each SKU once. */
export const PAGE_CHANGES = 20;
const OPEN_PARALLEL = 50;
/** Longest wait for a condition (every subscriber's event, a settle): a bound, not a pause. */
const LIMIT_MS = 30_000;

const rssMiB = async (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
/** CPU time (user + system) of `pid` so far, ms; /proc counts in clock ticks of 10 ms. */
const cpuMs = async (pid) => {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Runs `changes` in turn; answers their results and the CPU per change of the service and this client. */
async function timedCpu(pid, changes) {
  const [service, own] = [await cpuMs(pid), ownCpuMs()];
  const results = [];
  for (const change of changes) results.push(await change());
  return {
    results,
    serviceCpuMs: ((await cpuMs(pid)) - service) / changes.length,
    clientCpuMs: (ownCpuMs() - own) / changes.length,
  };
}
const openFds = async (pid) => (await readdir(`/proc/${pid}/fd`)).length;
const tick = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** VmRSS once it holds still: 8 samples 250 ms apart within 0.5 MiB (GC and freeing done). */
async function settledRss(pid) {
  const samples = [];
  const end = performance.now() + LIMIT_MS;
  for (;;) {
    samples.push(await rssMiB(pid));
    const last = samples.slice(-8);
    if (last.length === 8 && Math.max(...last) - Math.min(...last) <= 0.5) return last.at(-1);
    if (performance.now() > end) return last.at(-1);
    await tick(250);
  }
}

/** Waits until `check()` holds, polling; false when the bound passed. */
async function until(check, limit = LIMIT_MS) {
  const end = performance.now() + limit;
  while (!(await check())) {
    if (performance.now() > end) return false;
    await tick(20);
  }
  return true;
}

/** A product with one purchase order per SKU; answers each SKU's purchase-order id. */
async function seedSkus(api, prefix, count) {
  const skus = Array.from({ length: count }, (_, i) => uniqueId(`${prefix}${i}`));
  const orders = new Map();
  let next = 0;
  const seeder = async () => {
    while (next < skus.length) {
      const sku = skus[next++];
      const product = { status: 'preorder', onHand: 0, cap: null, allowPreorder: true };
      expectStatus(await api.putProduct(sku, product), [200, 201], 'product');
      const po = { sku, quantity: 100, expectedDate: '2027-04-01' };
      orders.set(sku, expectStatus(await api.createPurchaseOrder(po), 201, 'PO').body.id);
    }
  };
  await Promise.all(Array.from({ length: 8 }, seeder));
  return { skus, orders };
}

/**
 * The subscribers and the change being timed: each stream records, once per
 * change, the time its event arrived (the record with the new quantity).
 */
class Audience {
  streams = [];
  /** { n, sku, quantity, sentAt, expected, latencies, done } */
  change;
  foreign = 0;

  async open(url, skuLists) {
    const start = performance.now();
    let next = 0;
    const opener = async () => {
      while (next < skuLists.length) {
        const skus = skuLists[next++];
        const subscriber = { skus: new Set(skus), seen: -1 };
        const path = `/events?skus=${skus.map(encodeURIComponent).join(',')}`;
        subscriber.stream = await openStream(url, path, (event) => this.#event(subscriber, event));
        this.streams.push(subscriber);
      }
    };
    await Promise.all(Array.from({ length: OPEN_PARALLEL }, opener));
    return performance.now() - start;
  }

  #event(subscriber, event) {
    if (event.type !== 'availability') return;
    const record = JSON.parse(event.data);
    if (!subscriber.skus.has(record.sku)) this.foreign++;
    const change = this.change;
    if (!change || subscriber.seen === change.n || record.sku !== change.sku) return;
    if (!record.incoming.some((lot) => lot.quantity === change.quantity)) return;
    subscriber.seen = change.n;
    change.latencies.push(event.at - change.sentAt);
    if (change.latencies.length === change.expected) change.done();
  }

  /** One change, timed until every subscriber of its SKU has it (or the bound passed). */
  async time(api, n, sku, purchaseOrderId) {
    const expected = this.streams.filter((s) => s.skus.has(sku)).length;
    let done;
    const all = new Promise((resolve) => (done = resolve));
    const quantity = 1000 + n;
    const change = { n, sku, quantity, expected, latencies: [], done };
    this.change = change;
    change.sentAt = performance.now();
    const answer = await api.changePurchaseOrder(purchaseOrderId, { quantity });
    const adminMs = performance.now() - change.sentAt;
    expectStatus(answer, 200, 'PO change');
    const limit = new Promise((resolve) => setTimeout(resolve, LIMIT_MS).unref());
    await Promise.race([all, limit]);
    this.change = undefined;
    return { latencies: change.latencies, missing: expected - change.latencies.length, adminMs };
  }

  closedByServer() {
    return this.streams.filter((s) => s.stream.closedByServer).length;
  }

  close() {
    for (const s of this.streams) s.stream.close();
    this.streams = [];
  }
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** Median, p99 and max of every (change, subscriber) latency, with the counts behind them. */
function summary({ results, serviceCpuMs, clientCpuMs }) {
  const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const admin = results.map((r) => r.adminMs).sort((a, b) => a - b);
  const timed = results.filter((r) => r.latencies.length);
  const first = timed.map((r) => Math.min(...r.latencies)).sort((a, b) => a - b);
  const last = timed.map((r) => Math.max(...r.latencies));
  const fanOut = timed.map((r, i) => last[i] - Math.min(...r.latencies)).sort((a, b) => a - b);
  return {
    changes: results.length,
    pairs: all.length,
    missing: results.reduce((sum, r) => sum + r.missing, 0),
    median: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    max: all.at(-1),
    adminMedian: percentile(admin, 0.5),
    /** Median over changes of the first subscriber's latency, and of last minus first. */
    firstMedian: percentile(first, 0.5),
    fanOutMedian: percentile(fanOut, 0.5),
    serviceCpuMs,
    clientCpuMs,
  };
}

/** One run on a fresh service: the page, then the spread, and memory with and without streams. */
export async function benchSse(url, pid) {
  const api = client(url);
  const page = await seedSkus(api, 'page', PAGE_SKUS);
  const spread = await seedSkus(api, 'spread', SPREAD_SKUS);
  const sentinelSku = await seedSkus(api, 'sentinel', 1);
  // One stream open throughout, its first event seen: the feed has started (its cursor read), so
  // every later stream is subscribed by the time its `retry:` line arrives.
  const sentinel = new Audience();
  await sentinel.open(url, [sentinelSku.skus]);
  const [sku] = sentinelSku.skus;
  const warm = await sentinel.time(api, 0, sku, sentinelSku.orders.get(sku));
  if (warm.missing) throw new Error('sentinel stream got no event');

  const fds0 = await openFds(pid);
  const rss0 = await settledRss(pid);
  const audience = new Audience();
  const pageLists = Array.from({ length: SSE_CONNECTIONS }, () => page.skus);
  const openPageMs = await audience.open(url, pageLists);
  const warmUp = await audience.time(api, 1, page.skus[0], page.orders.get(page.skus[0]));
  if (warmUp.missing) throw new Error(`${warmUp.missing} page streams got no warm-up event`);
  const fdsOpen = await openFds(pid);
  const rssPage = await settledRss(pid);
  const pageRun = await timedCpu(
    pid,
    Array.from({ length: PAGE_CHANGES }, (_, i) => () => {
      const target = page.skus[i % PAGE_SKUS];
      return audience.time(api, 2 + i, target, page.orders.get(target));
    }),
  );
  const pageDropped = audience.closedByServer();
  const pageForeign = audience.foreign;
  audience.close();
  const closedAll = await until(async () => (await openFds(pid)) <= fds0);
  const rssClosed = await settledRss(pid);

  const spreadAudience = new Audience();
  const spreadLists = Array.from({ length: SSE_CONNECTIONS }, (_, i) => [
    spread.skus[i % SPREAD_SKUS],
  ]);
  const openSpreadMs = await spreadAudience.open(url, spreadLists);
  const rssSpread = await settledRss(pid);
  const spreadRun = await timedCpu(
    pid,
    spread.skus.map(
      (target, i) => () => spreadAudience.time(api, 100 + i, target, spread.orders.get(target)),
    ),
  );
  const spreadDropped = spreadAudience.closedByServer();
  const spreadForeign = spreadAudience.foreign;
  spreadAudience.close();
  sentinel.close();
  await until(async () => (await openFds(pid)) < fds0);

  return {
    page: { ...summary(pageRun), openMs: openPageMs, dropped: pageDropped },
    spread: { ...summary(spreadRun), openMs: openSpreadMs, dropped: spreadDropped },
    foreign: pageForeign + spreadForeign,
    memory: {
      rss0,
      rssPage,
      rssSpread,
      rssClosed,
      fds0,
      fdsOpen,
      closedAll,
      pageKiB: ((rssPage - rss0) * 1024) / SSE_CONNECTIONS,
      spreadKiB: ((rssSpread - rssClosed) * 1024) / SSE_CONNECTIONS,
    },
  };
}
