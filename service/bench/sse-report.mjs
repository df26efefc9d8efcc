/**
 * The `sse` part of the service benchmark: benchSse RUNS times per database,
 * each on a fresh database and service, and its section of
 * docs/service-benchmarks.md (between markers, so the other parts' run keeps
 * it and this part's run replaces only it).
 */
import { startService } from '../test/proofs/harness.js';
import { PAGE_CHANGES, PAGE_SKUS, SPREAD_SKUS, SSE_CONNECTIONS, benchSse } from './sse.mjs';

const BEGIN = '<!-- sse: written by BENCH_PARTS=sse node service/bench/run.mjs -->';
const END = '<!-- /sse -->';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** RUNS runs on `database`, each a fresh database and service, dropped after. */
export async function measureSse(database, runs, log) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const db = await database.create();
    try {
      const service = await startService(db);
      try {
        results.push(await benchSse(service.url, service.child.pid));
      } finally {
        await service.stop();
      }
    } finally {
      await db.drop();
    }
    const r = results.at(-1);
    log(
      database.name,
      `sse run ${i + 1}: page median ${fmt(r.page.median, 1)} p99 ${fmt(r.page.p99, 1)} max ${fmt(r.page.max, 1)} ms;`,
      `spread median ${fmt(r.spread.median, 1)} p99 ${fmt(r.spread.p99, 1)} ms;`,
      `${fmt(r.memory.pageKiB, 1)} KiB/stream;`,
      `CPU/change service ${fmt(r.page.serviceCpuMs, 1)} + client ${fmt(r.page.clientCpuMs, 1)} ms (page), ${fmt(r.spread.serviceCpuMs, 1)} + ${fmt(r.spread.clientCpuMs, 1)} ms (spread);`,
      JSON.stringify({ missing: [r.page.missing, r.spread.missing], memory: r.memory }),
    );
  }
  return results;
}

function table(name, runs) {
  const med = (pick) => median(runs.map(pick));
  const each = (pick, digits = 1) => runs.map((r) => fmt(pick(r), digits)).join(', ');
  const row = (label, pick, digits = 1) =>
    `| ${label} | ${fmt(med(pick), digits)} | ${each(pick, digits)} |`;
  const variant = (key, title) => [
    row(`${title}: change to event, median ms`, (r) => r[key].median),
    row(`${title}: change to event, p99 ms`, (r) => r[key].p99),
    row(`${title}: change to event, max ms`, (r) => r[key].max),
    row(`${title}: first stream's event, median over changes, ms`, (r) => r[key].firstMedian),
    row(
      `${title}: first to last stream's event, median over changes, ms`,
      (r) => r[key].fanOutMedian,
    ),
    row(`${title}: admin PATCH round trip, median ms`, (r) => r[key].adminMedian),
    row(`${title}: CPU per change, service, ms`, (r) => r[key].serviceCpuMs),
    row(`${title}: CPU per change, client, ms`, (r) => r[key].clientCpuMs),
    row(`${title}: opening the ${fmt(SSE_CONNECTIONS)} streams, s`, (r) => r[key].openMs / 1000, 2),
  ];
  const m = (r) => r.memory;
  return [
    `### ${name}`,
    '',
    '| measurement | median | runs |',
    '|---|---|---|',
    ...variant('page', `page (${PAGE_SKUS} SKUs each)`),
    ...variant('spread', `spread (${SPREAD_SKUS} SKUs)`),
    row('VmRSS, no stream open, MiB', (r) => m(r).rss0),
    row(`VmRSS, ${fmt(SSE_CONNECTIONS)} page streams open, MiB`, (r) => m(r).rssPage),
    row(`memory per stream (page), KiB`, (r) => m(r).pageKiB),
    row('VmRSS after closing them, MiB', (r) => m(r).rssClosed),
    row(`VmRSS, ${fmt(SSE_CONNECTIONS)} spread streams open, MiB`, (r) => m(r).rssSpread),
    row(`open file descriptors, ${fmt(SSE_CONNECTIONS)} page streams open`, (r) => m(r).fdsOpen, 0),
    '',
    `Pairs timed per run: page ${runs.map((r) => fmt(r.page.pairs)).join(', ')}, spread ${runs.map((r) => fmt(r.spread.pairs)).join(', ')}; events missing (not arrived within 30 s): ${runs.map((r) => r.page.missing + r.spread.missing).join(', ')}; streams the service closed: ${runs.map((r) => r.page.dropped + r.spread.dropped).join(', ')}; events for a SKU not asked for: ${runs.map((r) => r.foreign).join(', ')}; descriptors with no stream open: ${runs.map((r) => m(r).fds0).join(', ')}.`,
    '',
  ];
}

/** The section's text, between its markers; `preamble` lines go after the heading. */
export function sseSection(results, runs, preamble = []) {
  return [
    BEGIN,
    '',
    `## Live pages: ${fmt(SSE_CONNECTIONS)} open \`GET /events\` streams`,
    '',
    `Measured by \`BENCH_PARTS=sse node service/bench/run.mjs\` (service/bench/sse.mjs) on this 2-core machine, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${runs} runs per database, each on a fresh database and service (\`node service/dist/cli.js serve\`, defaults: 15 s heartbeat, 1 MiB per-stream bound), medians reported with every run.`,
    '',
    `Method: a product page of ${PAGE_SKUS} SKUs and ${SPREAD_SKUS} other SKUs, each with a purchase order. This process (the client) opens ${fmt(SSE_CONNECTIONS)} streams over node:http, ${50} at a time, each its own socket, and parses them as EventSource does; a stream counts as open when its \`retry:\` line arrived (the route subscribes in the same tick as it writes that line; one stream opened and served an event first, so the feed has started). "Page": every stream asks for the page's ${PAGE_SKUS} SKUs; one warm-up change reaches all, then ${PAGE_CHANGES} changes, one at a time, each \`PATCH /admin/purchase-orders/{id}\` of one of them (a new quantity), are each timed from just before the request until every stream has the event carrying that quantity: ${fmt(SSE_CONNECTIONS)} (change, stream) pairs each. "Spread": the page streams closed, ${fmt(SSE_CONNECTIONS)} streams of 1 SKU each over ${SPREAD_SKUS} SKUs (${SSE_CONNECTIONS / SPREAD_SKUS} per SKU); each SKU changed once, ${fmt(SSE_CONNECTIONS)} pairs in all. One clock (performance.now in the client) for the request and the arrivals; an arrival is stamped when its chunk's data callback runs, so it includes the client's own work on the chunks read before it in the same turn (the client shares the 2 cores). Memory: the service's VmRSS (/proc/PID/status; the service has no heap metrics hook), once it holds still (8 samples 250 ms apart within 0.5 MiB), with only the one first stream open, then with the ${fmt(SSE_CONNECTIONS)} page streams open; the difference divided by ${fmt(SSE_CONNECTIONS)} is the memory per stream (kernel socket buffers are not in it). The spread's VmRSS comes after the page's streams closed, so it reuses what they freed.`,
    ...preamble,
    '',
    ...results.flatMap((r) => table(r.name, r.sse)),
    END,
  ].join('\n');
}

/** `doc` with its SSE section replaced by `section` (appended when it has none). */
export function withSseSection(doc, section) {
  if (!section) return doc;
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) return `${doc.trimEnd()}\n\n${section}\n`;
  return `${doc.slice(0, begin)}${section}${doc.slice(end + END.length)}`;
}

/** The SSE section `doc` has, or '' (so a run of the other parts keeps it). */
export function existingSseSection(doc) {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  return begin < 0 || end < begin ? '' : doc.slice(begin, end + END.length);
}
