#!/usr/bin/env node
// Sizes of every build output, gzip -9 and brotli (max quality), and the check
// of the size bar (docs/size.md): the script-tag bundle (dist/preorder-elements.js, all a
// page needs before first render) must be <= 15,000 bytes gzip.
//
//   node scripts/size.mjs                  fail when over the bar
//   node scripts/size.mjs --budget 22500   fail only when over this budget
//                                          (a ratchet while the bar is not met)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BAR = 15_000;
const GOAL = 10_000;
const budgetFlag = process.argv.indexOf('--budget');
const budget = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : BAR;

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });

const sizes = (path) => {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
};

const fmt = (n) => n.toLocaleString('en-US');
const all = files('dist').sort();
const scriptFiles = all.filter((f) => /dist\/preorder-elements[^/]*\.js$/.test(f));
const npmFiles = all.filter((f) => !scriptFiles.includes(f));

console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const file of scriptFiles) {
  const s = sizes(file);
  console.log(`| ${relative('.', file)} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`);
}
const npm = npmFiles
  .map(sizes)
  .reduce(
    (sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
console.log(
  `| npm build: ${npmFiles.length} modules (sum of each file) | ${fmt(npm.raw)} | ${fmt(npm.gzip)} | ${fmt(npm.brotli)} |`,
);

const main = sizes('dist/preorder-elements.js').gzip;
console.log(
  `\nscript-tag bundle: ${fmt(main)} B gzip; bar ${fmt(BAR)} B (${main <= BAR ? 'met' : `over by ${fmt(main - BAR)} B`}), goal ${fmt(GOAL)} B.`,
);
if (main > budget) {
  console.error(`FAIL: ${fmt(main)} B gzip is over the budget of ${fmt(budget)} B.`);
  process.exit(1);
}
