#!/usr/bin/env node
// `npm run bench`: reproducible figures for the built script-tag bundle in
// real headless Chromium, against fixture pages (bench/pages/) and a local
// availability endpoint of configurable latency (bench/server.mjs).
//
//   npm run bench                      full run; writes docs/benchmarks.md
//   npm run bench -- --check           CI: fewer timing runs, prints the report,
//                                      exits 1 when a hard bar is missed
//   npm run bench -- --lighthouse      also Lighthouse (see below), off by default
//   npm run bench -- --only cls,memory sections: size, network, scripting, profile
//                                      (full run only), cls, repeat, memory;
//                                      printed only (--out FILE writes a report)
//   npm run bench -- --out FILE        write the report there (with --check too)
//   npm run bench -- --json FILE       also every raw sample, as JSON
//
// Hard bars (--check): batched requests = ceil(SKUs / 50) for 1, 24, 48 and 200
// widgets, never two requests for one SKU, 0 requests on a repeat view within
// cacheTtl, CLS 0.000 with the endpoint fast, 3 s slow and failing (the
// README's deferred script tag, arriving after the first paint; desktop and
// mobile), zero leaked timers. Timings are reported, never failed. Size is
// checked by scripts/size.mjs.
//
// Lighthouse: not a dependency. Install it apart, `npm i --prefix /tmp/lh
// lighthouse@12.2.3` (12.x runs on node 20), or point LIGHTHOUSE_CLI at its cli/index.js.
// Needs `npm run build` first.
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { layoutProbe, leakProbe, renderProbe } from './probes.mjs';
import { startServer } from './server.mjs';
import { analyzeTrace, TRACE_CATEGORIES } from './trace.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const run = promisify(execFile);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

const CHECK = flag('--check');
const LIGHTHOUSE = flag('--lighthouse');
const SECTIONS = option('--only')?.split(',') ?? [
  'size',
  'network',
  'scripting',
  ...(CHECK ? [] : ['profile']),
  'cls',
  'repeat',
  'memory',
];
// Only a full run rewrites the committed report; a partial one (--only) goes to --out if given.
const OUT = option('--out') ?? (CHECK || option('--only') ? null : 'docs/benchmarks.md');
const RUNS = {
  network: Number(option('--network-runs') ?? (CHECK ? 1 : 7)),
  scripting: Number(option('--scripting-runs') ?? (CHECK ? 5 : 15)),
  profile: Number(option('--profile-runs') ?? 5),
  lighthouse: Number(option('--lighthouse-runs') ?? 3),
};
const LATENCY = 150;
const SLOW = 3000;
const BATCH = 50;
const BUNDLE = 'dist/preorder-elements.js';
const CHROME = CHROME_PATH;
const CHROME_ARGS = CHROMIUM_ARGS;

if (!existsSync(BUNDLE)) {
  console.error(`${BUNDLE} is missing: run \`npm run build\` first.`);
  process.exit(2);
}

// ---------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';
const range = (xs, digits = 0) =>
  xs.length > 1 ? `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}` : '';
const esc = (s) => String(s).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const verdicts = [];
/** A hard bar: fails --check when missed. */
const bar = (name, ok, detail) => {
  verdicts.push({ name, ok, detail });
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${name}: ${detail}`);
};

const scriptTag = ({ endpoint, data = {}, delay = 0, defer = true, src = `/${BUNDLE}` }) => {
  const attrs = Object.entries({ endpoint, ...data })
    .map(([k, v]) => ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${esc(v)}"`)
    .join('');
  return `<script src="${src}${delay ? `?delay=${delay}` : ''}"${attrs}${defer ? ' defer' : ''}></script>`;
};
const batched = (run, q = '') => `/api/availability?skus={skus}&run=${run}${q}`;
const single = (run, q = '') => `/api/availability/{sku}?run=${run}${q}`;

/** SKU states by index: a realistic mix on product pages, all pre-orders in the grids. */
const mixedSku = (prefix, i) => `${['pre', 'back', 'out', 'in'][i % 4]}-${prefix}-${i}`;

const gridCards = (n, prefix) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<div class="card"><div class="thumb"></div><h2>Product ${i}</h2>` +
      `<availability-badge sku="pre-${prefix}-${i}"></availability-badge><p>€${19 + (i % 50)}.00</p></div>`,
  ).join('\n');

const relatedCards = (n, widgets = true) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<article class="card"><div class="thumb"></div><h3>Lamp ${i + 1}</h3>` +
      (widgets ? `<availability-badge sku="${mixedSku('rel', i)}"></availability-badge>` : '') +
      `<p>€${49 + ((i * 7) % 90)}.00</p><p>Ships from Lisbon</p></article>`,
  ).join('\n');

const PRODUCT_SKU = 'pre-lamp-brass';
const mainWidgets = (sku = PRODUCT_SKU) =>
  `<order-button sku="${sku}"></order-button>\n<expected-date sku="${sku}"></expected-date>`;

// -------------------------------------------------------------- machine

const firstMatch = (re, text) => re.exec(text)?.[1]?.trim();
let nproc;
try {
  nproc = execFileSync('nproc').toString().trim();
} catch {
  nproc = String(os.availableParallelism?.() ?? os.cpus().length);
}
const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
const machine = {
  nproc,
  cpu: firstMatch(/^model name\s*:(.*)$/m, cpuinfo) ?? os.cpus()[0]?.model ?? 'unknown',
  memory: meminfo
    ? `${fmt(Number(firstMatch(/^MemTotal:\s*(\d+)/m, meminfo)) / 1024 / 1024, 1)} GiB`
    : `${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
  node: process.version,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  os: `${os.type()} ${os.release()}`,
};
const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
const builtAt = statSync(BUNDLE).mtimeMs;
const newerSources = sourceFiles('src').filter((f) => statSync(f).mtimeMs > builtAt);
const staleBuild = newerSources.length > 0;
if (staleBuild)
  console.warn(
    `warning: ${newerSources.slice(0, 3).join(', ')}${newerSources.length > 3 ? ', ...' : ''} changed after ${BUNDLE} was built: the figures are for the last build.`,
  );

// ---------------------------------------------------------------- browser

const server = await startServer(root);
const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
machine.chromium = browser.version();
console.log(
  `bench: Chromium ${machine.chromium}, node ${machine.node}, ${machine.nproc} CPUs (${machine.cpu}), ${machine.memory}`,
);
console.log(`mode: ${CHECK ? 'check' : 'full'}; serving ${server.origin}`);

/** A fresh context (no shared cache or connections) and page, with probes. */
async function withPage({ viewport = { width: 1280, height: 800 }, probes = [] }, fn) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const probe of probes) await page.addInitScript(probe);
    return await fn(page, errors, context);
  } finally {
    await context.close();
  }
}

/** Starts a browser-wide trace; the returned function ends it and resolves to its events. */
async function startTrace() {
  const cdp = await browser.newBrowserCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value) events.push(e);
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES },
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return events;
  };
}

const results = {};
const durations = {};
async function section(name, fn) {
  if (!SECTIONS.includes(name) && !(name === 'lighthouse' && LIGHTHOUSE)) return;
  console.log(`\n== ${name}`);
  const start = performance.now();
  try {
    results[name] = await fn();
  } catch (error) {
    console.error(error);
    results[name] = { failed: String(error?.stack ?? error) };
    bar(`${name} ran`, false, String(error?.message ?? error));
  }
  durations[name] = performance.now() - start;
  console.log(`   (${seconds(durations[name])})`);
}
const started = performance.now();

// ------------------------------------------------------------- 1. sizes

await section('size', async () => {
  // scripts/size.mjs owns the measurement; its table is embedded as printed.
  // It exits 1 while its bar is not met: that is its business, not this one's.
  const out = await run(process.execPath, ['scripts/size.mjs'], { cwd: root }).catch((e) => e);
  const text = String(out.stdout ?? '').trim();
  console.log(text.split('\n').slice(-1)[0]);
  return { text, code: out.code ?? 0 };
});

// ---------------------------------------------------------- 2. requests

await section('network', async () => {
  // One untimed load first: the first pages of a fresh browser are slower (process start, caches).
  const warmUp = server.registerPage('grid.html', 'net-warm-up', {
    SCRIPT: scriptTag({ endpoint: batched('net-warm-up') }),
    CARDS: gridCards(24, 'warm'),
  });
  await withPage({ probes: [renderProbe] }, async (page) => {
    await page.goto(warmUp);
    await page.evaluate(() => window.__bench.allDone(24));
  });
  const rows = [];
  for (const n of [1, 24, 48, 200]) {
    const samples = { batched: [], baseline: [] };
    for (let r = 0; r < RUNS.network; r++) {
      // Alternate the order so drift over the run hits both alike.
      const modes = r % 2 ? ['baseline', 'batched'] : ['batched', 'baseline'];
      for (const mode of modes) {
        const id = `net-${mode}-${n}-${r}`;
        const endpoint = (mode === 'batched' ? batched : single)(id, `&delay=${LATENCY}`);
        const url = server.registerPage('grid.html', id, {
          SCRIPT: scriptTag({ endpoint }),
          CARDS: gridCards(n, 'card'),
        });
        const sample = await withPage({ probes: [renderProbe] }, async (page, errors) => {
          await page.goto(url);
          const last = await page.evaluate(async (n) => {
            await window.__bench.allDone(n);
            return window.__bench.last;
          }, n);
          await sleep(200); // a late extra request would show here
          const log = server.log(id);
          return {
            last,
            requests: log.count,
            maxPerSku: Math.max(0, ...log.perSku.values()),
            skus: log.perSku.size,
            overlaps: log.overlaps.length,
            errors: errors.length,
          };
        });
        samples[mode].push(sample);
      }
    }
    const row = { n };
    for (const mode of ['batched', 'baseline']) {
      const s = samples[mode];
      row[mode] = {
        requests: s.map((x) => x.requests),
        last: s.map((x) => x.last),
        maxPerSku: Math.max(...s.map((x) => x.maxPerSku)),
        overlaps: s.reduce((a, x) => a + x.overlaps, 0),
        skus: Math.min(...s.map((x) => x.skus)),
        errors: s.reduce((a, x) => a + x.errors, 0),
      };
    }
    row.ratio = median(row.batched.last) / median(row.baseline.last);
    rows.push(row);
    const want = Math.ceil(n / BATCH);
    const got = row.batched.requests;
    bar(
      `${n} widget${n > 1 ? 's' : ''} of ${n} SKU${n > 1 ? 's' : ''}: ${want} batched request${want > 1 ? 's' : ''}`,
      got.every((c) => c === want) && row.batched.skus === n,
      `saw ${[...new Set(got)].join('/')} for ${row.batched.skus} SKUs; last widget at ${fmt(median(row.batched.last))} ms vs ${fmt(median(row.baseline.last))} ms one per widget (${row.baseline.requests[0]} requests)`,
    );
    bar(
      `${n} widget${n > 1 ? 's' : ''}: never two requests for one SKU`,
      row.batched.maxPerSku <= 1 &&
        row.baseline.maxPerSku <= 1 &&
        row.batched.overlaps + row.baseline.overlaps === 0,
      `most requests for one SKU: ${row.batched.maxPerSku} batched, ${row.baseline.maxPerSku} one per widget`,
    );
  }
  return rows;
});

// --------------------------------------------------------- 3. scripting

await section('scripting', async () => {
  const samples = [];
  const widgets = 50; // 48 badges, 1 button, 1 date: 49 SKUs, one request
  for (let r = 0; r < RUNS.scripting; r++) {
    const id = `script-${r}`;
    const url = server.registerPage('product.html', id, {
      SCRIPT: scriptTag({ endpoint: batched(id, '&hold=1') }),
      PRODUCT_SKU,
      MAIN_WIDGETS: mainWidgets(),
      RELATED: relatedCards(48),
    });
    const blank = server.registerPage('blank.html', `blank-${id}`, {});
    samples.push(
      await withPage({ probes: [renderProbe] }, async (page, errors, context) => {
        const cdp = await context.newCDPSession(page);
        await page.goto(blank); // same origin first: the fixture then loads in this renderer
        await cdp.send('Performance.enable');
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        const metrics = async () =>
          Object.fromEntries(
            (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
          );
        const mBlank = await metrics();
        const stopLoadTrace = await startTrace();
        await page.goto(url, { waitUntil: 'load' });
        for (let i = 0; server.holding(id) === 0; i++) {
          if (i > 500) throw new Error('the availability request never arrived');
          await sleep(10);
        }
        await sleep(700); // let the loading-state renders and any idle work finish
        const loading = await page.$$eval(
          'order-button, expected-date, availability-badge',
          (all) => all.filter((w) => w.hasAttribute('loading')).length,
        );
        await page.evaluate(() => performance.mark('bench-held'));
        const loadTrace = analyzeTrace(await stopLoadTrace(), { to: 'bench-held' });
        const stopRenderTrace = await startTrace();
        const t0 = await page.evaluate(() => {
          performance.mark('bench-release');
          return performance.now();
        });
        const m0 = await metrics();
        const done = page.evaluate((n) => window.__bench.allDone(n), widgets);
        server.release(id);
        const tDone = await done;
        const m1 = await metrics();
        const renderTrace = analyzeTrace(await stopRenderTrace(), {
          from: 'bench-release',
          to: 'bench-done',
        });
        const longTasks = await page.evaluate(() => window.__bench.longTasks);
        const requests = server.log(id).count;
        const maxPerSku = Math.max(0, ...server.log(id).perSku.values());
        const delta = (key, a, b) => (b[key] - a[key]) * 1000;
        return {
          sameProcess: m0.ProcessTime >= mBlank.ProcessTime,
          loading,
          requests,
          maxPerSku,
          errors: errors.length,
          render: {
            scripting: renderTrace.scripting,
            style: renderTrace.style,
            layout: renderTrace.layout,
            paint: renderTrace.paint,
            other: renderTrace.other,
            busy: renderTrace.busy,
            metricsScript: delta('ScriptDuration', m0, m1),
            wall: tDone - t0,
          },
          load: {
            scripting: loadTrace.scripting,
            style: loadTrace.style,
            layout: loadTrace.layout,
            paint: loadTrace.paint,
            other: loadTrace.other + loadTrace.loading,
            busy: loadTrace.busy,
            metricsScript: delta('ScriptDuration', mBlank, m0),
          },
          traceLongRender: renderTrace.longTasks,
          traceLongLoad: loadTrace.longTasks,
          longRender: longTasks.filter((t) => t.start >= t0),
          longLoad: longTasks.filter((t) => t.start < t0),
        };
      }),
    );
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  const pick = (phase, key) => samples.map((s) => s[phase][key]);
  const summary = {
    runs: samples.length,
    sameProcess: samples.every((s) => s.sameProcess),
    requests: [...new Set(samples.map((s) => s.requests))],
    maxPerSku: Math.max(...samples.map((s) => s.maxPerSku)),
    errors: samples.reduce((a, s) => a + s.errors, 0),
    loadingBefore: Math.min(...samples.map((s) => s.loading)),
    render: {},
    load: {},
    longRender: samples.map((s) => s.longRender),
    longLoad: samples.map((s) => s.longLoad),
    traceLongRender: samples.map((s) => s.traceLongRender),
    traceLongLoad: samples.map((s) => s.traceLongLoad),
  };
  for (const phase of ['render', 'load'])
    for (const key of Object.keys(samples[0][phase]))
      summary[phase][key] = { median: median(pick(phase, key)), all: pick(phase, key) };
  console.log(
    `  render from one response at 4x: scripting ${fmt(summary.render.scripting.median, 1)} ms, style ${fmt(summary.render.style.median, 1)} ms, layout ${fmt(summary.render.layout.median, 1)} ms, busy ${fmt(summary.render.busy.median, 1)} ms (median of ${samples.length}); long tasks in that phase: ${summary.longRender.filter((l) => l.length).length}/${samples.length} runs`,
  );
  bar(
    '48 badges + button + date (49 SKUs): one request, one per SKU',
    summary.requests.length === 1 && summary.requests[0] === 1 && summary.maxPerSku === 1,
    `saw ${summary.requests.join('/')} request(s) per run; most requests for one SKU ${summary.maxPerSku}`,
  );
  return summary;
});

// ---------------------------------------------- 3b. where that time goes

await section('profile', async () => {
  // The same measurement on an unminified build of the same sources (built to a
  // temp dir), under the V8 sampling profiler: self time per function and module.
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(os.tmpdir(), 'preorder-bench-'));
  try {
    await build({
      configFile: join(root, 'vite.script.config.ts'),
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { output: { minify: false } },
      },
    });
    const moduleOf = [];
    let current = '(bundle)';
    readFileSync(join(outDir, 'preorder-elements.js'), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
        if (m) current = m[1];
        moduleOf[i] = current;
      });
    server.mount('/unminified/', outDir);
    // What the platform charges for the first use of Intl.DateTimeFormat and localStorage in a
    // fresh page at 4x, whoever calls them: a floor for any code that formats dates.
    const platform = [];
    for (let r = 0; r < 3; r++) {
      const blank = server.registerPage('blank.html', `platform-${r}`, {});
      platform.push(
        await withPage({}, async (page, errors, context) => {
          const cdp = await context.newCDPSession(page);
          await page.goto(blank);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          return page.evaluate(() => {
            const t = [performance.now()];
            new Intl.DateTimeFormat('en-US', {
              hourCycle: 'h23',
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
            }).formatToParts(Date.now());
            t.push(performance.now());
            new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(Date.now());
            t.push(performance.now());
            localStorage.getItem('bench');
            t.push(performance.now());
            return { firstIntl: t[1] - t[0], secondIntl: t[2] - t[1], localStorage: t[3] - t[2] };
          });
        }),
      );
    }
    const platformMedian = Object.fromEntries(
      Object.keys(platform[0]).map((k) => [k, median(platform.map((x) => x[k]))]),
    );
    console.log(
      `  platform at 4x: first Intl.DateTimeFormat ${fmt(platformMedian.firstIntl, 1)} ms, a second ${fmt(platformMedian.secondIntl, 1)} ms, first localStorage read ${fmt(platformMedian.localStorage, 1)} ms`,
    );
    const self = new Map();
    let sampled = 0;
    for (let r = 0; r < RUNS.profile; r++) {
      const id = `profile-${r}`;
      const url = server.registerPage('product.html', id, {
        SCRIPT: scriptTag({
          endpoint: batched(id, '&hold=1'),
          src: '/unminified/preorder-elements.js',
        }),
        PRODUCT_SKU,
        MAIN_WIDGETS: mainWidgets(),
        RELATED: relatedCards(48),
      });
      const blank = server.registerPage('blank.html', `blank-${id}`, {});
      await withPage({ probes: [renderProbe] }, async (page, errors, context) => {
        const cdp = await context.newCDPSession(page);
        await page.goto(blank);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(url, { waitUntil: 'load' });
        while (server.holding(id) === 0) await sleep(10);
        await sleep(700);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        const done = page.evaluate((n) => window.__bench.allDone(n), 50);
        server.release(id);
        await done;
        const { profile } = await cdp.send('Profiler.stop');
        const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((nodeId, i) => {
          const dt = profile.timeDeltas[i + 1] ?? 0;
          const { functionName, url: file, lineNumber } = nodes.get(nodeId).callFrame;
          const where = file.includes('/unminified/')
            ? moduleOf[lineNumber]
            : file
              ? file.replace(server.origin, '')
              : '';
          const key = `${functionName || '(anonymous)'}\t${where}`;
          self.set(key, (self.get(key) ?? 0) + dt);
          sampled += dt;
        });
      });
      process.stdout.write('.');
    }
    process.stdout.write('\n');
    const rows = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([key, us]) => {
        const [fn, where] = key.split('\t');
        return { fn, where, ms: us / 1000 / RUNS.profile, share: us / sampled };
      });
    for (const row of rows.slice(0, 6))
      console.log(`  ${fmt(row.ms, 1).padStart(6)} ms  ${row.fn} ${row.where}`);
    return {
      runs: RUNS.profile,
      sampledMs: sampled / 1000 / RUNS.profile,
      rows,
      platform: platformMedian,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

// --------------------------------------------------------------- 4. CLS

/** CLS as web-vitals counts it: the worst session window (gap < 1 s, span < 5 s). */
function cls(shifts) {
  let worst = 0;
  let current = 0;
  let first = 0;
  let previous = 0;
  for (const s of shifts.filter((x) => !x.hadRecentInput)) {
    if (current && s.t - previous < 1000 && s.t - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.t;
    }
    previous = s.t;
    worst = Math.max(worst, current);
  }
  return worst;
}

/**
 * Widgets whose box changed height after the first paint (ResizeObserver). An
 * element parsed before the first paint and defined only after it had no box
 * until then (an undefined custom element is an empty inline, 0×0, which
 * ResizeObserver does not report): its first report counts as growing from 0.
 */
function resizes(sizes, fcp, defined) {
  const byWidget = new Map();
  for (const s of sizes) {
    const list = byWidget.get(s.who) ?? [];
    list.push(s);
    byWidget.set(s.who, list);
  }
  const changed = [];
  for (const [who, list] of byWidget) {
    const first = list[0];
    const definedAt = defined[who.split(/[[.#\s]/)[0]];
    if (fcp !== null && definedAt > fcp && first.added < fcp && first.t >= definedAt && first.h > 0)
      changed.push({
        who,
        t: first.t,
        from: 0,
        to: first.h,
        state: `no box at first paint → ${first.defined ? 'defined' : 'undefined'}, ${first.loading ? 'loading' : (first.status ?? 'no status')}`,
      });
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (a.h !== b.h)
        changed.push({
          who,
          t: b.t,
          from: a.h,
          to: b.h,
          state: `${a.defined ? '' : 'undefined, '}${a.loading ? 'loading' : (a.status ?? 'no status')} → ${b.loading ? 'loading' : (b.status ?? 'no status')}`,
        });
    }
  }
  return changed;
}

/**
 * Page CSS that gives undefined elements the space they take once defined (the
 * proposed fix for the upgrade shift; it mirrors the elements' :host styles).
 */
const RESERVE_CSS = `<style>
order-button:not(:defined) { display: block; min-height: 4.1em; }
expected-date:not(:defined) { display: block; line-height: 1.4; min-height: 1.4em; }
availability-badge:not(:defined) { display: inline-block; vertical-align: middle; font-size: 0.75em; line-height: 1.5; min-height: 1.5em; }
</style>`;

await section('cls', async () => {
  const endpoints = [
    { name: 'fast', endpoint: (id) => batched(id) },
    { name: 'slow (3 s)', endpoint: (id) => batched(id, `&delay=${SLOW}`) },
    { name: 'failing (HTTP 500)', endpoint: (id) => batched(id, '&status=500') },
  ];
  const LATE = 500;
  const cases = [
    // The bars: the README's tag (defer), the script arriving after the first paint as from a CDN.
    ...endpoints.map((e) => ({ ...e, load: `deferred, +${LATE} ms`, delay: LATE, bar: true })),
    // Diagnosis: a blocking script in <head> defines the elements before the first paint,
    // which leaves only what data arrival does.
    ...endpoints.map((e) => ({ ...e, load: 'blocking in head', defer: false, bar: false })),
    { name: '(none)', load: 'no script (control)', endpoint: null, bar: false },
    ...(CHECK
      ? []
      : endpoints.map((e) => ({
          ...e,
          load: `deferred, +${LATE} ms, page CSS for :not(:defined)`,
          delay: LATE,
          css: RESERVE_CSS,
          bar: false,
        }))),
  ];
  const viewports = [
    { name: 'desktop 1280×1500', size: { width: 1280, height: 1500 } },
    { name: 'mobile 390×844', size: { width: 390, height: 844 } },
  ];
  const rows = [];
  for (const viewport of viewports) {
    for (const c of cases) {
      const id = `cls-${viewport.size.width}-${`${c.load}-${c.name}`.replace(/\W+/g, '-')}`;
      const url = server.registerPage('product.html', id, {
        SCRIPT:
          (c.css ?? '') +
          (c.endpoint
            ? scriptTag({
                endpoint: c.endpoint(id),
                data: { retries: 0 },
                delay: c.delay ?? 0,
                defer: c.defer ?? true,
              })
            : ''),
        PRODUCT_SKU,
        MAIN_WIDGETS: mainWidgets(),
        RELATED: relatedCards(48),
      });
      const result = await withPage(
        { viewport: viewport.size, probes: [renderProbe, layoutProbe] },
        async (page, errors) => {
          await page.goto(url);
          if (c.endpoint) await page.evaluate(() => window.__bench.allDone(50));
          else await sleep(1500);
          await sleep(1000); // any later shift (none expected: retries are 0)
          const bench = await page.evaluate(() => ({
            shifts: window.__bench.shifts,
            sizes: window.__bench.sizes,
            defined: window.__bench.defined,
            changes: window.__bench.changes,
            failures: window.__bench.errors,
            fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
            lcp: window.__bench.lcp,
          }));
          const statuses = await page.$$eval(
            'order-button, expected-date, availability-badge',
            (all) => all.map((w) => `${w.localName}:${w.getAttribute('status')}`),
          );
          return { ...bench, errors, statuses, requests: server.log(id).count };
        },
      );
      const row = {
        viewport: viewport.name,
        case: c.name,
        load: c.load,
        bar: c.bar,
        cls: cls(result.shifts),
        total: result.shifts.reduce((a, s) => a + s.value, 0),
        shifts: result.shifts,
        resized: resizes(result.sizes, result.fcp, result.defined),
        fcp: result.fcp,
        lcp: result.lcp,
        defined: Math.max(0, ...Object.values(result.defined)),
        rendered: result.changes,
        failed: result.failures,
        requests: result.requests,
        pageErrors: result.errors.length,
      };
      rows.push(row);
      const detail = `CLS ${row.cls.toFixed(3)} (${row.shifts.length} shift entries; ${row.resized.length} widget resizes after first paint; ${row.rendered} rendered, ${row.failed} fallbacks)`;
      if (c.bar)
        bar(
          `CLS 0.000, ${viewport.name}, script ${c.load}, endpoint ${c.name}`,
          row.cls < 0.0005,
          detail,
        );
      else console.log(`  info ${viewport.name}, script ${c.load}, endpoint ${c.name}: ${detail}`);
    }
  }
  return rows;
});

// ------------------------------------------------------- 5. repeat view

await section('repeat', async () => {
  const n = 48;
  const out = {};
  // Fresh (default cacheTtl 60 s): remove all, add the same nodes back, then new nodes.
  {
    const id = 'repeat-fresh';
    const url = server.registerPage('grid.html', id, {
      SCRIPT: scriptTag({ endpoint: batched(id) }),
      CARDS: gridCards(n, 'repeat'),
    });
    out.fresh = await withPage({ probes: [renderProbe] }, async (page) => {
      await page.goto(url);
      await page.evaluate((n) => window.__bench.allDone(n), n);
      const first = server.log(id).count;
      const again = await page.evaluate(async () => {
        const badges = [...document.querySelectorAll('availability-badge')];
        const places = badges.map((b) => [b.parentNode, b.nextSibling]);
        for (const b of badges) b.remove();
        await new Promise((r) => setTimeout(r, 50));
        badges.forEach((b, i) => places[i][0].insertBefore(b, places[i][1]));
        await Promise.all(badges.map((b) => b.updateComplete));
        const sameNodes = badges.filter(
          (b) => !b.hasAttribute('loading') && b.status !== 'unknown',
        ).length;
        // New elements for the same SKUs: rendered from the cache in their first update?
        const fresh = badges.map((b) => {
          const el = document.createElement('availability-badge');
          el.setAttribute('sku', b.getAttribute('sku'));
          return el;
        });
        for (const b of badges) b.remove();
        fresh.forEach((el, i) => places[i][0].insertBefore(el, places[i][1]));
        await Promise.all(fresh.map((el) => el.updateComplete));
        const newNodes = fresh.filter(
          (el) => !el.hasAttribute('loading') && el.status !== 'unknown',
        ).length;
        await new Promise((r) => setTimeout(r, 300));
        return { sameNodes, newNodes };
      });
      // The page again (a reload): the records stored by the first view serve it.
      const before = server.log(id).count;
      await page.reload();
      await page.evaluate((n) => window.__bench.allDone(n), n);
      await page.waitForTimeout(300);
      return { first, ...again, repeat: before - first, reloaded: server.log(id).count - before };
    });
  }
  // Stale (cacheTtl 1 s): a repeat view after 1.5 s renders at once and refreshes in the background.
  {
    const id = 'repeat-stale';
    const url = server.registerPage('grid.html', id, {
      SCRIPT: scriptTag({ endpoint: batched(id, '&delay=100'), data: { cacheTtl: 1 } }),
      CARDS: gridCards(n, 'stale'),
    });
    out.stale = await withPage({ probes: [renderProbe] }, async (page) => {
      await page.goto(url);
      await page.evaluate((n) => window.__bench.allDone(n), n);
      const first = server.log(id).count;
      const again = await page.evaluate(async () => {
        const badges = [...document.querySelectorAll('availability-badge')];
        const places = badges.map((b) => [b.parentNode, b.nextSibling]);
        for (const b of badges) b.remove();
        await new Promise((r) => setTimeout(r, 1500));
        const fresh = badges.map((b) => {
          const el = document.createElement('availability-badge');
          el.setAttribute('sku', b.getAttribute('sku'));
          return el;
        });
        fresh.forEach((el, i) => places[i][0].insertBefore(el, places[i][1]));
        await Promise.all(fresh.map((el) => el.updateComplete));
        const atOnce = fresh.filter(
          (el) => !el.hasAttribute('loading') && el.status !== 'unknown',
        ).length;
        await new Promise((r) => setTimeout(r, 600)); // the background refresh (100 ms latency)
        return { atOnce };
      });
      return { first, ...again, repeat: server.log(id).count - first };
    });
  }
  bar(
    'repeat view within cacheTtl: 0 requests',
    out.fresh.first === 1 && out.fresh.repeat === 0 && out.fresh.reloaded === 0,
    `first view ${out.fresh.first} request, repeat ${out.fresh.repeat}, page reloaded ${out.fresh.reloaded}; rendered at once: ${out.fresh.sameNodes}/${n} same nodes, ${out.fresh.newNodes}/${n} new nodes`,
  );
  bar(
    'stale repeat view: one background request for 48 SKUs',
    out.stale.repeat === 1,
    `${out.stale.repeat} request(s); rendered at once from the stale record: ${out.stale.atOnce}/${n}`,
  );
  return { n, ...out };
});

// ------------------------------------------------------------ 6. memory

await section('memory', async () => {
  const TOTAL = Number(option('--memory-elements') ?? 10_000);
  const PER_BATCH = 500;
  const id = 'memory';
  const url = server.registerPage('memory.html', id, {
    SCRIPT: scriptTag({ endpoint: batched(id, '&delay=20'), defer: false }),
  });
  return withPage({ probes: [leakProbe] }, async (page, errors, context) => {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForFunction(() => window.PreorderElements && customElements.get('order-button'));
    const snapshot = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const live = await page.evaluate(() => {
        const lib = (x) => x.stack.includes('preorder-elements');
        const { timers, listeners } = window.__bench.leaks();
        return {
          timers: timers.filter(lib),
          listeners: listeners.filter(lib),
          allTimers: timers.length,
          allListeners: listeners.length,
        };
      });
      return { heap: heap.usedSize, dom, live };
    };
    const cycle = (start, count, waitForRender) =>
      page.evaluate(
        async ({ start, count, waitForRender }) => {
          const { orig } = window.__bench;
          const stage = document.getElementById('stage');
          const tags = ['availability-badge', 'order-button', 'expected-date'];
          const els = [];
          for (let i = start; i < start + count; i++) {
            const el = document.createElement(tags[i % 3]);
            el.setAttribute('sku', `pre-mem-${i}`);
            els.push(el);
          }
          let seen = 0;
          const rendered = new Promise((resolve) => {
            const onEvent = () => {
              if (++seen === count) resolve();
            };
            stage.addEventListener('availability-change', onEvent);
            stage.addEventListener('availability-error', onEvent);
          });
          stage.append(...els);
          if (waitForRender) await rendered;
          else await new Promise((r) => orig.setTimeout(r, 5)); // requests queued or in flight
          stage.replaceChildren(); // disconnects every widget
          stage.replaceWith(stage.cloneNode(false)); // and drops the bench's own listeners with the old stage
          return seen;
        },
        { start, count, waitForRender },
      );
    const before = await snapshot();
    const t0 = performance.now();
    let renderedCount = 0;
    let warm;
    let mid;
    for (let start = 0, b = 0; start < TOTAL; start += PER_BATCH, b++) {
      // Even batches render, then go; odd ones go while their request is queued or in flight.
      renderedCount += await cycle(start, PER_BATCH, b % 2 === 0);
      if (b === 1) {
        // Warm: code compiled, templates and formatters cached, the store's record cache full.
        await sleep(500);
        warm = await snapshot();
        warm.elements = start + PER_BATCH;
      }
      if (start + PER_BATCH === TOTAL / 2) {
        await sleep(500);
        mid = await snapshot();
        mid.elements = start + PER_BATCH;
      }
    }
    const attachMs = performance.now() - t0;
    await sleep(1500); // every queued flush, request and retry has ended
    const after = await snapshot();
    const requests = server.log(id).count;
    const result = {
      total: TOTAL,
      perBatch: PER_BATCH,
      attachMs,
      renderedCount,
      before,
      warm,
      mid,
      after,
      requests,
      errors: errors.length,
    };
    console.log(
      `  heap ${fmt(before.heap / 1024)} KiB before, ${fmt(warm.heap / 1024)} KiB after ${fmt(warm.elements)} elements, ${fmt(mid?.heap / 1024)} KiB after ${fmt(mid?.elements)}, ${fmt(after.heap / 1024)} KiB after ${fmt(TOTAL)}; nodes ${before.dom.nodes} / ${warm.dom.nodes} / ${after.dom.nodes}; JS listeners ${before.dom.jsEventListeners} / ${warm.dom.jsEventListeners} / ${after.dom.jsEventListeners}`,
    );
    bar(
      `attach and remove ${fmt(TOTAL)} elements: no leaked timers`,
      after.live.timers.length === 0,
      `${after.live.timers.length} live timers from the library (${before.live.timers.length} before)${after.live.timers.length ? `: ${JSON.stringify(after.live.timers[0])}` : ''}`,
    );
    console.log(
      `  info live window/document listeners from the library: ${before.live.listeners.length} before, ${after.live.listeners.length} after`,
    );
    return result;
  });
});

// -------------------------------------------------------- 7. Lighthouse

await section('lighthouse', async () => {
  const cli =
    process.env.LIGHTHOUSE_CLI ??
    ['/tmp/lh/node_modules/lighthouse/cli/index.js'].find((p) => existsSync(p));
  if (!cli || !existsSync(cli))
    return {
      skipped:
        'Lighthouse is not installed: `npm i --prefix /tmp/lh lighthouse@12.2.3` (or set LIGHTHOUSE_CLI to its cli/index.js).',
    };
  const version = JSON.parse(
    readFileSync(join(dirname(dirname(cli)), 'package.json'), 'utf8'),
  ).version;
  const variants = {
    'with the widgets': (id) => ({
      SCRIPT: scriptTag({ endpoint: batched(id, `&delay=${LATENCY}`) }),
      PRODUCT_SKU,
      MAIN_WIDGETS: mainWidgets(),
      RELATED: relatedCards(48),
    }),
    'without (no script, no widget tags)': () => ({
      SCRIPT: '',
      PRODUCT_SKU,
      MAIN_WIDGETS: '',
      RELATED: relatedCards(48, false),
    }),
  };
  const out = { version, runs: RUNS.lighthouse, rows: [] };
  for (const [name, vars] of Object.entries(variants)) {
    const samples = [];
    for (let r = 0; r < RUNS.lighthouse; r++) {
      const id = `lh-${samples.length}-${name.replace(/\W+/g, '-')}`;
      const url = server.registerPage('product.html', id, vars(id));
      const { stdout } = await run(
        process.execPath,
        [
          cli,
          url,
          '--quiet',
          '--output=json',
          '--output-path=stdout',
          '--only-categories=performance',
          `--chrome-flags=--headless=new ${CHROME_ARGS.join(' ')}`,
        ],
        { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 2 ** 20, timeout: 180_000 },
      );
      const lhr = JSON.parse(stdout);
      const audit = (k) => lhr.audits[k]?.numericValue;
      const findNode = (x) =>
        x && typeof x === 'object'
          ? x.type === 'node'
            ? x
            : Object.values(x).reduce((found, v) => found ?? findNode(v), null)
          : null;
      const lcpNode = findNode(lhr.audits['largest-contentful-paint-element']?.details);
      samples.push({
        score: lhr.categories.performance.score * 100,
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        si: audit('speed-index'),
        lcpElement: lcpNode ? (lcpNode.selector ?? lcpNode.snippet ?? '').slice(0, 80) : 'n/a',
        warnings: lhr.runWarnings ?? [],
        errored: Object.values(lhr.audits)
          .filter((a) => a.scoreDisplayMode === 'error')
          .map((a) => `${a.id} (${String(a.errorMessage).split('\n')[0].slice(0, 140)})`),
      });
      process.stdout.write('.');
    }
    const m = (k) => median(samples.map((s) => s[k]));
    out.rows.push({
      name,
      score: m('score'),
      scores: samples.map((s) => s.score),
      fcp: m('fcp'),
      lcp: m('lcp'),
      tbt: m('tbt'),
      cls: m('cls'),
      si: m('si'),
      lcpElements: [...new Set(samples.map((s) => s.lcpElement))],
      errored: [...new Set(samples.flatMap((s) => s.errored))],
      warnings: [...new Set(samples.flatMap((s) => s.warnings))],
    });
  }
  process.stdout.write('\n');
  for (const row of out.rows)
    console.log(`  ${row.name}: performance ${fmt(row.score)} (${row.scores.join(', ')})`);
  return out;
});

await browser.close();
await server.close();
const totalMs = performance.now() - started;

// ------------------------------------------------------------- report

const missed = verdicts.filter((v) => !v.ok);
if (option('--json'))
  writeFileSync(option('--json'), JSON.stringify({ machine, results, verdicts }, null, 1));
let report = renderReport();
try {
  // In the repo's own style, so `prettier --check .` (npm run lint) passes on the committed report.
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(join(root, 'docs/benchmarks.md'))) ?? {};
  report = await prettier.format(report, { ...config, parser: 'markdown' });
} catch {
  // prettier missing: the unformatted report is still correct markdown
}
if (OUT) {
  writeFileSync(OUT, report);
  console.log(`\nwrote ${OUT}`);
} else {
  console.log(`\n${report}`);
}
console.log(
  `\n${verdicts.length - missed.length}/${verdicts.length} hard bars met in ${seconds(totalMs)}${missed.length ? `; missed:\n- ${missed.map((v) => `${v.name}: ${v.detail}`).join('\n- ')}` : ''}`,
);
if (CHECK && missed.length) process.exit(1);

function renderReport() {
  const L = [];
  const p = (...lines) => L.push(...lines);
  p(
    '# Benchmarks',
    '',
    `Generated by \`npm run bench${CHECK ? ' -- --check' : ''}\` (bench/run.mjs) on ${machine.date}. Every figure`,
    'below comes from the built script-tag bundle (`dist/preorder-elements.js`) on fixture pages',
    '(bench/pages/) in headless Chromium, served from 127.0.0.1 with a local availability endpoint',
    '(bench/server.mjs, records from `recordFor` in test/support/availability-server.js). Timings on',
    'a 2-core machine are noisy: compare the ratios measured in one run and read medians.',
    '',
    '| machine | |',
    '|---|---|',
    `| CPUs (\`nproc\`) | ${machine.nproc} |`,
    `| CPU model | ${machine.cpu} |`,
    `| memory | ${machine.memory} |`,
    `| Chromium | ${machine.chromium} (${CHROME}) |`,
    `| node | ${machine.node} |`,
    `| OS | ${machine.os} |`,
    `| date | ${machine.date} |`,
    `| mode | ${CHECK ? `check (reduced runs: network ${RUNS.network}, scripting ${RUNS.scripting})` : `full (network ${RUNS.network} runs, scripting ${RUNS.scripting} runs)`} |`,
    `| wall time | ${seconds(totalMs)} (${Object.entries(durations)
      .map(([k, v]) => `${k} ${seconds(v)}`)
      .join(', ')}) |`,
    '',
  );
  if (staleBuild)
    p(
      `**Note:** ${newerSources.length} file(s) in src/ (${newerSources.slice(0, 3).join(', ')}${newerSources.length > 3 ? ', ...' : ''}) changed after ${BUNDLE} was built; the figures are for that build.`,
      '',
    );

  p('## Findings', '', ...findings(), '');

  p('## Hard bars', '', '| bar | result | measured |', '|---|---|---|');
  for (const v of verdicts)
    p(`| ${v.name} | ${v.ok ? 'met' : '**missed**'} | ${v.detail.replaceAll('|', '\\|')} |`);
  p(
    '',
    `\`npm run bench -- --check\` exits 1 when one of these is missed. Timings never fail it;`,
    'size is checked by `npm run size`.',
    '',
  );

  const r = results;
  if (r.size) {
    p(
      '## 1. Bytes of every output',
      '',
      'As printed by `node scripts/size.mjs` (gzip -9 and brotli at max quality), run by the bench as a',
      'child process:',
      '',
    );
    p(r.size.text || '(no output)', '');
  }

  if (r.network && !r.network.failed) {
    p(
      '## 2. Requests per page, and time to the last widget',
      '',
      `A collection page (bench/pages/grid.html) with N \`<availability-badge>\` of N distinct SKUs, the`,
      `script tag \`defer\`red in \`<head>\`, the endpoint answering after ${LATENCY} ms. Batched: \`data-endpoint`,
      '="/api/availability?skus={skus}"` (batchSize 50). Baseline, in the same run: `/api/availability/{sku}`,',
      'one request per widget. Requests are counted at the server. "Last widget" is the page time',
      '(from navigation start) of the last `availability-change` event, which an element raises after it',
      `rendered its record. Median of ${RUNS.network} run(s) each (range in brackets), each run in a fresh`,
      'browser context; batched and baseline alternate.',
      '',
      '| widgets | requests batched | requests one per widget | last widget batched (ms) | last widget one per widget (ms) | ratio batched / baseline |',
      '|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of r.network) {
      p(
        `| ${row.n} | ${[...new Set(row.batched.requests)].join('/')} | ${[...new Set(row.baseline.requests)].join('/')} | ${fmt(median(row.batched.last))} ${row.batched.last.length > 1 ? `(${range(row.batched.last)})` : ''} | ${fmt(median(row.baseline.last))} ${row.baseline.last.length > 1 ? `(${range(row.baseline.last)})` : ''} | ${fmt(row.ratio, 2)} |`,
      );
    }
    p(
      '',
      'Most requests for one SKU in any run: ' +
        `${Math.max(...r.network.map((x) => x.batched.maxPerSku))} batched, ${Math.max(...r.network.map((x) => x.baseline.maxPerSku))} one per widget; ` +
        `requests for a SKU already in flight: ${r.network.reduce((a, x) => a + x.batched.overlaps + x.baseline.overlaps, 0)}. ` +
        'Chromium opens at most 6 HTTP/1.1 connections per host, so one request per widget queues in rounds of 6. ' +
        `Uncaught page errors: ${r.network.reduce((a, x) => a + x.batched.errors + x.baseline.errors, 0)}.`,
      '',
    );
  }

  if (r.scripting && !r.scripting.failed) {
    const s = r.scripting;
    const ms = (x) => `${fmt(x.median, 1)} (${range(x.all, 1)})`;
    const longR = s.longRender.flat();
    const longL = s.longLoad.flat();
    const traceR = s.traceLongRender.flat();
    const worst = traceR.sort((a, b) => b.duration - a.duration)[0];
    p(
      '## 3. Scripting time: 48 badges + 1 order-button + 1 expected-date from one response',
      '',
      'The product page fixture (bench/pages/product.html) with one `<order-button>` and one',
      '`<expected-date>` for the product and 48 related-product cards with an `<availability-badge>`',
      '(49 SKUs in a mix of pre-order, backorder, sold out and in stock: one batched request). CPU',
      'throttled 4x with CDP `Emulation.setCPUThrottlingRate`, a fresh browser context per run.',
      '',
      'Method: the server holds the availability request until told. Once it has arrived and the page',
      'has been idle for 700 ms (every widget in its loading state), the bench starts a Chromium trace',
      '(CDP `Tracing`, categories devtools.timeline, toplevel, v8.execute), marks `bench-release` in the',
      'page, releases the answer, and waits in the page for the 50th `availability-change` event plus two',
      "animation frames (mark `bench-done`). Over the renderer main thread's tasks between the two marks,",
      "each trace event's self time goes to a category by its name as in DevTools' Performance panel",
      '(bench/trace.mjs): scripting (FunctionCall, RunMicrotasks, EventDispatch, TimerFire, V8 compile',
      'and GC...), style (UpdateLayoutTree), layout, paint (PrePaint, Paint, Layerize, Commit), other',
      '(task overhead, IPC). "Busy" is the sum of those tasks. All are main-thread times under the 4x',
      'throttle (roughly 4x what this machine takes unthrottled). "Load" is the same from before the',
      'navigation to the held moment: HTML parsing, compiling and running the bundle, defining the',
      'elements and rendering all 50 in their loading state.',
      '',
      'CDP `Performance.getMetrics` `ScriptDuration` deltas over the same interval are shown for',
      'comparison: they miss the work done in microtasks (the fetch continuation and every Lit update',
      'run as microtasks) and so undercount badly here; the trace is the figure to read.',
      '',
      `Median of ${s.runs} runs (range), ms, CPU 4x:`,
      '',
      '| phase | scripting | style | layout | paint | other | busy | getMetrics ScriptDuration |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      `| render from the response (goal scripting <= 30 ms) | ${ms(s.render.scripting)} | ${ms(s.render.style)} | ${ms(s.render.layout)} | ${ms(s.render.paint)} | ${ms(s.render.other)} | ${ms(s.render.busy)} | ${ms(s.render.metricsScript)} |`,
      `| load: parse + bundle + define + 50 loading renders | ${ms(s.load.scripting)} | ${ms(s.load.style)} | ${ms(s.load.layout)} | ${ms(s.load.paint)} | ${ms(s.load.other)} | ${ms(s.load.busy)} | ${ms(s.load.metricsScript)} |`,
      '',
      `Wall time from the release to the 50th render plus two frames: ${ms(s.render.wall)} ms.`,
      `Requests per run: ${s.requests.join('/')}. Widgets in their loading state when the answer was released: ${s.loadingBefore}/50 (minimum over runs).`,
      ...(s.sameProcess ? [] : ['Note: in some run the fixture loaded in a new renderer process.']),
      '',
      `Long tasks (> 50 ms) while rendering from the response: PerformanceObserver \`longtask\` in the page (which runs no other script) saw ${longR.length} in ${s.longRender.filter((l) => l.length).length}/${s.runs} runs${longR.length ? ` (median ${fmt(median(longR.map((t) => t.duration)))} ms, longest ${fmt(Math.max(...longR.map((t) => t.duration)))} ms)` : ''}; the trace, ${traceR.length} in ${s.traceLongRender.filter((l) => l.length).length}/${s.runs} runs${worst ? `; the longest, ${fmt(worst.duration, 1)} ms: scripting ${fmt(worst.scripting, 1)}, style ${fmt(worst.style, 1)}, layout ${fmt(worst.layout, 1)}, paint ${fmt(worst.paint, 1)}, other ${fmt(worst.other, 1)}` : ''}.`,
      `During load: ${longL.length} long tasks in ${s.longLoad.filter((l) => l.length).length}/${s.runs} runs${longL.length ? ` (median ${fmt(median(longL.map((t) => t.duration)))} ms, longest ${fmt(Math.max(...longL.map((t) => t.duration)))} ms)` : ''}.`,
      '',
    );
  }

  if (r.profile && !r.profile.failed) {
    const pr = r.profile;
    p(
      '### Where the render-from-response time goes',
      '',
      `The same held-response measurement on an unminified build of the same sources (vite.script.config.ts`,
      'with minify off, built to a temp dir), under the V8 sampling profiler (100 µs) at 4x: self time',
      `per function, mean of ${pr.runs} runs, from release to the 50th render plus two frames (${fmt(pr.sampledMs, 1)} ms sampled`,
      'per run; `(program)` is native work outside JS such as style, layout and paint, `(idle)` is',
      'waiting). The profiler adds overhead: read shares, not absolute figures.',
      '',
      '| function | module | self ms per run (4x) | share |',
      '|---|---|---:|---:|',
      ...pr.rows.map(
        (x) => `| ${x.fn} | ${x.where || ''} | ${fmt(x.ms, 1)} | ${fmt(x.share * 100, 0)}% |`,
      ),
      '',
    );
  }

  if (r.cls && !r.cls.failed) {
    p(
      '## 4. Layout shift caused by the widgets',
      '',
      'The product page fixture: system fonts, fixed-size media, no other script, and text directly',
      'under every widget (the description under the button and date, a price and a line under each',
      "badge), so any change of a widget's size moves something. One `<order-button>`, one",
      '`<expected-date>`, 48 badges; `data-retries="0"` and the default fallback. The viewport holds the',
      'whole page (desktop) or the product and the first related cards (mobile).',
      '',
      'CLS is the worst session window (gap < 1 s, span < 5 s) of `layout-shift` entries without recent',
      'input, from a PerformanceObserver installed before the page runs, read 1 s after the last widget',
      'rendered. "Resizes" counts widgets whose border box changed height after the first paint',
      '(ResizeObserver from parse time; an element parsed before the first paint but defined after it',
      'counts as growing from nothing): it shows a widget growing even where no visible content moved.',
      '',
      "Script loading: the bars use the README's tag (`defer`) with the script arriving after the first",
      `paint (served 500 ms late, as from a CDN: deterministic, where a script served at once from`,
      'localhost races the first paint). "Blocking in head" defines the elements before the first paint',
      'and so isolates what data arrival does. The control is the fixture with no script.' +
        (CHECK ? '' : ' The last rows add the page CSS proposed below for undefined elements.'),
      '',
      '| viewport | script | endpoint | CLS | shift entries | widget resizes | rendered / fallbacks | bar |',
      '|---|---|---|---:|---:|---:|---:|---|',
    );
    for (const row of r.cls)
      p(
        `| ${row.viewport} | ${row.load} | ${row.case} | ${row.cls.toFixed(3)} | ${row.shifts.length} | ${row.resized.length} | ${row.rendered} / ${row.failed} | ${row.bar ? (row.cls < 0.0005 ? 'met' : '**missed**') : 'info'} |`,
      );
    p('');
    const withErrors = r.cls.filter((row) => row.pageErrors);
    if (withErrors.length)
      p(
        `Uncaught page errors in: ${withErrors.map((row) => `${row.viewport} ${row.load} ${row.case} (${row.pageErrors})`).join(', ')}.`,
        '',
      );
    const shifted = r.cls.filter((row) => row.shifts.length || row.resized.length);
    if (shifted.length) {
      p('Where the shifts come from (page time in ms from navigation start):', '');
      for (const row of shifted) {
        p(
          `- **${row.viewport}, script ${row.load}, endpoint ${row.case}**: first contentful paint ${fmt(row.fcp)} ms, elements defined at ${fmt(row.defined)} ms`,
        );
        for (const s of row.shifts.slice(0, 3))
          p(
            `  - shift ${s.value.toFixed(4)} at ${fmt(s.t)} ms, moved: ${s.sources
              .slice(0, 3)
              .map((x) => `${x.node} y ${fmt(x.from[1])}→${fmt(x.to[1])}`)
              .join('; ')}`,
          );
        if (row.shifts.length > 3) p(`  - … ${row.shifts.length - 3} more entries`);
        const groups = new Map();
        for (const z of row.resized) {
          const key = `${z.who.replace(/\[sku=[^\]]*\]/, '')} ${fmt(z.from, 1)}→${fmt(z.to, 1)} px (${z.state})`;
          const g = groups.get(key) ?? { n: 0, t: [] };
          g.n++;
          g.t.push(z.t);
          groups.set(key, g);
        }
        for (const [key, g] of groups)
          p(
            `  - ${g.n}× ${key} at ${fmt(Math.min(...g.t))}${g.t.length > 1 ? `–${fmt(Math.max(...g.t))}` : ''} ms`,
          );
      }
      p('');
    }
  }

  if (r.repeat && !r.repeat.failed) {
    const { fresh, stale, n } = r.repeat;
    p(
      '## 5. Repeat view within the cache TTL',
      '',
      `The collection page with ${n} badges (batched endpoint). After every badge rendered, the bench`,
      'removes them all, waits 50 ms and puts the same nodes back; then replaces them with new',
      'elements for the same SKUs; then reloads the page. Requests counted at the server; "at once" means rendered',
      "(a status, no `loading`) when the element's first update completed. `PreorderElements.refresh()`",
      'is not used.',
      '',
      '| view | requests | rendered at once |',
      '|---|---:|---:|',
      `| first view | ${fresh.first} | |`,
      `| repeat, same nodes (cacheTtl 60 s) | ${fresh.repeat} | ${fresh.sameNodes}/${n} |`,
      `| repeat, new elements, same SKUs (cacheTtl 60 s) | (in the line above) | ${fresh.newNodes}/${n} |`,
      `| repeat after 1.5 s with cacheTtl 1 s (stale) | ${stale.repeat} (background refresh) | ${stale.atOnce}/${n} |`,
      `| the page reloaded (cacheTtl 60 s, records from localStorage) | ${fresh.reloaded ?? 'n/a'} | |`,
      '',
    );
  }

  if (r.memory && !r.memory.failed) {
    const m = r.memory;
    const kib = (b) => `${fmt(b / 1024)} KiB`;
    const listOf = (items) =>
      items.slice(0, 5).map(
        (x) =>
          `  - ${x.kind ?? `${x.target} "${x.type}"`}${x.delay !== undefined ? ` ${x.delay} ms` : ''}: ${
            x.stack
              .split('\n')
              .find((l) => l.includes('preorder-elements'))
              ?.trim() ?? ''
          }`,
      );
    p(
      '## 6. Memory after attaching and removing 10,000 elements',
      '',
      `A blank page (bench/pages/memory.html) with the script tag (endpoint answering after 20 ms).`,
      `${fmt(m.total)} elements (badge, button and date in turn, each its own SKU) in batches of ${m.perBatch}: even`,
      'batches are removed after every element rendered, odd batches 5 ms after being attached (their',
      'request queued or in flight). Then 1.5 s of quiet, and CDP `HeapProfiler.collectGarbage` (twice)',
      'before `Runtime.getHeapUsage` and `Memory.getDOMCounters`, the same as before the first batch.',
      'An init script wraps setTimeout/setInterval/clearTimeout/clearInterval and add/removeEventListener',
      'on window and document, recording the stack of each; live ones created from the bundle are',
      'counted (a `once` listener counts as gone once it fired).',
      '',
      `| | before any element | after ${fmt(m.warm.elements)} (warm) | after ${fmt(m.mid?.elements)} | after ${fmt(m.total)} | ${fmt(m.total)} vs warm |`,
      '|---|---:|---:|---:|---:|---:|',
      ...[
        ['JS heap used', (x) => x.heap, kib],
        ['DOM nodes', (x) => x.dom.nodes, fmt],
        ['JS event listeners (all targets)', (x) => x.dom.jsEventListeners, fmt],
        ['documents', (x) => x.dom.documents, fmt],
        ['live timers from the library', (x) => x.live.timers.length, fmt],
        ['live window/document listeners from the library', (x) => x.live.listeners.length, fmt],
      ].map(
        ([label, get, f]) =>
          `| ${label} | ${f(get(m.before))} | ${f(get(m.warm))} | ${m.mid ? f(get(m.mid)) : 'n/a'} | ${f(get(m.after))} | ${f(get(m.after) - get(m.warm))} |`,
      ),
      '',
      `${m.renderedCount} elements rendered before removal; ${m.requests} requests in all; ${seconds(m.attachMs)} for the ${fmt(m.total / m.perBatch)} batches.`,
      '"Warm" is after the first two batches: compiled code, Lit\'s template cache, the formatters and',
      "the store's cache of up to 500 records for SKUs no element shows (by design, src/data/store.ts)",
      'are all in place, so growth from there on is what more elements leave behind. The second',
      "document is the inert one Lit's `<template>` parsing creates, once.",
      '',
    );
    if (m.after.live.timers.length)
      p('Live timers after removal:', ...listOf(m.after.live.timers), '');
    if (m.after.live.listeners.length)
      p('Live listeners after removal:', ...listOf(m.after.live.listeners), '');
  }

  p('## 7. Lighthouse', '');
  if (!LIGHTHOUSE) {
    p(
      'Not run (`npm run bench -- --lighthouse`, after `npm i --prefix /tmp/lh lighthouse@12.2.3`).',
      '',
    );
  } else if (r.lighthouse?.skipped) {
    p(`Not run: ${r.lighthouse.skipped}`, '');
  } else if (r.lighthouse?.failed) {
    p('Could not run here:', '', '```', r.lighthouse.failed.slice(0, 1500), '```', '');
  } else if (r.lighthouse) {
    const lh = r.lighthouse;
    p(
      `Lighthouse ${lh.version} (default mobile preset, simulated throttling) against the product page`,
      `fixture, performance category only, ${lh.runs} runs each, medians; served from 127.0.0.1 with the`,
      `endpoint answering after ${LATENCY} ms. Without the widgets: the same page with no script tag and no widget tags.`,
      '',
      '| page | performance score (runs) | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | LCP element |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const row of lh.rows)
      p(
        `| ${row.name} | ${fmt(row.score)} (${row.scores.map((x) => fmt(x)).join(', ')}) | ${fmt(row.fcp)} | ${fmt(row.lcp)} | ${fmt(row.tbt)} | ${fmt(row.cls, 3)} | ${fmt(row.si)} | ${row.lcpElements.map((x) => `\`${x.replaceAll('|', '\\|')}\``).join(', ')} |`,
      );
    const observed = (load) =>
      r.cls?.find?.((x) => x.viewport.startsWith('mobile') && x.load === load && x.lcp);
    const withW = observed(`deferred, +500 ms`);
    const without = observed('no script (control)');
    if (withW && without)
      p(
        '',
        `Lighthouse's LCP is simulated (Lantern) from the trace's dependency graph. Observed in the bench's own runs (section 4, mobile), LCP is \`${withW.lcp.who}\` at ${fmt(withW.lcp.t)} ms with the widgets (fast endpoint) and \`${without.lcp.who}\` at ${fmt(without.lcp.t)} ms without the script.`,
      );
    const warnings = lh.rows.flatMap((row) => row.warnings);
    if (warnings.length) p('', `Lighthouse warnings: ${[...new Set(warnings)].join('; ')}`);
    const errored = [...new Set(lh.rows.flatMap((row) => row.errored))];
    if (errored.length)
      p(
        '',
        `Audits that errored with this Chromium (they do not enter the score, which is computed from the metrics above): ${errored.map((e) => `\`${e.replaceAll('|', '/')}\``).join('; ')}.`,
      );
    p('');
  }
  p(
    '## Running it',
    '',
    '```sh',
    'npm run build',
    'npm run bench                  # full run, writes this file',
    'npm run bench -- --check       # CI: fewer timing runs, exits 1 when a hard bar is missed',
    'npm i --prefix /tmp/lh lighthouse@12.2.3 && npm run bench -- --lighthouse',
    '```',
    '',
    'On this 2-core machine a full run takes about 4 minutes (Lighthouse adds about 2), `--check`',
    'about 1.5 minutes. `CHROME_PATH` overrides /usr/bin/chromium; `--network-runs`, `--scripting-runs`,',
    '`--profile-runs`, `--lighthouse-runs` and `--memory-elements` override the counts.',
    '',
  );
  return L.join('\n');
}

/** The headline figures, each bar missed with where it comes from, and a proposed fix. */
function findings() {
  const r = results;
  const out = [];
  if (r.network && !r.network.failed) {
    const rows = r.network;
    const last = rows.at(-1);
    out.push(
      `- **Requests:** ${rows.map((x) => [...new Set(x.batched.requests)].join('/')).join(' / ')} batched requests for ${rows.map((x) => x.n).join(' / ')} widgets of as many SKUs, against ${rows.map((x) => [...new Set(x.baseline.requests)].join('/')).join(' / ')} with one request per widget. At ${LATENCY} ms latency the last of ${last.n} widgets renders at ${fmt(median(last.batched.last))} ms batched vs ${fmt(median(last.baseline.last))} ms (ratio ${fmt(last.ratio, 2)}); for 48, ${fmt(rows.find((x) => x.n === 48)?.ratio, 2)}.`,
    );
  }
  if (r.scripting && !r.scripting.failed) {
    const s = r.scripting;
    const longRuns = s.traceLongRender.filter((l) => l.length).length;
    const longest = s.traceLongRender.flat().map((t) => t.duration);
    let line = `- **Scripting, 48 badges + button + date from one response, CPU 4x:** ${fmt(s.render.scripting.median, 1)} ms median (goal <= 30 ms: ${s.render.scripting.median <= 30 ? 'met' : '**missed**'}), main thread busy ${fmt(s.render.busy.median, 1)} ms; a long task (> 50 ms) in ${longRuns}/${s.runs} runs${longest.length ? ` (median ${fmt(median(longest))} ms, nearly all scripting: the whole response is handled in one task)` : ''} (goal: none: ${longRuns ? '**missed**' : 'met'}).`;
    if (r.profile && !r.profile.failed) {
      const js = r.profile.rows.filter((x) => x.where && !x.fn.startsWith('('));
      line += ` Largest JavaScript self time in the profile: ${js
        .slice(0, 3)
        .map((x) => `\`${x.fn}\` (${x.where}) ${fmt(x.share * 100, 0)}%`)
        .join(
          ', ',
        )}. For scale, the first \`Intl.DateTimeFormat\` in a page costs ${fmt(r.profile.platform.firstIntl, 1)} ms at 4x wherever it is made, and the first \`localStorage\` read ${fmt(r.profile.platform.localStorage, 1)} ms.`;
    }
    out.push(line);
    if (longRuns || s.render.scripting.median > 30)
      out.push(
        "  Proposed: take the one-time costs out of the response task: create the date formatters (and read the shown-dates memory) while the request is in flight (e.g. in the store's flush, or an idle callback after the first element connects); at 4x that first `Intl.DateTimeFormat` is a long task by itself, so to have none at all the first render must not need one (the wall clock in the shopper's own zone from `Date` getters; `Intl` only once a store `timeZone` is set or a date is shown, created in idle time). Then deliver a large batch to its listeners in slices (yield to the event loop every ~10 elements, `scheduler.yield()` where available) so no task passes 50 ms at 4x.",
      );
  }
  if (r.cls && !r.cls.failed) {
    const bars = r.cls.filter((x) => x.bar);
    const missed = bars.filter((x) => x.cls >= 0.0005);
    const blocking = r.cls.filter((x) => x.load === 'blocking in head');
    const reserved = r.cls.filter((x) => x.load.includes(':not(:defined)'));
    out.push(
      `- **CLS:** ${bars.map((x) => `${x.cls.toFixed(3)}`).join(' / ')} (${bars.map((x) => `${x.viewport.split(' ')[0]} ${x.case.split(' ')[0]}`).join(' / ')}) with the deferred script arriving after the first paint; ${blocking.map((x) => x.cls.toFixed(3)).join(' / ')} with a blocking script (elements defined before the first paint).`,
    );
    const upgradeOnly =
      missed.length > 0 &&
      missed.every(
        (x) => x.resized.length > 0 && x.resized.every((z) => /undefined|no box/.test(z.state)),
      ) &&
      blocking.every((x) => x.cls < 0.0005 && x.resized.length === 0);
    if (upgradeOnly) {
      const sizes = new Map();
      for (const z of missed.flatMap((x) => x.resized)) sizes.set(z.who.split(/[[.#\s]/)[0], z.to);
      out.push(
        `  Where it comes from: the elements' upgrade, not data. They are parsed before the first paint and, while undefined, are empty inline elements with no box; when the deferred script defines them they take their reserved loading space at once (${[...sizes].map(([tag, h]) => `${tag} ${fmt(h, 1)} px`).join(', ')}), pushing the text below them down (one shift, at the moment the elements are defined). Data arriving fast, after 3 s or not at all moves nothing (the blocking-script rows: 0 shifts, 0 resizes).` +
          (reserved.length && reserved.every((x) => x.cls < 0.0005)
            ? ' With page CSS that gives undefined elements the same space (below), every case measures 0.000.'
            : ''),
        '  Proposed: the library cannot act before its script runs, so the space has to come with the page: document (README, script-tag section) and ship in the app block / theme snippet a few lines of CSS mirroring the `:host` sizes, or recommend the script without `defer` in `<head>` (it blocks rendering for its ~22 kB gzip). The CSS the bench uses:',
        '',
        '  ```css',
        ...RESERVE_CSS.replace(/<\/?style>/g, '')
          .trim()
          .split('\n')
          .map((l) => `  ${l}`),
        '  ```',
      );
    } else if (missed.length) {
      out.push('  See section 4 for the shift entries and the widgets that changed size.');
    }
  }
  if (r.repeat && !r.repeat.failed) {
    out.push(
      `- **Repeat view within cacheTtl:** ${r.repeat.fresh.repeat} requests (first view ${r.repeat.fresh.first}); a stale repeat view renders ${r.repeat.stale.atOnce}/${r.repeat.n} at once and refreshes with ${r.repeat.stale.repeat} background request.`,
    );
  }
  if (r.memory && !r.memory.failed) {
    const m = r.memory;
    out.push(
      `- **Memory:** after attaching and removing ${fmt(m.total)} elements the heap is ${fmt((m.after.heap - m.before.heap) / 1024)} KiB above the empty page and ${fmt((m.after.heap - m.warm.heap) / 1024)} KiB above the warm state after ${fmt(m.warm.elements)} (${fmt((m.after.heap - m.mid.heap) / 1024)} KiB between ${fmt(m.mid.elements)} and ${fmt(m.total)}: bounded, no per-element growth); ${m.after.live.timers.length} live timers and ${m.after.live.listeners.length} window/document listeners left by the library; DOM nodes and JS listeners back to the warm count.`,
    );
  }
  if (r.size?.text) {
    const line = r.size.text.split('\n').find((l) => l.startsWith('script-tag bundle'));
    if (line) out.push(`- **Size:** ${line} (checked by \`npm run size\`, not here).`);
  }
  if (r.lighthouse?.rows) {
    out.push(
      `- **Lighthouse ${r.lighthouse.version}:** performance ${r.lighthouse.rows.map((x) => `${fmt(x.score)} ${x.name}`).join(', ')}.`,
    );
  }
  return out;
}
