// 2. Requests per page and time to the last widget, batched against one request per widget.
import { setTimeout as sleep } from 'node:timers/promises';
import { fmt, median, range } from '../format.mjs';
import { BATCH, LATENCY, RUNS } from '../options.mjs';
import { batched, gridCards, scriptTag, single } from '../fixtures.mjs';
import { renderProbe } from '../probes.mjs';

export const name = 'network';

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage, bar } = bench;
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
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
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
  for (const row of results.network) {
    p(
      `| ${row.n} | ${[...new Set(row.batched.requests)].join('/')} | ${[...new Set(row.baseline.requests)].join('/')} | ${fmt(median(row.batched.last))} ${row.batched.last.length > 1 ? `(${range(row.batched.last)})` : ''} | ${fmt(median(row.baseline.last))} ${row.baseline.last.length > 1 ? `(${range(row.baseline.last)})` : ''} | ${fmt(row.ratio, 2)} |`,
    );
  }
  p(
    '',
    'Most requests for one SKU in any run: ' +
      `${Math.max(...results.network.map((x) => x.batched.maxPerSku))} batched, ${Math.max(...results.network.map((x) => x.baseline.maxPerSku))} one per widget; ` +
      `requests for a SKU already in flight: ${results.network.reduce((a, x) => a + x.batched.overlaps + x.baseline.overlaps, 0)}. ` +
      'Chromium opens at most 6 HTTP/1.1 connections per host, so one request per widget queues in rounds of 6. ' +
      `Uncaught page errors: ${results.network.reduce((a, x) => a + x.batched.errors + x.baseline.errors, 0)}.`,
    '',
  );
}

/** Its lines in the findings. */
export function findings(out, results) {
  const rows = results.network;
  const last = rows.at(-1);
  out.push(
    `- **Requests:** ${rows.map((x) => [...new Set(x.batched.requests)].join('/')).join(' / ')} batched requests for ${rows.map((x) => x.n).join(' / ')} widgets of as many SKUs, against ${rows.map((x) => [...new Set(x.baseline.requests)].join('/')).join(' / ')} with one request per widget. At ${LATENCY} ms latency the last of ${last.n} widgets renders at ${fmt(median(last.batched.last))} ms batched vs ${fmt(median(last.baseline.last))} ms (ratio ${fmt(last.ratio, 2)}); for 48, ${fmt(rows.find((x) => x.n === 48)?.ratio, 2)}.`,
  );
}
