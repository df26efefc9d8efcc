// Many widgets on one page (issue 16, item 9): a collection fixture with 1,000
// and 10,000 badges in its HTML, the deferred script tag and one batched
// endpoint, against the same page without the script, in the same run: the
// time to the last badge, the largest task and the most library script in one
// task, and what the page pays per 1,000 widgets (script and settle time).
import { setTimeout as sleep } from 'node:timers/promises';
import { batched, gridCards, scriptTag } from '../fixtures.mjs';
import { fmt, median, range } from '../format.mjs';
import { CHECK, option } from '../options.mjs';
import { frameScriptProbe, renderProbe } from '../probes.mjs';

export const name = 'many';

const COUNTS = (option('--many-counts') ?? '1000,10000').split(',').map(Number);
const RUNS = Number(option('--many-runs') ?? (CHECK ? 1 : 3));
/** The goal at the largest count: no task runs more of the library's script than this, in any run. */
const SCRIPT_TASK_GOAL_MS = 200;
/** The endpoint's answer time here, ms: the page's own work is what is measured. */
const ENDPOINT_DELAY = 20;

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage } = bench;
  const rows = [];
  for (const count of COUNTS) {
    const samples = { with: [], without: [] };
    for (let r = 0; r < RUNS; r++) {
      const order = r % 2 ? ['without', 'with'] : ['with', 'without'];
      for (const mode of order) {
        const id = `many-${count}-${r}-${mode}`;
        const url = server.registerPage('grid.html', id, {
          SCRIPT:
            mode === 'with' ? scriptTag({ endpoint: batched(id, `&delay=${ENDPOINT_DELAY}`) }) : '',
          CARDS: gridCards(count, `many${r}`),
        });
        samples[mode].push(await load(withPage, url, mode === 'with' ? count : 0));
        samples[mode].at(-1).requests = server.log(id).count;
      }
    }
    const row = summarize(count, samples);
    rows.push(row);
    console.log(
      `  ${fmt(count)} badges: last ${fmt(median(row.last))} ms (${range(row.last)}), largest task ${fmt(row.largestTask)} ms (without the script ${fmt(row.baseLargestTask)} ms), most script in one task ${fmt(median(row.runScripts))} ms (${range(row.runScripts)}), ${fmt(row.scriptPer1000, 1)} ms script per 1,000, ${row.requests.join('/')} requests`,
    );
  }
  const top = rows.at(-1);
  // A timing: reported (the goal stated), never failed, like every timing of the bench.
  console.log(
    `  info ${fmt(top.count)} badges: most library script in one task, per run: median ${fmt(median(top.runScripts))} ms, at most ${fmt(Math.max(...top.runScripts))} ms (goal under ${SCRIPT_TASK_GOAL_MS} ms); ${fmt(top.labelled)}/${fmt(top.count)} labelled`,
  );
  return { rows, runs: RUNS };
}

/** One fresh page: load it, wait for every badge (or the load), read the tasks and script time. */
function load(withPage, url, count) {
  return withPage({ probes: [renderProbe, frameScriptProbe] }, async (page, errors, context) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const last = count
      ? await page.evaluate((n) => window.__bench.allDone(n), count)
      : await page.evaluate(() => performance.now());
    await sleep(200); // a task still running at the last event is over by now
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
    const labelled = await page.$$eval('availability-badge[status=preorder]', (all) => all.length);
    const { tasks, frameScripts } = await page.evaluate(() => ({
      tasks: window.__bench.longTasks.map((t) => t.duration),
      frameScripts: window.__bench.frameScripts,
    }));
    return { last, script, tasks, frameScripts, labelled, errors: errors.length };
  });
}

function summarize(count, { with: on, without: off }) {
  const largest = (runs) => Math.max(0, ...runs.flatMap((s) => s.tasks));
  const perThousand = 1000 / count;
  return {
    count,
    last: on.map((s) => s.last),
    largestTask: largest(on),
    baseLargestTask: largest(off),
    /** Each run's longest script run: their median, range and maximum. */
    runScripts: on.map((s) => Math.max(0, ...s.frameScripts)),
    longTasks: on.map((s) => s.tasks.length),
    scriptPer1000:
      (median(on.map((s) => s.script)) - median(off.map((s) => s.script))) * perThousand,
    settlePer1000: (median(on.map((s) => s.last)) - median(off.map((s) => s.last))) * perThousand,
    labelled: Math.min(...on.map((s) => s.labelled)),
    requests: [...new Set(on.map((s) => s.requests))],
    errors: [...on, ...off].reduce((a, s) => a + s.errors, 0),
  };
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
  const { rows, runs } = results.many;
  p(
    '## Many widgets on one page',
    '',
    `The collection fixture (bench/pages/grid.html) with ${COUNTS.map(fmt).join(' and ')} cards, each with an`,
    '`<availability-badge>` of its own pre-order SKU in the HTML, the deferred script tag, one batched',
    `endpoint (50 SKUs per request, answering after ${ENDPOINT_DELAY} ms); beside it the same page without the script, in`,
    `the same run (alternating). CPU 1x, a fresh browser context per page, ${runs} run(s) each. "Last badge"`,
    'is the page time of the last `availability-change`. Tasks are the Long Tasks API entries (50 ms or',
    'more) from navigation to 200 ms after the last badge; "most script in one task" is the longest',
    "script entry of the bundle (a task's call into it, microtasks included) in the long animation",
    "frames (LoAF API): what render slicing bounds. The page's own style and layout of",
    "thousands of cards make long tasks without the script too. Script time per page is CDP's",
    '`ScriptDuration`. Per 1,000 widgets: the difference',
    'to the page without the script, divided by thousands. The goal: no task runs more than',
    `${SCRIPT_TASK_GOAL_MS} ms of the library's script at ${fmt(COUNTS.at(-1))}.`,
    '',
    '| badges | last badge (ms) | largest task (ms) | without the script | most script in one task (ms, per run) | long tasks per run | script per 1,000 (ms) | settle per 1,000 (ms) | requests | labelled |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of rows)
    p(
      `| ${fmt(r.count)} | ${fmt(median(r.last))} (${range(r.last)}) | ${fmt(r.largestTask)} | ${fmt(r.baseLargestTask)} | ${fmt(median(r.runScripts))} (${range(r.runScripts)}) | ${r.longTasks.join(', ')} | ${fmt(r.scriptPer1000, 1)} | ${fmt(r.settlePer1000)} | ${r.requests.join('/')} | ${fmt(r.labelled)} |`,
    );
  p('', `Uncaught page errors: ${rows.reduce((a, r) => a + r.errors, 0)}.`, '');
}

/** Its line in the findings. */
export function findings(out, results) {
  const top = results.many.rows.at(-1);
  out.push(
    `- **${fmt(top.count)} widgets on one page:** last badge at ${fmt(median(top.last))} ms; ${fmt(median(top.runScripts))} ms of the library's script in its longest task (median of runs; at most ${fmt(Math.max(...top.runScripts))}; goal ${SCRIPT_TASK_GOAL_MS}); largest task ${fmt(top.largestTask)} ms (${fmt(top.baseLargestTask)} ms without the script); per 1,000 widgets ${fmt(top.scriptPer1000, 1)} ms of script and ${fmt(top.settlePer1000)} ms of settle time.`,
  );
}
