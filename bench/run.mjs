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
//                                      (full run only), cls, repeat, memory, module,
//                                      inp, fcp, collection, many;
//                                      printed only (--out FILE writes a report)
//   npm run bench -- --out FILE        write the report there (with --check too)
//   npm run bench -- --json FILE       also every raw sample, as JSON
//   npm run bench -- --bundle FILE     measure another classic build (in the repository, lazy files beside it)
//
// Hard bars (--check): batched requests = ceil(SKUs / 50) for 1, 24, 48 and 200
// widgets, never two requests for one SKU, 0 requests on a repeat view within
// cacheTtl, CLS 0.000 with the endpoint fast, 3 s slow and failing (the
// README's deferred script tag, arriving after the first paint; desktop and
// mobile), zero leaked timers; the module build's script bytes per page and
// waterfall depth (sections/module.mjs). Timings are reported, never failed. Size is
// checked by scripts/size.mjs.
//
// Lighthouse: not a dependency. Install it apart, `npm i --prefix /tmp/lh
// lighthouse@12.2.3` (12.x runs on node 20), or point LIGHTHOUSE_CLI at its cli/index.js.
// Needs `npm run build` first.
//
// Layout: options.mjs (the command line), harness.mjs (server, browser, pages,
// traces, bars), sections/*.mjs (one measurement each, with its part of the
// report), report.mjs (docs/benchmarks.md), fixtures.mjs, probes.mjs, trace.mjs.
import { existsSync, writeFileSync } from 'node:fs';
import { seconds } from './format.mjs';
import { startBench } from './harness.mjs';
import { describeMachine, someOf, sourcesNewerThan } from './machine.mjs';
import { BUNDLE, CHECK, JSON_OUT, LIGHTHOUSE, OUT, ROOT, SECTIONS } from './options.mjs';
import { renderReport, writeReport } from './report.mjs';
import * as cls from './sections/cls.mjs';
import * as collection from './sections/collection.mjs';
import * as fcp from './sections/fcp.mjs';
import * as inp from './sections/inp.mjs';
import * as lighthouse from './sections/lighthouse.mjs';
import * as many from './sections/many.mjs';
import * as memory from './sections/memory.mjs';
import * as moduleBuild from './sections/module.mjs';
import * as network from './sections/network.mjs';
import * as profile from './sections/profile.mjs';
import * as repeat from './sections/repeat.mjs';
import * as scripting from './sections/scripting.mjs';
import * as size from './sections/size.mjs';

/** Every section, in the order it runs and is reported. */
const ALL = [
  size,
  network,
  scripting,
  profile,
  cls,
  repeat,
  memory,
  inp,
  fcp,
  collection,
  many,
  lighthouse,
  moduleBuild,
];

process.chdir(ROOT);
if (!existsSync(BUNDLE)) {
  console.error(`${BUNDLE} is missing: run \`npm run build\` first.`);
  process.exit(2);
}
const newerSources = sourcesNewerThan(BUNDLE);
if (newerSources.length)
  console.warn(
    `warning: ${someOf(newerSources)} changed after ${BUNDLE} was built: the figures are for the last build.`,
  );

const machine = describeMachine();
const bench = await startBench(ROOT);
machine.chromium = bench.chromium;
console.log(
  `bench: Chromium ${machine.chromium}, node ${machine.node}, ${machine.nproc} CPUs (${machine.cpu}), ${machine.memory}`,
);
console.log(`mode: ${CHECK ? 'check' : 'full'}; serving ${bench.server.origin}`);

const started = performance.now();
/** Everything the report reads. */
const run = { machine, newerSources, results: {}, durations: {}, verdicts: bench.verdicts };
for (const section of ALL) {
  const wanted = SECTIONS.includes(section.name) || (section === lighthouse && LIGHTHOUSE);
  if (wanted) await bench.measure(section, run.results, run.durations);
}
await bench.close();
run.totalMs = performance.now() - started;

const { results, verdicts } = run;
const missed = verdicts.filter((v) => !v.ok);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ machine, results, verdicts }, null, 1));
await writeReport(renderReport(ALL, run), OUT, ROOT);
console.log(
  `\n${verdicts.length - missed.length}/${verdicts.length} hard bars met in ${seconds(run.totalMs)}${missed.length ? `; missed:\n- ${missed.map((v) => `${v.name}: ${v.detail}`).join('\n- ')}` : ''}`,
);
if (CHECK && missed.length) process.exit(1);
