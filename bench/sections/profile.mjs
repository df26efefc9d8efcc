// 3b. Where that time goes: the same held response on an unminified build, under the V8 profiler.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fmt, median } from '../format.mjs';
import { ROOT, RUNS } from '../options.mjs';
import { renderProbe } from '../probes.mjs';

export const name = 'profile';

/** @param {import('../harness.mjs').Bench} bench */
export async function measure(bench) {
  const { server, withPage, heldProductPage, untilHeld } = bench;
  // The same measurement on an unminified build of the same sources (built to a
  // temp dir), under the V8 sampling profiler: self time per function and module.
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(os.tmpdir(), 'preorder-bench-'));
  try {
    await build({
      configFile: join(ROOT, 'vite.script.config.ts'),
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
      const { url, blank } = heldProductPage(id, '/unminified/preorder-elements.js');
      await withPage({ probes: [renderProbe] }, async (page, errors, context) => {
        const cdp = await context.newCDPSession(page);
        await page.goto(blank);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(url, { waitUntil: 'load' });
        await untilHeld(id);
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
}

/** Its part of docs/benchmarks.md. */
export function describe(p, { profile: pr }) {
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
