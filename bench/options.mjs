// The command line of `npm run bench` (see run.mjs) and the constants every section shares.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: the bench runs from there. */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
/** The value after `--name`, if given. */
export const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

export const CHECK = flag('--check');
export const LIGHTHOUSE = flag('--lighthouse');
export const SECTIONS = option('--only')?.split(',') ?? [
  'size',
  'network',
  'scripting',
  ...(CHECK ? [] : ['profile']),
  'cls',
  'repeat',
  'memory',
  'module',
  'inp',
  'fcp',
  'collection',
  'many',
];
// Only a full run rewrites the committed report; a partial one (--only) goes to --out if given.
export const OUT = option('--out') ?? (CHECK || option('--only') ? null : 'docs/benchmarks.md');
export const JSON_OUT = option('--json');
export const RUNS = {
  network: Number(option('--network-runs') ?? (CHECK ? 1 : 7)),
  scripting: Number(option('--scripting-runs') ?? (CHECK ? 5 : 15)),
  profile: Number(option('--profile-runs') ?? 5),
  lighthouse: Number(option('--lighthouse-runs') ?? 3),
  inp: Number(option('--inp-runs') ?? (CHECK ? 2 : 5)),
  fcp: Number(option('--fcp-runs') ?? (CHECK ? 2 : 5)),
  collection: Number(option('--collection-runs') ?? (CHECK ? 2 : 7)),
};
export const MEMORY_ELEMENTS = Number(option('--memory-elements') ?? 10_000);

/** The endpoint's latency in the request and Lighthouse runs, and the slow case of the CLS runs, in ms. */
export const LATENCY = 150;
export const SLOW = 3000;
/** The library's default batchSize. */
export const BATCH = 50;
/** The classic bundle measured; `--bundle dist/other.js` measures another build (its lazy files beside it). */
export const BUNDLE = option('--bundle') ?? 'dist/preorder-elements.js';
