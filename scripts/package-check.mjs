#!/usr/bin/env node
// `npm run test:package` (after `npm run build`): the package as npm ships it.
//   - every `exports` target (and its `types`) is a file in the package;
//   - the ES modules and .d.ts files import only declared packages (a .d.ts
//     naming an undeclared one, such as lit-html, breaks strict installs);
//   - preorder-elements/react keeps its 'use client' directive;
//   - CSS stays a side effect (bundlers drop side-effect-free CSS imports);
//   - the script-tag files are shipped: the classic bundle with the files it
//     loads, the module build's loader with every chunk its manifest lists,
//     and the module build imports nothing but its own files, beside it;
//   - custom-elements.json points at shipped modules, defines each tag once,
//     types every event and lists no attribute an element does not read.
// Exit 1 with one line per problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const problems = [];
const fail = (message) => problems.push(message);

// Exports.
for (const [entry, target] of Object.entries(pkg.exports)) {
  const targets = typeof target === 'string' ? [target] : Object.values(target);
  for (const path of targets)
    if (!path.includes('*') && !existsSync(join(root, path)))
      fail(`exports["${entry}"] -> ${path}: no such file`);
}

// Imports of the npm modules (the script-tag files bundle everything and are left out).
const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const files = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of files('dist')) {
  if (!/\.(d\.ts|js)$/.test(file) || /dist\/preorder-elements\./.test(file)) continue;
  for (const match of read(file).matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (specifier.startsWith('.')) continue;
    const name = packageName(specifier);
    if (!declared.has(name) && !builtinModules.includes(name) && name !== pkg.name)
      fail(`${file} imports "${specifier}", which package.json does not declare`);
  }
}

if (!/^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*['"]use client['"]/.test(read('dist/react.js')))
  fail(`dist/react.js does not start with 'use client'`);

if (!pkg.sideEffects.some((pattern) => pattern.endsWith('.css')))
  fail('package.json sideEffects does not keep CSS imports');

// The script-tag builds.
const LAZY = ['tooltip', 'locale-de', 'locale-fr', 'locale-es', 'locale-ja'];
for (const file of ['preorder-elements.js', ...LAZY.map((name) => `preorder-elements.${name}.js`)])
  if (!existsSync(join(root, 'dist', file))) fail(`dist/${file}: not built`);
if (!pkg.files.includes('dist')) fail('package.json files leaves dist/ out');
const moduleFiles = readdirSync(join(root, 'dist')).filter((f) =>
  /^preorder-elements\.module.*\.js$/.test(f),
);
if (!moduleFiles.includes('preorder-elements.module.js'))
  fail('dist/preorder-elements.module.js: not built');
else {
  const chunks = JSON.parse(read('dist/preorder-elements.module.json'));
  for (const file of new Set(Object.values(chunks).flat()))
    if (!moduleFiles.includes(file)) fail(`preorder-elements.module.json lists ${file}: not built`);
  // Minified: `import{a as b}from"./x.js"`, `import("./x.js")`.
  const MINIFIED_IMPORT = /(?<![\w$.])(?:from|import)\s*\(?\s*["']([^"'\s]+)["']/g;
  for (const file of moduleFiles)
    for (const [, specifier] of read(`dist/${file}`).matchAll(MINIFIED_IMPORT)) {
      if (!specifier.startsWith('./') || !moduleFiles.includes(specifier.slice(2)))
        fail(`dist/${file} imports "${specifier}": not a module-build file beside it`);
    }
}

// The manifest.
const manifest = JSON.parse(read(pkg.customElements));
const defined = new Map();
for (const module of manifest.modules) {
  if (!existsSync(join(root, module.path)))
    fail(`${pkg.customElements}: ${module.path} not shipped`);
  for (const entry of module.exports ?? [])
    if (entry.kind === 'custom-element-definition') {
      if (defined.has(entry.name)) fail(`${pkg.customElements}: ${entry.name} defined twice`);
      defined.set(entry.name, entry.declaration);
    }
  for (const declaration of module.declarations ?? []) {
    if (!declaration.tagName) continue;
    for (const event of declaration.events ?? [])
      if (!/^CustomEvent<\w+Detail>$/.test(event.type?.text ?? ''))
        fail(`${declaration.tagName}: event ${event.name} has no detail type`);
    for (const attribute of declaration.attributes ?? [])
      if (attribute.name !== attribute.name.toLowerCase())
        fail(`${declaration.tagName}: "${attribute.name}" cannot be an HTML attribute`);
  }
}
// The tags the shipped defineElements() registers (Lit loads in Node; nothing is defined there).
const { ELEMENTS } = await import(pathToFileURL(join(root, 'dist/elements/define.js')).href);
for (const tag of Object.keys(ELEMENTS))
  if (!defined.get(tag)) fail(`${pkg.customElements}: no definition for <${tag}>`);

if (problems.length) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  process.exit(1);
}
console.log(
  `package: ${Object.keys(pkg.exports).length} exports resolve, imports declared, manifest as shipped`,
);
