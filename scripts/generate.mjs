#!/usr/bin/env node
// `npm run generate` (part of `npm run build`, after `npm run manifest`):
//   - src/generated/react.ts, react-jsx.ts, vue.ts from custom-elements.json
//     (the React wrappers, the JSX typings, the Vue template typings);
//   - src/preorder-elements.css from src/elements/reserved-space.ts, and the
//     same rules as a <style> to inline (src/preorder-elements.reserved.html).
// `--check` writes nothing and exits 1 naming each file that differs from
// what it would write (npm run check:lists runs it).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import prettier from 'prettier';
import { readManifest, root } from './lists/manifest.mjs';
import { renderReservedCss, renderReservedStyle } from './lists/reserved-css.mjs';
import { renderReact, renderReactJsx, renderVue } from './lists/wrappers.mjs';

/** Every generated file, path -> content as it should be on disk. */
export async function generatedFiles() {
  const model = readManifest();
  const sources = {
    'src/generated/react.ts': renderReact(model),
    'src/generated/react-jsx.ts': renderReactJsx(model),
    'src/generated/vue.ts': renderVue(model),
    'src/preorder-elements.css': await renderReservedCss(),
    'src/preorder-elements.reserved.html': await renderReservedStyle(),
  };
  const files = {};
  for (const [path, source] of Object.entries(sources)) {
    const options = (await prettier.resolveConfig(join(root, path))) ?? {};
    files[path] = await prettier.format(source, { ...options, filepath: join(root, path) });
  }
  return files;
}

/** The generated files whose content on disk is not what the generator makes. */
export async function staleFiles() {
  const files = await generatedFiles();
  return Object.keys(files).filter(
    (path) =>
      !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== files[path],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    for (const path of stale) console.error(`FAIL ${path} is stale: run npm run generate`);
    process.exit(stale.length ? 1 : 0);
  }
  const files = await generatedFiles();
  for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
  console.log(`generated ${Object.keys(files).join(', ')}`);
}
