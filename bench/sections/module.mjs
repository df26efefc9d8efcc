// 8. The module build (dist/preorder-elements.module.js): the script bytes a page
// downloads and the depth of its request waterfall, against the classic bundle.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fmt, median, range } from '../format.mjs';
import { batched, gridCards, productPage, scriptTag } from '../fixtures.mjs';
import { renderProbe } from '../probes.mjs';
import { BUNDLE, CHECK, LATENCY } from '../options.mjs';

export const name = 'module';

const LOADER = 'dist/preorder-elements.module.js';
/**
 * Issue 15's bars: script before a collection page's first badge, and a
 * product page's in all. Neither is met (docs/size.md says why): until they
 * are, --check holds each page to a budget just over today's figure (a
 * ratchet, as the classic bundle's 20,900 B was) and reports the bar beside it.
 */
const COLLECTION = { bar: 14_000, budget: 23_150 };
const PRODUCT = { bar: 21_500, budget: 27_500 };
/** Round trips a product page's scripts may take: the loader, then one round of chunks. */
const ROUNDS_BAR = 2;
/**
 * A CDN's round trip and a modest link, emulated (CDP) on every request: the
 * round trip makes a waterfall visible, the bandwidth (files are served
 * uncompressed here) what a small chunk arriving first is worth.
 */
const RTT = 40;
const MBIT = 10;
const RUNS = CHECK ? 1 : 5;

const gzipOf = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const moduleTag = (endpoint, data = {}) =>
  scriptTag({ endpoint, data, defer: false, src: `/${LOADER}` }).replace(
    '<script ',
    '<script type="module" ',
  );

/** `<link rel=modulepreload>` for the loader, its data chunk and the three tags' chunks (README). */
function preloadHints() {
  const chunks = JSON.parse(readFileSync('dist/preorder-elements.module.json', 'utf8'));
  const files = new Set(['preorder-elements.module.js', ...Object.values(chunks).flat()]);
  return [...files].map((file) => `<link rel="modulepreload" href="/dist/${file}" />`).join('\n');
}

/** In the page: the scripts fetched by the first rendered widget, and at the end. */
function resourceProbe() {
  const scripts = () =>
    performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
  const bench = (window.__bench ??= {});
  document.addEventListener(
    'availability-change',
    () => {
      bench.firstScripts = scripts();
      bench.firstRender = performance.now();
    },
    { capture: true, once: true },
  );
  bench.scripts = scripts;
  bench.api = () =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/availability'))
      .map((e) => ({ start: e.startTime, end: e.responseEnd }));
}

/**
 * Rounds of the script waterfall: a script is one round after the latest
 * script that had ended before it started (the first script is round 1).
 */
function rounds(scripts) {
  const sorted = [...scripts].sort((a, b) => a.start - b.start);
  const depth = new Map();
  for (const s of sorted) {
    const before = sorted.filter((o) => o !== s && o.end <= s.start).map((o) => depth.get(o) ?? 1);
    depth.set(s, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}

const bytesOf = (scripts) => scripts.reduce((sum, s) => sum + gzipOf(s.path.slice(1)), 0);

/** One page load with the RTT emulated; what the probes saw. */
async function load(bench, url, widgets) {
  return bench.withPage({ probes: [renderProbe, resourceProbe] }, async (page, errors) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: RTT,
      downloadThroughput: (MBIT * 1e6) / 8,
      uploadThroughput: (MBIT * 1e6) / 8,
    });
    await page.goto(url);
    await page.evaluate((n) => window.__bench.allDone(n), widgets);
    const seen = await page.evaluate(() => ({
      first: window.__bench.firstScripts,
      firstRender: window.__bench.firstRender,
      all: window.__bench.scripts(),
      api: window.__bench.api(),
    }));
    return { ...seen, errors: errors.length };
  });
}

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, bar } = bench;
  const out = {
    collection: [],
    product: [],
    hinted: [],
    german: [],
    classic: gzipOf(BUNDLE),
    rtt: RTT,
    mbit: MBIT,
  };
  for (let r = 0; r < RUNS; r++) {
    const id = `module-grid-${r}`;
    const grid = server.registerPage('grid.html', id, {
      SCRIPT: moduleTag(batched(id, `&delay=${LATENCY}`)),
      CARDS: gridCards(48, 'mod'),
    });
    const g = await load(bench, grid, 48);
    out.collection.push({ bytes: bytesOf(g.first), files: g.first.length, errors: g.errors });
    const pid = `module-product-${r}`;
    const product = server.registerPage(
      'product.html',
      pid,
      productPage(moduleTag(batched(pid, `&delay=${LATENCY}`))),
    );
    const p = await load(bench, product, 50);
    const chunks = p.all.filter((s) => s.path !== `/${LOADER}`);
    const firstChunkEnd = Math.min(...chunks.map((s) => s.end));
    // The same page with the README's modulepreload hints: the chunks come with the loader.
    const hid = `module-hints-${r}`;
    const hinted = productPage(preloadHints() + moduleTag(batched(hid, `&delay=${LATENCY}`)));
    const h = await load(bench, server.registerPage('product.html', hid, hinted), 50);
    out.hinted.push({ rounds: rounds(h.all), bytes: bytesOf(h.all), errors: h.errors });
    // In German: the locale's strings come in the same round as the chunks, not after them.
    const did = `module-de-${r}`;
    const german = productPage(moduleTag(batched(did, `&delay=${LATENCY}`), { locale: 'de-DE' }));
    const d = await load(bench, server.registerPage('product.html', did, german), 50);
    out.german.push({ rounds: rounds(d.all), files: d.all.length, errors: d.errors });
    out.product.push({
      bytes: bytesOf(p.all),
      files: p.all.length,
      rounds: rounds(p.all),
      // Every chunk asked for before any of them arrived: one round, not a chain.
      oneRound: chunks.every((s) => s.start < firstChunkEnd),
      // How long before the last chunk arrived the availability request left (> 0: in parallel).
      // The data layer's chunk: the loader's first import, which the request waits for.
      apiAfterData: p.api[0].start - p.all.find((s) => s.path.includes('.module.data-')).end,
      apiLead: Math.max(...chunks.map((s) => s.end)) - p.api[0].start,
      errors: p.errors,
    });
  }
  const c = out.collection;
  const p = out.product;
  const bytes = (samples, { bar: goal, budget }, what) =>
    bar(
      `module build, ${what}: <= ${fmt(budget)} B gzip of script (budget; bar ${fmt(goal)} B)`,
      samples.every((x) => x.bytes <= budget && !x.errors),
      `${[...new Set(samples.map((x) => fmt(x.bytes)))].join('/')} B in ${samples[0].files} files, bar ${fmt(goal)} B ${samples.every((x) => x.bytes <= goal) ? 'met' : 'not met'} (classic: ${fmt(out.classic)} B)`,
    );
  bytes(c, COLLECTION, 'collection page of 48 badges, before the first badge renders');
  bytes(p, PRODUCT, 'product page (button, date, 48 badges), in all');
  bar(
    `module build, product page: script waterfall <= ${ROUNDS_BAR} rounds (the loader, then every chunk at once)`,
    p.every((x) => x.rounds <= ROUNDS_BAR && x.oneRound) &&
      out.german.every((x) => x.rounds <= ROUNDS_BAR && !x.errors),
    `${[...new Set(p.map((x) => x.rounds))].join('/')} rounds at ${RTT} ms RTT; every chunk requested before any arrived: ${p.every((x) => x.oneRound)}; in German (data-locale="de-DE", its strings' file too) ${[...new Set(out.german.map((x) => x.rounds))].join('/')} rounds; availability asked ${fmt(median(p.map((x) => x.apiLead)))} ms before the last chunk arrived`,
  );
  return out;
}

/** Its part of docs/benchmarks.md. */
export function describe(p, { module: m }) {
  const c = m.collection;
  const q = m.product;
  p(
    '## 8. The module build: script bytes per page and round trips',
    '',
    '`<script type="module" src="/dist/preorder-elements.module.js" data-endpoint=...>` on the',
    'collection page (48 badges) and the product page (button, date, 48 related badges), every',
    `request over an emulated ${m.rtt} ms round trip and ${m.mbit} Mbit/s (CDP), the endpoint ${LATENCY} ms. Bytes: gzip -9`,
    'of each script file the page fetched (resource timing), summed; for the collection page, those',
    'fetched by the first `availability-change`. Rounds: a script is one round after the latest one',
    `that had ended before it started. ${c.length} run(s); the classic bundle is ${fmt(m.classic)} B for any page.`,
    '',
    '| page | script (B gzip) | files | bar (ratchet) | rounds | ratio to classic |',
    '|---|---:|---:|---:|---:|---:|',
    `| collection, 48 badges, by the first render | ${fmt(median(c.map((x) => x.bytes)))} | ${c[0].files} | ${fmt(COLLECTION.bar)} (budget ${fmt(COLLECTION.budget)}) | | ${fmt(median(c.map((x) => x.bytes)) / m.classic, 2)} |`,
    `| product (button, date, badges), in all | ${fmt(median(q.map((x) => x.bytes)))} | ${q[0].files} | ${fmt(PRODUCT.bar)} (budget ${fmt(PRODUCT.budget)}) | ${[...new Set(q.map((x) => x.rounds))].join('/')} (bar ${ROUNDS_BAR}) | ${fmt(median(q.map((x) => x.bytes)) / m.classic, 2)} |`,
    '',
    `In German (\`data-locale="de-DE"\`) the loader asks for the locale's strings with the chunks: ${[...new Set(m.german.map((x) => x.rounds))].join('/')} rounds, ${m.german[0].files} files.`,
    `With the README's \`modulepreload\` hints the product page's scripts take ${[...new Set(m.hinted.map((x) => x.rounds))].join('/')} round(s) (${fmt(median(m.hinted.map((x) => x.bytes)))} B).`,
    `On the product page the availability request left ${fmt(median(q.map((x) => x.apiAfterData)))} ms (${range(q.map((x) => x.apiAfterData))}) after the data chunk`,
    `arrived, ${fmt(median(q.map((x) => x.apiLead)))} ms (${range(q.map((x) => x.apiLead))}) before the last chunk did (negative: after): it waits for the`,
    'data layer, fetched in the same round as the element code, not for the element code. Files are',
    'served uncompressed here, so the emulated bandwidth is shared by larger files than a CDN sends.',
    '',
  );
}

/** Its line in the findings. */
export function findings(out, { module: m }) {
  out.push(
    `- **Module build:** a collection page of 48 badges downloads ${fmt(median(m.collection.map((x) => x.bytes)))} B gzip of script before its first badge renders, a product page ${fmt(median(m.product.map((x) => x.bytes)))} B in all in ${[...new Set(m.product.map((x) => x.rounds))].join('/')} rounds (the classic bundle: ${fmt(m.classic)} B).`,
  );
}
