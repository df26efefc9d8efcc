import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type { OutputChunk } from 'rolldown';
import { LAZY_LOCALES } from './src/text/locale-list.ts';
import { collapseTemplateIndentation, minifyCss } from './vite.script.config.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };

/**
 * What every element needs, in chunks each under the 10,000 B a file may have
 * (docs/size.md): the data layer with the engine's record validation (and the
 * loader's API beside it: the loader's first import, small, so the page's
 * availability request leaves while the rest is on its way), Lit with the
 * rest of the engine, and the text layer with the elements' base. The lazy
 * locales stay apart.
 */
const DATA =
  /[\\/]src[\\/](module-api|data[\\/](?!controller|date-memory)|engine[\\/](validate|calendar|intl|types|index)\.)/;
const LIT_AND_ENGINE =
  /([\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)|[\\/]src[\\/]engine)[\\/]/;
const SHARED =
  /[\\/]src[\\/](data[\\/]|text[\\/]|elements[\\/](availability-element|input-follower|events|css|reserved-space))/;
const LAZY_LOCALE = new RegExp(`[\\\\/]locales[\\\\/](${LAZY_LOCALES.join('|')})\\.ts$`);

/** The loader's file name: stable, the one a page's script tag names. */
export const LOADER = 'preorder-elements.module.js';

/**
 * Each dynamic import in the loader also imports, at the same moment, every
 * chunk the imported chunk needs (its static imports, transitively): the
 * browser would find those only once the chunk arrived, a second round trip.
 * Also writes preorder-elements.module.json: per chunk the loader imports,
 * the files it needs, for a page's modulepreload hints.
 */
function importInParallel(): Plugin {
  return {
    name: 'import-in-parallel',
    // The chunks' names change with their content: last build's must not stay beside the new.
    buildStart() {
      if (!existsSync(here('./dist'))) return;
      for (const file of readdirSync(here('./dist'), { withFileTypes: true }))
        if (file.name.startsWith('preorder-elements.module')) rmSync(here(`./dist/${file.name}`));
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const needs = (file: string, seen = new Set<string>()): Set<string> => {
        for (const dep of byFile.get(file)?.imports ?? [])
          if (!seen.has(dep)) needs(dep, seen.add(dep));
        return seen;
      };
      const loader = byFile.get(LOADER);
      if (!loader) throw new Error(`${LOADER} was not built`);
      const manifest: Record<string, string[]> = {};
      loader.code = loader.code.replace(/import\((["'`])\.\/([^"'`]+)\1\)/g, (whole, _q, file) => {
        if (!byFile.has(file)) throw new Error(`${LOADER} imports ${file}, not in the build`);
        const deps = [...needs(file)];
        manifest[file] = [file, ...deps];
        return deps.length
          ? `Promise.all([${[file, ...deps].map((f) => `import("./${f}")`).join()}]).then(m=>m[0])`
          : whole;
      });
      if (!Object.keys(manifest).length) throw new Error(`${LOADER} has no dynamic import left`);
      // The lazy locales' files by language, for the loader to ask for the page's own at once.
      const locales = Object.fromEntries(
        chunks.flatMap((chunk) => {
          const lang = chunk.facadeModuleId?.match(LAZY_LOCALE)?.[1];
          return lang ? [[lang, `./${chunk.fileName}`]] : [];
        }),
      );
      if (Object.keys(locales).length !== LAZY_LOCALES.length)
        throw new Error(`lazy locale chunks: ${Object.keys(locales).join()}`);
      const placeholder = /(["'`])LOCALE_CHUNKS\1/;
      if (!placeholder.test(loader.code)) throw new Error(`${LOADER}: no LOCALE_CHUNKS to fill`);
      loader.code = loader.code.replace(placeholder, `(${JSON.stringify(locales)})`);
      this.emitFile({
        type: 'asset',
        fileName: 'preorder-elements.module.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}

// `vite build -c vite.module.config.ts`: dist/preorder-elements.module.js (the
// loader of src/module-loader.ts) and the chunks it loads, beside it.
export default defineConfig({
  plugins: [minifyCss(), collapseTemplateIndentation(), importInParallel()],
  define: { __VERSION__: JSON.stringify(version) },
  build: {
    outDir: here('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: { 'preorder-elements.module': here('./src/module-loader.ts') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      optimization: { inlineConst: { mode: 'all' } },
      output: {
        minify: true,
        chunkFileNames: 'preorder-elements.module.[name]-[hash].js',
        comments: false,
        codeSplitting: {
          groups: [
            { name: 'data', test: DATA, priority: 2 },
            { name: 'lit-engine', test: LIT_AND_ENGINE, priority: 1 },
            { name: 'core', test: (id) => SHARED.test(id) && !LAZY_LOCALE.test(id) },
          ],
        },
      },
    },
  },
});
