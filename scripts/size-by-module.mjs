#!/usr/bin/env node
// Where the script-tag bundle's bytes come from: builds it with a source map
// into a scratch directory and prints, per source module, its minified bytes
// and its marginal gzip cost (the bundle's gzip size minus the gzip size of
// the bundle with that module's bytes taken out). CSS literals are left
// unminified here so the map stays exact; the total is a little above the
// real bundle's.
//
//   node scripts/size-by-module.mjs [outDir]      (default: a temp directory)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile } from 'vite';

const outDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'size-by-module-'));
const { config } = await loadConfigFromFile(
  { mode: 'production', command: 'build' },
  'vite.script.config.ts',
);
// Both rewrite code without a source map; the attribution needs an exact one.
config.plugins = config.plugins.filter(
  (p) => !['minify-css-literals', 'collapse-template-indentation'].includes(p.name),
);
await build({
  ...config,
  configFile: false,
  logLevel: 'error',
  build: { ...config.build, outDir, sourcemap: true },
});

const file = join(outDir, 'preorder-elements.js');
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));

// Decode the mappings into an owner (source index, or -1) for every character.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const vlq = (text) => {
  const out = [];
  for (let i = 0, value = 0, shift = 0; i < text.length; i++) {
    const digit = B64.indexOf(text[i]);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = shift = 0;
    }
  }
  return out;
};
const lines = code.split('\n');
const owners = lines.map((line) => new Int32Array(line.length).fill(-1));
let source = 0;
map.mappings.split(';').forEach((segments, row) => {
  let column = 0;
  const starts = [];
  for (const segment of segments ? segments.split(',') : []) {
    const fields = vlq(segment);
    column += fields[0];
    if (fields.length > 1) source += fields[1];
    starts.push([column, fields.length > 1 ? source : -1]);
  }
  starts.forEach(([start, owner], i) => {
    const end = i + 1 < starts.length ? starts[i + 1][0] : lines[row].length;
    owners[row].fill(owner, start, end);
  });
});

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const total = gzip(code);
const rows = [...map.sources, '(unmapped: CSS literals, bundler glue)'].map((name, i, all) => {
  const index = i === all.length - 1 ? -1 : i;
  let bytes = 0;
  const rest = lines
    .map((line, row) => {
      let kept = '';
      for (let i = 0; i < line.length; i++) {
        if (owners[row][i] === index) bytes++;
        else kept += line[i];
      }
      return kept;
    })
    .join('\n');
  const label = name.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/');
  return { label, bytes, gzip: total - gzip(rest) };
});
rows.sort((a, b) => b.gzip - a.gzip);
console.log('| module | minified | gzip (marginal) |\n|---|---:|---:|');
for (const row of rows.filter((r) => r.bytes > 0))
  console.log(`| ${row.label} | ${row.bytes} | ${row.gzip} |`);
console.log(`\nbundle (CSS unminified): ${code.length} B, ${total} B gzip`);
