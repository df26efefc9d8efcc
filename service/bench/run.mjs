/**
 * npm run bench:service: the service's benchmark on this machine, on SQLite
 * and PostgreSQL, each figure the median of BENCH_RUNS runs (default 3), and
 * the cache's worth as same-run ratios. Writes docs/service-benchmarks.md
 * (BENCH_NO_WRITE=1 prints only). Needs service/dist (cd service && npx tsc).
 * A reduced run for development: BENCH_PARTS=reads,orders,receipt (a subset)
 * and BENCH_DATABASES=SQLite,PostgreSQL; a reduced run never writes the docs.
 * BENCH_PARTS=sse (1,000 open `GET /events` streams, sse-report.mjs) writes
 * only its own section of the docs; the other parts' run keeps that section.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATABASES } from '../test/proofs/databases.js';
import { SERVICE_DIR, startService } from '../test/proofs/harness.js';
import {
  CONNECTIONS,
  DURATION_S,
  benchOrders,
  benchReads,
  benchReceipt,
  seedCatalog,
} from './load.mjs';
import { existingSseSection, measureSse, sseSection, withSseSection } from './sse-report.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const list = (value) => (value ? value.split(',').map((x) => x.trim()) : undefined);
const PARTS = list(process.env.BENCH_PARTS) ?? ['reads', 'orders', 'receipt'];
const ONLY_DATABASES = list(process.env.BENCH_DATABASES);
const FULL = ['reads', 'orders', 'receipt'].every((p) => PARTS.includes(p)) && !ONLY_DATABASES;
const DOC = join(SERVICE_DIR, '..', 'docs', 'service-benchmarks.md');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const log = (...parts) => console.error(new Date().toISOString().slice(11, 19), ...parts);

async function measure(database) {
  const db = await database.create();
  const out = { name: database.name, cached: [], conditional: [], uncached: [], ratios: [] };
  try {
    let service = await startService(db);
    const skus = await seedCatalog(service.url);
    const uncachedService = async () => {
      await service.stop();
      service = await startService(db, { args: ['--record-cache', '0'] });
    };
    // Each run: cached, conditional, then uncached reads, so their ratio compares the same minutes.
    for (let i = 0; PARTS.includes('reads') && i < RUNS; i++) {
      if (i > 0) {
        await service.stop();
        service = await startService(db);
      }
      const cached = await benchReads(service.url, skus);
      const conditional = await benchReads(service.url, skus, { conditional: true });
      await uncachedService();
      const uncached = await benchReads(service.url, skus);
      out.cached.push(cached);
      out.conditional.push(conditional);
      out.uncached.push(uncached);
      out.ratios.push(cached.rps / uncached.rps);
      log(
        database.name,
        `run ${i + 1}: cached ${cached.rps.toFixed(0)}/s p99 ${cached.p99} ms; 304 ${conditional.rps.toFixed(0)}/s; uncached ${uncached.rps.toFixed(0)}/s`,
      );
    }
    await service.stop();
    service = await startService(db);
    if (PARTS.includes('orders')) {
      out.orders = [];
      for (let i = 0; i < RUNS; i++) out.orders.push(await benchOrders(service.url));
      out.capped = await benchOrders(service.url, 2_000);
      log(
        database.name,
        'orders/s',
        out.orders.map((o) => o.ordersPerSecond.toFixed(0)).join(', '),
      );
    }
    await service.stop();
  } finally {
    await db.drop();
  }
  if (PARTS.includes('receipt')) out.receipts = await measureReceipts(database);
  return out;
}

/** The receipt, RUNS times, each on a fresh database and service (a receipt changes the queue). */
async function measureReceipts(database) {
  const receipts = [];
  for (let i = 0; i < RUNS; i++) {
    const db = await database.create();
    try {
      const service = await startService(db);
      try {
        receipts.push(await benchReceipt(service.url, service.child.pid));
      } finally {
        await service.stop();
      }
    } finally {
      await db.drop();
    }
    log(database.name, `receipt run ${i + 1}:`, JSON.stringify(receipts.at(-1)));
  }
  const med = (part, key) => median(receipts.map((r) => r[part][key]));
  log(
    database.name,
    `receipt medians: kept ${med('kept', 'ms').toFixed(0)} ms, moved ${med('moved', 'ms').toFixed(0)} ms`,
  );
  return receipts;
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function report(results) {
  const rows = [];
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  for (const r of results) {
    const med = (list, key) => median(list.map((x) => x[key]));
    const cachedRps = med(r.cached, 'rps');
    const cachedP99 = med(r.cached, 'p99');
    rows.push(`### ${r.name}`, '');
    rows.push(
      '| measurement | requests/s (median) | p99 ms (median) | runs (requests/s) |',
      '|---|---|---|---|',
    );
    for (const [label, list] of [
      ['48-SKU read, record cache on', r.cached],
      ['48-SKU read with If-None-Match (304)', r.conditional],
      ['48-SKU read, no cache (--record-cache 0)', r.uncached],
    ])
      rows.push(
        `| ${label} | ${fmt(med(list, 'rps'))} | ${fmt(med(list, 'p99'))} | ${list.map((x) => fmt(x.rps)).join(', ')} |`,
      );
    rows.push('');
    rows.push(
      `Cache's worth, same-run ratios (cached / uncached requests/s): ${r.ratios.map((x) => fmt(x, 2)).join(', ')} (median ${fmt(median(r.ratios), 2)}).`,
    );
    rows.push(
      `Statuses of the last runs: cached ${JSON.stringify(r.cached.at(-1).statuses)}, conditional ${JSON.stringify(r.conditional.at(-1).statuses)}; errors ${r.cached.at(-1).errors + r.conditional.at(-1).errors}.`,
    );
    const orders = r.orders;
    rows.push(
      `Orders: ${fmt(median(orders.map((o) => o.ordersPerSecond)))} accepted orders/s (median; runs ${orders.map((o) => fmt(o.ordersPerSecond)).join(', ')}), p99 ${fmt(median(orders.map((o) => o.p99)))} ms; reserved minus 201 answers (requests in flight at the stop, at most ${CONNECTIONS}): ${orders.map((o) => o.inFlightAtStop).join(', ')}. Against a cap of ${fmt(r.capped.cap)} reached under the same load: ${fmt(r.capped.accepted)} answered 201, reserved ${fmt(r.capped.reserved)}, oversold units ${r.capped.oversold}, statuses ${JSON.stringify(r.capped.statuses)}.`,
    );
    const receipts = r.receipts;
    const rmed = (part, key) => median(receipts.map((x) => x[part][key]));
    const runs = (part) => receipts.map((x) => fmt(x[part].ms)).join(', ');
    const kept = { ms: rmed('kept', 'ms'), peakMiB: rmed('kept', 'peakMiB') };
    const moved = { ms: rmed('moved', 'ms'), peakMiB: rmed('moved', 'peakMiB') };
    rows.push(
      `Receipt over 100,000 queued lines (medians of ${receipts.length} runs, each on a fresh database, seeded over HTTP in ${receipts.map((x) => fmt(x.seedSeconds, 1)).join(', ')} s): 1,000 units against the first purchase order (promises kept) ${fmt(kept.ms)} ms (runs ${runs('kept')}), peak RSS ${fmt(kept.peakMiB)} MiB; 15,000 units against the last one (most promises move) ${fmt(moved.ms)} ms (runs ${runs('moved')}), peak RSS ${fmt(moved.peakMiB)} MiB; ${fmt(receipts.at(-1).waitingLines)} lines still waiting.`,
    );
    if (r.name === 'SQLite')
      rows.push(
        '',
        `Goals: 48-SKU reads >= 5,000 req/s with p99 <= 20 ms on SQLite: ${verdict(cachedRps >= 5000 && cachedP99 <= 20)} (${fmt(cachedRps)} req/s, p99 ${fmt(cachedP99)} ms).`,
      );
    rows.push(
      `Goal: a receipt over 100,000 queued lines <= 2 s: ${verdict(kept.ms <= 2000 && moved.ms <= 2000)} on ${r.name} (${fmt(kept.ms)} ms and ${fmt(moved.ms)} ms).`,
      '',
    );
  }
  return [
    '# Service benchmarks',
    '',
    `Measured by \`npm run bench:service\` (service/bench/run.mjs) on this 2-core machine, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}. The service runs as users run it (\`node service/dist/cli.js serve\`), on SQLite in a temporary folder and on a fresh PostgreSQL 15 database; load from autocannon in the same machine (so it shares the 2 cores), ${CONNECTIONS} connections, ${DURATION_S} s per measurement, ${RUNS} runs, medians reported.`,
    '',
    'Method: 48 preorder products, each with a purchase order and a queued order. Reads ask `GET /availability?skus=` for all 48. "No cache" restarts the service with `--record-cache 0` (every record computed from the database on every read). Orders: 1-unit `POST /orders` with a fresh id each, the admin token, one SKU, first under a cap never reached (throughput), then under a cap of 2,000 that the load reaches (oversell: exactly 2,000 accepted and reserved). Receipt: one SKU with 10 purchase orders of 10,000 units and 100,000 one-unit queued lines, seeded over HTTP as 1,000 orders of 100 lines (8 in parallel), on a fresh database and service each run; time is the `POST /admin/receipts` round trip; peak memory is the service process\'s VmHWM, reset (/proc/PID/clear_refs) just before each receipt.',
    '',
    "Read path: `GET /availability` keeps each answer (body and ETag) per URL and sends it, 200 or 304, without the database (and without validating its query again) until a write transaction ends on this instance (bumped after its commit) or, on PostgreSQL, on another instance sharing the database (every commit sends `NOTIFY preorder_changes`; each instance listens). Between another instance's commit and the notification's arrival (about a millisecond) an instance may still send the answer kept before it; while its listener is not connected it keeps nothing (every read reads the products). SQLite has no such window: its folder belongs to one process. The public read routes log warnings and errors only.",
    "Receipts: the queue's work is decided in memory in queue order, then written set-based (allocations, promise updates, history and outbox rows: 5,000 rows a statement, one JSON parameter each) in the receipt's one transaction; one engine decision per distinct ship day, not per line.",
    '',
    ...rows,
  ].join('\n');
}

const results = [];
for (const database of DATABASES) {
  if (ONLY_DATABASES && !ONLY_DATABASES.includes(database.name)) continue;
  const skip = await database.skip();
  if (skip) {
    log(database.name, skip);
    continue;
  }
  const out = FULL || PARTS.some((p) => p !== 'sse') ? await measure(database) : {};
  if (PARTS.includes('sse')) out.sse = await measureSse(database, RUNS, log);
  results.push({ ...out, name: database.name });
}
const sse = PARTS.includes('sse') && !ONLY_DATABASES ? sseSection(results, RUNS) : undefined;
if (!FULL && !sse) process.exit(0);
const doc = await readFile(DOC, 'utf8').catch(() => '');
const text = FULL
  ? withSseSection(report(results), sse ?? existingSseSection(doc))
  : withSseSection(doc, sse);
console.log(FULL ? text : sse);
if (process.env.BENCH_NO_WRITE !== '1') await writeFile(DOC, `${text.trimEnd()}\n`);
