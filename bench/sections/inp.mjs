// Interaction to next paint on the product page at 4x CPU (issue 15): a variant
// switch the <order-button sku-from> follows, and opening the tooltip, by real
// input (Playwright's mouse, keyboard and touch), read from the Event Timing API.
import { setTimeout as sleep } from 'node:timers/promises';
import { batched, productPage, scriptTag } from '../fixtures.mjs';
import { fmt, median, range } from '../format.mjs';
import { LATENCY, RUNS } from '../options.mjs';
import { renderProbe } from '../probes.mjs';

export const name = 'inp';

const GOAL_MS = 100;
const RATE = 4;
const VARIANTS = [
  ['pre-lamp-brass', 'Brass'],
  ['back-lamp-black', 'Black'],
  ['in-lamp-white', 'White'],
];

/**
 * A theme's variant picker: radios, and the theme's script writing the chosen
 * variant into the form's `input[name=id]` with a change event (as Dawn does).
 */
const PICKER =
  `<fieldset class="variant" style="border:0;padding:0">${VARIANTS.map(
    ([sku, label], i) =>
      `<label><input type="radio" name="variant" value="${sku}"${i ? '' : ' checked'} /> ${label}</label>`,
  ).join('')}</fieldset>` +
  `<script>document.querySelector('fieldset.variant').addEventListener('change', (e) => {` +
  `const id = e.target.form.elements.id; id.value = e.target.value;` +
  `id.dispatchEvent(new Event('change', { bubbles: true })); });</script>`;

const WIDGETS =
  '<order-button sku-from="input[name=id]"></order-button>\n<expected-date sku-from="input[name=id]"></expected-date>';

/** Every Event Timing entry of 16 ms or more, from before the page runs. */
export function eventTimingProbe() {
  const bench = (window.__bench ??= {});
  bench.events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.events.push({
        name: e.name,
        id: e.interactionId,
        start: e.startTime,
        duration: e.duration,
        processingStart: e.processingStart,
        processingEnd: e.processingEnd,
      });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

/**
 * Runs a real input and returns its interaction: INP = the longest entry with
 * its interactionId (null: no entry of 16 ms or more, so under 16 ms).
 */
async function interaction(page, act) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  // Entries are queued once the next frame is presented: two frames and a margin under 4x.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
  await sleep(300);
  const entries = await page.evaluate(
    (t0) => window.__bench.events.filter((e) => e.start >= t0),
    t0,
  );
  const own = entries.filter((e) => e.id > 0);
  if (!own.length)
    return { inp: null, delay: null, processing: null, presentation: null, types: [] };
  // The longest entry's phases (as web-vitals attributes INP): input delay, handlers, then until the frame.
  const worst = own.reduce((a, e) => (e.duration > a.duration ? e : a));
  return {
    inp: worst.duration,
    delay: worst.processingStart - worst.start,
    processing: worst.processingEnd - worst.processingStart,
    presentation: Math.max(0, worst.start + worst.duration - worst.processingEnd),
    longest: worst.name,
    types: [...new Set(own.map((e) => e.name))],
  };
}

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  return cdp;
}

/** A real touch tap at the element's centre (what Playwright's tap sends with hasTouch). */
async function tap(page, cdp, selector) {
  const box = await page.locator(selector).boundingBox();
  const touchPoints = [{ x: box.x + box.width / 2, y: box.y + box.height / 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const statusIs = (page, status) =>
  page.waitForFunction(
    (s) => document.querySelector('order-button')?.getAttribute('status') === s,
    status,
    {
      timeout: 10_000,
    },
  );

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage } = bench;
  const runs = [];
  for (let r = 0; r < RUNS.inp; r++) {
    const id = `inp-${r}`;
    const page = productPage(scriptTag({ endpoint: batched(id, `&delay=${LATENCY}`) }));
    const url = server.registerPage('product.html', id, {
      ...page,
      MAIN_WIDGETS: PICKER + WIDGETS,
    });
    const controlUrl = server.registerPage('product.html', `${id}-control`, {
      ...productPage('', false),
      STYLESHEET: '',
      MAIN_WIDGETS: PICKER,
    });
    const options = { probes: [renderProbe, eventTimingProbe] };
    const sample = await withPage(options, async (page, errors, context) => {
      const cdp = await throttled(context, page);
      await page.goto(url);
      await page.evaluate(() => window.__bench.allDone(50));
      await statusIs(page, 'preorder');
      await sleep(500);
      const s = {};
      // (a) A variant switch to a SKU not yet fetched: the elements go to loading and ask for it.
      s.switchNew = await interaction(page, () => page.click('label:has-text("Black")'));
      await statusIs(page, 'backorder');
      await sleep(300);
      // ...and back to one whose record is cached: it renders within the interaction.
      s.switchCached = await interaction(page, () => page.click('label:has-text("Brass")'));
      await statusIs(page, 'preorder');
      await sleep(300);
      // (b) The tooltip: keyboard focus of its trigger (Tab from the button), its first open.
      await page.locator('order-button [part=button]').focus();
      await sleep(200);
      s.tooltipTab = await interaction(page, () => page.keyboard.press('Tab'));
      s.tooltipOpen = await page.locator('order-button [part=info]').getAttribute('aria-expanded');
      await sleep(500); // the positioning chunk loads on first open
      s.tooltipEscape = await interaction(page, () => page.keyboard.press('Escape'));
      await page.locator('order-button [part=button]').focus();
      await sleep(200);
      // ...and a tap on it (touch: pointerdown, pointerup, click), the second open.
      s.tooltipTap = await interaction(page, () => tap(page, cdp, 'order-button [part=info]'));
      s.tapOpen = await page.locator('order-button [part=info]').getAttribute('aria-expanded');
      s.errors = errors.length;
      return s;
    });
    // The same switch on the page without the library: the theme's own cost.
    sample.control = await withPage(options, async (page, errors, context) => {
      await throttled(context, page);
      await page.goto(controlUrl);
      await sleep(800);
      return interaction(page, () => page.click('label:has-text("Black")'));
    });
    runs.push(sample);
    console.log(
      `  run ${r + 1}: switch ${show(sample.switchNew)} / cached ${show(sample.switchCached)}, tooltip tab ${show(sample.tooltipTab)} tap ${show(sample.tooltipTap)}, control ${show(sample.control)} ms`,
    );
  }
  return { runs };
}

const show = (x) => (x.inp === null ? '<16' : fmt(x.inp));

/** The rows of the report: [label, key]. */
const ROWS = [
  ['variant switch to a SKU not fetched yet (click on its radio)', 'switchNew'],
  ['variant switch back to a cached SKU (click)', 'switchCached'],
  ['tooltip open, first: Tab onto its trigger (focus)', 'tooltipTab'],
  ['tooltip close: Escape', 'tooltipEscape'],
  ['tooltip open, second: tap on its trigger', 'tooltipTap'],
  ['control: the same switch without the library (theme script only)', 'control'],
];

/** Median and range over runs; runs under 16 ms (no entry) count as 16 for the median, said so. */
function summary(runs, key) {
  const xs = runs.map((s) => s[key].inp);
  const under = xs.filter((x) => x === null).length;
  const vals = xs.map((x) => x ?? 16);
  const m = median(vals);
  return {
    median: m,
    text: `${under === xs.length ? '< 16' : fmt(m)}${vals.length > 1 ? ` (${range(vals)})` : ''}`,
    under,
    delay: median(runs.map((s) => s[key].delay ?? 0)),
    processing: median(runs.map((s) => s[key].processing ?? 0)),
    presentation: median(runs.map((s) => s[key].presentation ?? 0)),
    types: [...new Set(runs.flatMap((s) => s[key].types))],
  };
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
  const { runs } = results.inp;
  p(
    '## Interaction to next paint (INP), product page, CPU 4x',
    '',
    'The product page fixture with a theme-style variant picker (radios; the theme script writes the',
    "chosen variant into the form's `input[name=id]` and raises `change`, as Dawn does), followed by",
    '`<order-button sku-from="input[name=id]">` and `<expected-date sku-from>`, 48 badges below; the',
    `endpoint answers after ${LATENCY} ms. CPU throttled ${RATE}x (CDP \`Emulation.setCPUThrottlingRate\`),`,
    "real input through Playwright (mouse click on the radio's label, keyboard Tab and Escape, a touch",
    "tap), after every widget rendered. Each interaction's figure is the longest Event Timing entry",
    '(PerformanceObserver `event`, `durationThreshold: 16`) with its `interactionId`: what INP reads.',
    'No entry means under 16 ms (counted as 16 in the median). The control is the same switch on the',
    "page without the library. A fresh browser context per run; the machine's 2 cores are shared",
    'with other work. Input delay, handlers (processingStart to processingEnd) and until the frame',
    '(the rest) are those of the longest entry, medians, ms.',
    `Median of ${runs.length} runs (range), ms; goal <= ${GOAL_MS} ms:`,
    '',
    '| interaction | INP (ms) | runs under 16 ms | input delay | handlers | until the frame | entries | goal |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  );
  for (const [label, key] of ROWS) {
    const s = summary(runs, key);
    p(
      `| ${label} | ${s.text} | ${s.under}/${runs.length} | ${fmt(s.delay, 1)} | ${fmt(s.processing, 1)} | ${fmt(s.presentation, 1)} | ${s.types.join(', ')} | ${key === 'control' ? 'info' : s.median <= GOAL_MS ? 'met' : '**missed**'} |`,
    );
  }
  const notOpen = runs.filter((s) => s.tooltipOpen !== 'true' || s.tapOpen !== 'true').length;
  const ratio = summary(runs, 'switchNew').median / summary(runs, 'control').median;
  p(
    '',
    `Variant switch with the library / without (same run, medians): ${fmt(ratio, 2)}. Tooltip open after the interaction: ${runs.length - notOpen}/${runs.length} runs. Uncaught page errors: ${runs.reduce((a, s) => a + s.errors, 0)}.`,
    '',
  );
}

/** Its lines in the findings. */
export function findings(out, results) {
  const { runs } = results.inp;
  const parts = ROWS.filter(([, key]) => key !== 'control' && key !== 'tooltipEscape').map(
    ([label, key]) => `${label.split(' (')[0].split(':')[0]} ${summary(runs, key).text} ms`,
  );
  const worst = Math.max(
    ...ROWS.filter(([, k]) => k !== 'control').map(([, k]) => summary(runs, k).median),
  );
  out.push(
    `- **INP at 4x CPU (product page):** ${parts.join('; ')}; the theme's own switch without the library ${summary(runs, 'control').text} ms (goal <= ${GOAL_MS} ms: **${worst <= GOAL_MS ? 'met' : 'missed'}**).`,
  );
}
