import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };

/** The tooltip code, built apart and loaded from beside the script on first use. */
export const TOOLTIP_FILE = 'preorder-elements.tooltip.js';

// In the classic script, the loader resolves the tooltip file against the
// script's own URL (document.currentScript only exists while it first runs).
function tooltipBesideScript(): Plugin {
  const id = '\0tooltip-loader';
  return {
    name: 'tooltip-beside-script',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith('/tooltip-loader.js') ? id : null),
    load: (loaded) =>
      loaded === id
        ? `const base = document.currentScript && document.currentScript.src || location.href;
           export const loadTooltipPosition = () => import(/* @vite-ignore */ new URL(${JSON.stringify(TOOLTIP_FILE)}, base).href);`
        : null,
  };
}

// `vite build -c vite.script.config.ts`: dist/preorder-elements.js (IIFE, every
// dependency bundled); with `--mode tooltip`: dist/preorder-elements.tooltip.js.
export default defineConfig(({ mode }) => ({
  plugins: mode === 'tooltip' ? [] : [tooltipBesideScript()],
  define: { __VERSION__: JSON.stringify(version) },
  build: {
    outDir: here('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib:
      mode === 'tooltip'
        ? {
            entry: here('./src/elements/tooltip-position.ts'),
            formats: ['es'],
            fileName: () => TOOLTIP_FILE,
          }
        : {
            entry: here('./src/script-tag.ts'),
            formats: ['iife'],
            name: 'PreorderElementsBundle',
            fileName: () => 'preorder-elements.js',
          },
    rolldownOptions: { output: { minify: true } },
  },
}));
