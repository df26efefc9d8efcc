// 4. Layout shift caused by the widgets, with the endpoint fast, slow and failing.
import { setTimeout as sleep } from 'node:timers/promises';
import { batched, productPage, scriptTag } from '../fixtures.mjs';
import { fmt } from '../format.mjs';
import { cls, RESERVE_CSS, resizes } from '../layout-shift.mjs';
import { CHECK, SLOW } from '../options.mjs';
import { layoutProbe, renderProbe } from '../probes.mjs';

export const name = 'cls';

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage, bar } = bench;
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
          load: `deferred, +${LATE} ms, preorder-elements.css inline`,
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
      const script = c.endpoint
        ? scriptTag({
            endpoint: c.endpoint(id),
            data: { retries: 0 },
            delay: c.delay ?? 0,
            defer: c.defer ?? true,
          })
        : '';
      const url = server.registerPage('product.html', id, productPage((c.css ?? '') + script));
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
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
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
  for (const row of results.cls)
    p(
      `| ${row.viewport} | ${row.load} | ${row.case} | ${row.cls.toFixed(3)} | ${row.shifts.length} | ${row.resized.length} | ${row.rendered} / ${row.failed} | ${row.bar ? (row.cls < 0.0005 ? 'met' : '**missed**') : 'info'} |`,
    );
  p('');
  const withErrors = results.cls.filter((row) => row.pageErrors);
  if (withErrors.length)
    p(
      `Uncaught page errors in: ${withErrors.map((row) => `${row.viewport} ${row.load} ${row.case} (${row.pageErrors})`).join(', ')}.`,
      '',
    );
  const shifted = results.cls.filter((row) => row.shifts.length || row.resized.length);
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

/** Its lines in the findings. */
export function findings(out, results) {
  const bars = results.cls.filter((x) => x.bar);
  const missed = bars.filter((x) => x.cls >= 0.0005);
  const blocking = results.cls.filter((x) => x.load === 'blocking in head');
  const reserved = results.cls.filter((x) => x.load.includes('preorder-elements.css'));
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
