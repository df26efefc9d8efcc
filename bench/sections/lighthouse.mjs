// 7. Lighthouse against the product page fixture, with and without the widgets
// (--lighthouse; not a dependency: see run.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { batched, productPage, scriptTag } from '../fixtures.mjs';
import { fmt, median } from '../format.mjs';
import { runNode } from '../harness.mjs';
import { LATENCY, LIGHTHOUSE, RUNS } from '../options.mjs';

export const name = 'lighthouse';
/** Its part of the report says so when it did not run. */
export const always = true;

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server } = bench;
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
    'with the widgets': (id) =>
      productPage(scriptTag({ endpoint: batched(id, `&delay=${LATENCY}`) })),
    'without (no script, no widget tags)': () => productPage('', false),
  };
  const out = { version, runs: RUNS.lighthouse, rows: [] };
  for (const [name, vars] of Object.entries(variants)) {
    const samples = [];
    for (let r = 0; r < RUNS.lighthouse; r++) {
      const id = `lh-${samples.length}-${name.replace(/\W+/g, '-')}`;
      const url = server.registerPage('product.html', id, vars(id));
      const { stdout } = await runNode(
        [
          cli,
          url,
          '--quiet',
          '--output=json',
          '--output-path=stdout',
          '--only-categories=performance',
          `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
        ],
        { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 2 ** 20, timeout: 180_000 },
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
}

/** Its part of docs/benchmarks.md. */
export function describe(p, results) {
  p('## 7. Lighthouse', '');
  if (!LIGHTHOUSE) {
    p(
      'Not run (`npm run bench -- --lighthouse`, after `npm i --prefix /tmp/lh lighthouse@12.2.3`).',
      '',
    );
  } else if (results.lighthouse?.skipped) {
    p(`Not run: ${results.lighthouse.skipped}`, '');
  } else if (results.lighthouse?.failed) {
    p('Could not run here:', '', '```', results.lighthouse.failed.slice(0, 1500), '```', '');
  } else if (results.lighthouse) {
    const lh = results.lighthouse;
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
      results.cls?.find?.((x) => x.viewport.startsWith('mobile') && x.load === load && x.lcp);
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
}

/** Its lines in the findings. */
export function findings(out, { lighthouse }) {
  if (lighthouse.rows)
    out.push(
      `- **Lighthouse ${lighthouse.version}:** performance ${lighthouse.rows.map((x) => `${fmt(x.score)} ${x.name}`).join(', ')}.`,
    );
}
