// A 24-card collection page labelled from one batched request against each
// card carrying its record in its `availability` attribute (issue 15,
// docs/collections.md): time to the last badge and requests, in the same run.
import { setTimeout as sleep } from 'node:timers/promises';
import { recordFor } from '../../mock/records.js';
import { batched, gridCards, scriptTag } from '../fixtures.mjs';
import { fmt, median, range } from '../format.mjs';
import { LATENCY, RUNS } from '../options.mjs';
import { renderProbe } from '../probes.mjs';

export const name = 'collection';

const CARDS = 24;
const RATES = [1, 4];
const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The same cards, each badge with its record as JSON (what a Liquid snippet writes). */
const cardsWithRecords = (n, prefix) =>
  gridCards(n, prefix).replace(
    /<availability-badge sku="([^"]+)">/g,
    (_, sku) =>
      `<availability-badge sku="${sku}" availability="${esc(JSON.stringify(recordFor(sku)))}">`,
  );

const MODES = [
  ['one batched request', (n) => gridCards(n, 'card')],
  ['record in each `availability` attribute', (n) => cardsWithRecords(n, 'card')],
];

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage } = bench;
  const samples = {};
  for (let r = 0; r < RUNS.collection; r++) {
    for (const rate of RATES) {
      const modes = r % 2 ? [...MODES].reverse() : MODES;
      for (const [label, cards] of modes) {
        const id = `collection-${rate}-${r}-${MODES.findIndex((m) => m[0] === label)}`;
        // The same script tag in both: the endpoint is there, the attribute makes it unused.
        const url = server.registerPage('grid.html', id, {
          SCRIPT: scriptTag({ endpoint: batched(id, `&delay=${LATENCY}`) }),
          CARDS: cards(CARDS),
        });
        const sample = await withPage({ probes: [renderProbe] }, async (page, errors, context) => {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          await page.goto(url);
          const t = await page.evaluate(async (n) => {
            await window.__bench.allDone(n);
            return {
              last: window.__bench.last,
              fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
              statuses: [...document.querySelectorAll('availability-badge')].filter(
                (b) => b.getAttribute('status') === 'preorder',
              ).length,
            };
          }, CARDS);
          await sleep(300); // a late request would show here
          return { ...t, requests: server.log(id).count, errors: errors.length };
        });
        (samples[`${rate}|${label}`] ??= []).push(sample);
      }
    }
  }
  const rows = [];
  for (const rate of RATES) {
    const batchedLast = median(samples[`${rate}|${MODES[0][0]}`].map((s) => s.last));
    for (const [label] of MODES) {
      const s = samples[`${rate}|${label}`];
      const row = {
        rate,
        label,
        last: s.map((x) => x.last),
        fcp: s.map((x) => x.fcp),
        requests: [...new Set(s.map((x) => x.requests))],
        labelled: Math.min(...s.map((x) => x.statuses)),
        errors: s.reduce((a, x) => a + x.errors, 0),
        runs: s.length,
      };
      row.ratio = median(row.last) / batchedLast;
      rows.push(row);
      console.log(
        `  ${rate}x ${label}: last badge ${fmt(median(row.last))} ms (${range(row.last)}), requests ${row.requests.join('/')}`,
      );
    }
  }
  return { rows };
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
  const { rows } = results.collection;
  p(
    '## Collection page: records from a request or in the HTML',
    '',
    `The collection fixture (bench/pages/grid.html) with ${CARDS} cards, each with an \`<availability-badge>\` of its own`,
    'pre-order SKU, the deferred script tag with `data-endpoint` in both cases. Either the badges ask',
    `for their records in one batched request (the endpoint answers after ${LATENCY} ms), or each badge`,
    "carries its record as JSON in its `availability` attribute (what docs/collections.md's Liquid",
    'snippet writes): no request. "Last badge" is the page time (from navigation start) of the',
    `${CARDS}th \`availability-change\` event; requests are counted at the server. A fresh browser context per`,
    'run, the two alternating, at CPU 1x and 4x; the 2 cores are shared with other work. Median of',
    `${rows[0].runs} runs (range), ms:`,
    '',
    '| CPU | records | last badge (ms) | ratio to batched | FCP (ms) | requests | labelled |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  for (const row of rows)
    p(
      `| ${row.rate}x | ${row.label} | ${fmt(median(row.last))} (${range(row.last)}) | ${fmt(row.ratio, 2)} | ${fmt(median(row.fcp))} | ${row.requests.join('/')} | ${row.labelled}/${CARDS} |`,
    );
  p('', `Uncaught page errors: ${rows.reduce((a, r) => a + r.errors, 0)}.`, '');
}

/** Its lines in the findings. */
export function findings(out, results) {
  const { rows } = results.collection;
  const at = (rate) =>
    rows
      .filter((r) => r.rate === rate)
      .map((r) => `${fmt(median(r.last))} ms ${r.label} (${r.requests.join('/')} requests)`)
      .join(' vs ');
  out.push(
    `- **Collection of ${CARDS} cards, last badge labelled:** at 1x ${at(1)}; at 4x ${at(4)}.`,
  );
}
