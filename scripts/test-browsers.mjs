#!/usr/bin/env node
// `npm run test:browsers`: the browser suite in Chromium, Firefox and WebKit,
// one after the other. Every engine runs even when an earlier one failed; a
// summary with each one's result and wall-clock time closes the output, and
// the exit code is non-zero when any failed. scripts/install-browsers.sh
// installs the browsers.
import { spawnSync } from 'node:child_process';

const engines = [
  ['Chromium', ['test']],
  ['Firefox', ['run', 'test:firefox']],
  ['WebKit', ['run', 'test:webkit']],
];

const results = [];
for (const [name, args] of engines) {
  console.log(`\n==> ${name}: npm ${args.join(' ')}\n`);
  const started = performance.now();
  const { status, signal, error } = spawnSync('npm', args, { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = status === 0;
  results.push({ name, ok, seconds, detail: error?.message ?? signal ?? `exit ${status}` });
}

console.log('\nBrowser suite:');
for (const { name, ok, seconds, detail } of results) {
  console.log(`  ${name.padEnd(9)} ${ok ? 'passed' : `FAILED (${detail})`} in ${seconds} s`);
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
