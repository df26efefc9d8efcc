#!/usr/bin/env node
// Sizes of every build output, gzip -9 and brotli (max quality), and the checks
// of the size bars (docs/size.md):
//   - the classic script-tag bundle (dist/preorder-elements.js) <= 20,900 B gzip;
//   - every JavaScript file of the module build (dist/preorder-elements.module*.js)
//     <= 10,000 B gzip (Shopify theme-check AssetSizeAppBlockJavascript).
// Also what each kind of page downloads from the module build (the loader and
// the chunks of its tags, from dist/preorder-elements.module.json); the bench
// measures the same in Chromium (bench/sections/module.mjs).
//
//   node scripts/size.mjs                  fail when a bar is missed
//   node scripts/size.mjs --budget 20000   hold the classic bundle to this instead
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CLASSIC = 'dist/preorder-elements.js';
const CLASSIC_BAR = 20_900;
const MODULE_FILE_BAR = 10_000;
const LOADER = 'preorder-elements.module.js';
const budgetFlag = process.argv.indexOf('--budget');
const budget = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : CLASSIC_BAR;

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
const sum = (list) =>
  list.reduce(
    (total, s) => ({
      raw: total.raw + s.raw,
      gzip: total.gzip + s.gzip,
      brotli: total.brotli + s.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
const row = (name, s) => `| ${name} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`;

const all = files('dist').sort();
const scriptFiles = all.filter((f) => /dist\/preorder-elements[^/]*\.js$/.test(f));
const moduleFiles = scriptFiles.filter((f) => f.startsWith('dist/preorder-elements.module'));
const npmFiles = all.filter((f) => !scriptFiles.includes(f));
const failures = [];

console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const file of scriptFiles) console.log(row(relative('.', file), sizes(file)));
console.log(
  row(`npm build: ${npmFiles.length} modules (sum of each file)`, sum(npmFiles.map(sizes))),
);

// What a page of each kind downloads from the module build: the loader, the
// data chunk and each of its tags' chunks (each file once).
if (existsSync(`dist/${LOADER}`)) {
  const manifest = JSON.parse(readFileSync('dist/preorder-elements.module.json', 'utf8'));
  const TAGS = ['order-button', 'expected-date', 'availability-badge'];
  const tagOf = (file) => TAGS.find((tag) => file.includes(`.${tag}-`));
  // The loader's first import (the data layer) on every page, and each tag's chunks.
  const page = (...tags) =>
    sum(
      [
        ...new Set([
          LOADER,
          ...Object.keys(manifest)
            .filter((file) => !tagOf(file) || tags.includes(tagOf(file)))
            .flatMap((file) => manifest[file]),
        ]),
      ].map((file) => sizes(`dist/${file}`)),
    );
  console.log('\n| module build, a page with | raw | gzip | brotli |\n|---|---:|---:|---:|');
  console.log(row('badges only (collection page)', page('availability-badge')));
  console.log(row('button, date and badges (product page)', page(...TAGS)));
  const largest = moduleFiles
    .map((file) => ({ file, gzip: sizes(file).gzip }))
    .sort((a, b) => b.gzip - a.gzip)[0];
  const over = moduleFiles.filter((file) => sizes(file).gzip > MODULE_FILE_BAR);
  console.log(
    `\nmodule build: ${moduleFiles.length} files, the largest ${relative('.', largest.file)} at ${fmt(largest.gzip)} B gzip; bar ${fmt(MODULE_FILE_BAR)} B per file (${over.length ? 'missed' : 'met'}).`,
  );
  for (const file of over)
    failures.push(`${file}: ${fmt(sizes(file).gzip)} B gzip, over ${fmt(MODULE_FILE_BAR)} B`);
} else failures.push(`dist/${LOADER} is missing: run \`npm run build\``);

const classic = sizes(CLASSIC).gzip;
console.log(
  `script-tag bundle: ${fmt(classic)} B gzip; budget ${fmt(budget)} B (${classic <= budget ? 'met' : `over by ${fmt(classic - budget)} B`}).`,
);
if (classic > budget)
  failures.push(`${CLASSIC}: ${fmt(classic)} B gzip is over the budget of ${fmt(budget)} B`);
for (const failure of failures) console.error(`FAIL: ${failure}.`);
if (failures.length) process.exit(1);
