// The page checks' pages for the module build (dist/preorder-elements.module.js):
// each classic page of test/pages/ again, its classic script tags swapped for
// module ones, written to test/pages/.build/. A module script is deferred by
// nature: the classic page's "blocking" script becomes a module script without
// `async`, and each page also gets an `async` variant where the classic one
// was blocking or deferred.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const BUILD = 'test/pages/.build';
const OTHER = `${BUILD}/other-version`;

/** A classic tag's src, and the module build's file in its place. */
const SWAPS = [
  ['/dist/preorder-elements.js', '/dist/preorder-elements.module.js'],
  [`/${BUILD}/preorder-elements-other-version.js`, `/${OTHER}/preorder-elements.module.js`],
];

function toModule(html, { async = false } = {}) {
  let out = html.replace(/<script(\s+)src="([^"]+)"([^>]*)>/g, (whole, space, src, rest) => {
    const swap = SWAPS.find(([classic]) => classic === src);
    if (!swap) return whole;
    const attrs = rest.replace(/\s+defer(?=[\s>]|$)/, '');
    return `<script${space}type="module"${space}src="${swap[1]}"${attrs}${async ? ' async' : ''}>`;
  });
  out = out.replace(/<title>/, '<title>Module build: ');
  if (out === html) throw new Error('a page without the classic script tag');
  return out;
}

/**
 * Writes the module pages and a copy of the module build claiming another
 * version (all its files, beside each other); returns the page names.
 */
export async function writeModulePages(version, versionPattern) {
  await mkdir(OTHER, { recursive: true });
  for (const file of await readdir('dist')) {
    if (!file.startsWith('preorder-elements.module')) continue;
    const text = await readFile(join('dist', file), 'utf8');
    await writeFile(join(OTHER, file), text.replace(versionPattern, `${version}-other`));
  }
  await copyFile('dist/preorder-elements.module.json', join(OTHER, 'manifest.json'));
  const pages = {
    'csp-module.html': ['csp.html'],
    'csp-module-async.html': ['csp.html', { async: true }],
    'twice-module.html': ['twice.html'],
    'hostile-module.html': ['hostile.html'],
    'blocking-module.html': ['blocking.html'],
    'blocking-module-async.html': ['blocking.html', { async: true }],
  };
  for (const [name, [classic, options]] of Object.entries(pages)) {
    const html = await readFile(join('test/pages', classic), 'utf8');
    await writeFile(join(BUILD, name), toModule(html, options));
  }
  return Object.keys(pages);
}
