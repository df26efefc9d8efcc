// First contentful paint of the product page with and without our stylesheet
// and script (issue 15), side by side in one run at 1x and 4x CPU, and the ways
// of including them, to find what delays the first paint.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { batched, productPage, scriptTag, STYLESHEET } from '../fixtures.mjs';
import { fmt, median, range } from '../format.mjs';
import { cls } from '../layout-shift.mjs';
import { BUNDLE, LATENCY, option, RUNS } from '../options.mjs';
import { layoutProbe, renderProbe } from '../probes.mjs';

export const name = 'fcp';

const GOAL = 1.05;
const RATES = [1, 4];
const CSS = 'dist/preorder-elements.css';

const SNIPPET = 'dist/preorder-elements.reserved.html';
/** The build's <style> snippet for a theme's <head> (the stylesheet's rules, inline). */
const inlineStyle = () => readFileSync(SNIPPET, 'utf8');
const PRELOAD = `<link rel="preload" as="style" href="/${CSS}" onload="this.onload=null;this.rel='stylesheet'" />`;

/**
 * Each way of including the library: [label, (endpoint) => {stylesheet, script}].
 * The first is the page without it (no stylesheet, no script, no widget tags).
 */
const variants = () => {
  const style = inlineStyle();
  const tag = (endpoint, extra) => scriptTag({ endpoint, ...extra });
  return [
    ['without (no stylesheet, no script, no widget tags)', null],
    ['README: `<link rel=stylesheet>` + `<script defer>`', (e) => [STYLESHEET, tag(e)]],
    ['stylesheet link only (no script)', () => [STYLESHEET, '']],
    ['`<script defer>` only (no stylesheet)', (e) => ['', tag(e)]],
    [
      'rules inlined (`preorder-elements.reserved.html`) + `<script defer>`',
      (e) => [style, tag(e)],
    ],
    ['preloaded sheet (non-blocking) + `<script defer>`', (e) => [PRELOAD, tag(e)]],
    [
      '`<link rel=stylesheet>` + `<script async>`',
      (e) => [STYLESHEET, asyncTag(tag(e, { defer: false }))],
    ],
    [
      'rules inlined + script added after the first frame (rAF + task)',
      (e) => [style, afterPaint(tag(e))],
    ],
    ['`<script>` blocking in `<head>`, no stylesheet', (e) => ['', tag(e, { defer: false })]],
    // A control: the theme's markup with the tags in it, inert (what the library's files add is the rest).
    ['widget tags only (no stylesheet, no script)', () => ['', '']],
  ];
};
const asyncTag = (tag) => tag.replace('></script>', ' async></script>');
/**
 * The same script tag, written into the page by an inline script after the first
 * animation frame and a task: a stand-in for a script that defines the elements
 * only after the first paint (the first frame can come before any content does).
 */
const afterPaint = (tag) => {
  const [, src, attrs] = /<script src="([^"]+)"([^>]*?)(?: defer)?><\/script>/.exec(tag);
  const data = [...attrs.matchAll(/ data-([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]);
  return `<script>requestAnimationFrame(() => setTimeout(() => { const s = document.createElement('script'); s.src = ${JSON.stringify(src)}; ${data.map(([k, v]) => `s.setAttribute(${JSON.stringify(`data-${k}`)}, ${JSON.stringify(v.replaceAll('&amp;', '&').replaceAll('&quot;', '"'))});`).join(' ')} document.head.append(s); }));</script>`;
};

/** What the page knew of its own loading, read after the last widget rendered. */
function timings() {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = (part) =>
    performance.getEntriesByType('resource').find((e) => e.name.includes(part)) ?? null;
  const css = res('preorder-elements.css');
  const js = res('preorder-elements.js');
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  return {
    fcp,
    afterHtml: fcp - nav.responseEnd,
    last: window.__bench.last,
    domInteractive: nav.domInteractive,
    dcl: nav.domContentLoadedEventEnd,
    dclStart: nav.domContentLoadedEventStart,
    cssEnd: css ? css.responseEnd : null,
    cssBlocking: css ? css.renderBlockingStatus : null,
    jsEnd: js ? js.responseEnd : null,
    defined: Math.max(0, ...Object.values(window.__bench.defined ?? {})),
    shifts: window.__bench.shifts,
    rendered: window.__bench.changes,
  };
}

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage } = bench;
  // `--fcp-variants 0,1,4` measures only those (by index; 0, the page without the library, always).
  const only = option('--fcp-variants')?.split(',').map(Number);
  const list = variants().filter((_, i) => !only || i === 0 || only.includes(i));
  const samples = {}; // `${rate}|${label}` -> timings[]
  // One untimed load first: the first pages of a fresh browser are slower.
  const warm = server.registerPage(
    'product.html',
    'fcp-warm-up',
    productPage(scriptTag({ endpoint: batched('fcp-warm-up') })),
  );
  await withPage({ probes: [renderProbe] }, async (page) => {
    await page.goto(warm);
    await page.evaluate(() => window.__bench.allDone(50));
  });
  for (let r = 0; r < RUNS.fcp; r++) {
    for (const rate of RATES) {
      // Interleaved: each run rotates the order, so drift over the run hits every variant alike.
      const order = list.map((_, i) => list[(i + r) % list.length]);
      for (const [label, make] of order) {
        const id = `fcp-${rate}-${r}-${list.findIndex((v) => v[0] === label)}`;
        const endpoint = batched(id, `&delay=${LATENCY}`);
        const [stylesheet, script] = make ? make(endpoint) : ['', ''];
        const url = server.registerPage('product.html', id, {
          ...productPage(script, Boolean(make)),
          STYLESHEET: stylesheet,
        });
        const t = await withPage(
          { viewport: { width: 1280, height: 1500 }, probes: [renderProbe, layoutProbe] },
          async (page, errors, context) => {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate });
            await page.goto(url);
            if (make && script) await page.evaluate(() => window.__bench.allDone(50));
            await page.waitForFunction(
              () => performance.getEntriesByName('first-contentful-paint').length,
            );
            await sleep(500); // a late shift would show here
            return { ...(await page.evaluate(timings)), errors: errors.length };
          },
        );
        (samples[`${rate}|${label}`] ??= []).push(t);
      }
    }
    console.log(`  run ${r + 1}/${RUNS.fcp} done`);
  }
  const rows = [];
  for (const rate of RATES) {
    const base = median(samples[`${rate}|${list[0][0]}`].map((t) => t.fcp));
    for (const [label, make] of list) {
      const s = samples[`${rate}|${label}`];
      const fcp = s.map((t) => t.fcp);
      const row = {
        rate,
        label,
        baseline: !make,
        fcp,
        ratio: median(fcp) / base,
        // Same-run ratios per run: each run's FCP against that run's page without the library.
        perRun: fcp.map((x, i) => x / samples[`${rate}|${list[0][0]}`][i].fcp),
        afterHtml: median(s.map((t) => t.afterHtml)),
        afterHtmlRatio:
          median(s.map((t) => t.afterHtml)) /
          median(samples[`${rate}|${list[0][0]}`].map((t) => t.afterHtml)),
        last: median(s.map((t) => t.last)),
        domInteractive: median(s.map((t) => t.domInteractive)),
        dcl: median(s.map((t) => t.dcl)),
        cssEnd: median(s.filter((t) => t.cssEnd !== null).map((t) => t.cssEnd)),
        cssBlocking: [...new Set(s.map((t) => t.cssBlocking).filter(Boolean))].join('/'),
        jsEnd: median(s.filter((t) => t.jsEnd !== null).map((t) => t.jsEnd)),
        defined: median(s.map((t) => t.defined)),
        definedBeforePaint: s.filter((t) => t.defined && t.defined <= t.fcp).length,
        // A deferred script runs between domInteractive and DOMContentLoaded: painted before it?
        paintedBeforeDcl: s.filter((t) => t.fcp < t.dclStart).length,
        cls: Math.max(...s.map((t) => cls(t.shifts))),
        rendered: Math.min(...s.map((t) => t.rendered)),
        errors: s.reduce((a, t) => a + t.errors, 0),
        runs: s.length,
      };
      rows.push(row);
      console.log(
        `  ${rate}x ${label}: FCP ${fmt(median(fcp), 1)} ms (${range(fcp, 1)}), ratio ${fmt(row.ratio, 3)}, CLS ${row.cls.toFixed(3)}`,
      );
    }
  }
  return { rows };
}

const verdict = (row) =>
  row.baseline ? '' : row.ratio <= GOAL && row.cls < 0.0005 ? 'met' : '**missed**';

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
  const { rows } = results.fcp;
  p(
    '## First contentful paint, with and without the library',
    '',
    'The product page fixture (1280×1500, system fonts: no web font is loaded by the page or the',
    `library) with \`${CSS}\` and \`${BUNDLE}\` included in each way below, against the same page`,
    'without them (no stylesheet, no script, no widget tags), all in the same run: a fresh browser',
    'context per load, the variants interleaved (each run rotates their order), at CPU 1x and 4x.',
    `FCP is the \`first-contentful-paint\` paint timing entry; the endpoint answers after ${LATENCY} ms;`,
    'CLS (worst over runs) is read 500 ms after the last widget rendered. The ratio is the',
    "variant's median FCP over the page without the library's (per run in brackets: min–max of each",
    `run's own ratio). Goal: ratio <= ${GOAL} with CLS 0.000. The machine's 2 cores are shared with`,
    `other work. "FCP after the HTML arrived" is FCP less the navigation's \`responseEnd\` (the page's`,
    'own part, without the server and network time both pages share). "Last widget" is the page time',
    'of the last `availability-change`. "Elements defined" is when the last tag was defined, with the',
    `runs in which that came before the first paint. Median of ${rows[0].runs} runs (range), ms from navigation start:`,
    '',
    '| CPU | page | FCP (ms) | ratio (per run) | FCP after the HTML arrived (ratio) | CLS | DOM interactive | DOMContentLoaded end (runs painted before it started) | CSS response end (blocking) | script response end | elements defined (before FCP) | last widget | goal |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const row of rows) {
    p(
      `| ${row.rate}x | ${row.label} | ${fmt(median(row.fcp), 1)} (${range(row.fcp, 1)}) | ${fmt(row.ratio, 3)} (${range(row.perRun, 2)}) | ${fmt(row.afterHtml, 1)} (${fmt(row.afterHtmlRatio, 2)}) | ${row.cls.toFixed(3)} | ${fmt(row.domInteractive, 1)} | ${fmt(row.dcl, 1)} (${row.paintedBeforeDcl}/${row.runs}) | ${Number.isFinite(row.cssEnd) ? `${fmt(row.cssEnd, 1)} (${row.cssBlocking || 'n/a'})` : ''} | ${Number.isFinite(row.jsEnd) ? fmt(row.jsEnd, 1) : ''} | ${row.defined ? `${fmt(row.defined, 1)} (${row.definedBeforePaint}/${row.runs})` : ''} | ${row.last ? fmt(row.last) : ''} | ${verdict(row)} |`,
    );
  }
  const errors = rows.reduce((a, r) => a + r.errors, 0);
  p('', `Uncaught page errors: ${errors}.`, '');
}

/** Its lines in the findings. */
export function findings(out, results) {
  const { rows } = results.fcp;
  const readme = rows.filter((r) => r.label.startsWith('README'));
  const meeting = RATES.map((rate) =>
    rows.filter((r) => r.rate === rate && !r.baseline && verdict(r) === 'met').map((r) => r.label),
  );
  const both = meeting[0].filter((l) => meeting[1].includes(l));
  out.push(
    `- **First contentful paint:** with the README's stylesheet link and deferred script, same-run FCP ratio ${readme.map((r) => `${fmt(r.ratio, 3)} at ${r.rate}x`).join(', ')} (goal <= ${GOAL}: ${readme.every((r) => verdict(r) === 'met') ? 'met' : '**missed**'}), CLS ${readme.map((r) => r.cls.toFixed(3)).join(' / ')}. Meeting the ratio with CLS 0.000 at both rates: ${both.length ? both.join('; ') : 'none'} (see the FCP section).`,
  );
}
