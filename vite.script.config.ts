import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { LAZY_LOCALES } from './src/text/locale-list.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };

/** Files the classic script loads from beside itself, on first use. */
const LAZY = {
  'preorder-elements.tooltip': './src/elements/tooltip-position.ts',
  'preorder-elements.live': './src/data/live.ts',
  'preorder-elements.notify': './src/elements/notify-form.ts',
  ...Object.fromEntries(
    LAZY_LOCALES.map((lang) => [
      `preorder-elements.locale-${lang}`,
      `./src/text/locales/${lang}.ts`,
    ]),
  ),
};

// In the classic script the loaders resolve their files against the script's
// own URL (document.currentScript only exists while it first runs): one
// module reads it, for all of them.
const LOADERS: Record<string, string> = {
  '/beside.js': `const base = (document.currentScript && document.currentScript.src) || location.href;
    export const beside = (name) => import(/* @vite-ignore */ new URL('preorder-elements.' + name + '.js', base).href);`,
  '/tooltip-loader.js': `import { beside } from '\0beside/beside.js';
    export const loadTooltipPosition = () => beside('tooltip');
    export const loadNotifyForm = () => beside('notify');`,
  '/live-loader.js': `import { beside } from '\0beside/beside.js';
    export const loadLive = () => beside('live');`,
  '/locale-loader.js': `import { beside } from '\0beside/beside.js';
    export const importCatalog = (lang) => beside('locale-' + lang).then((m) => m[lang]);`,
};

function loadBesideScript(): Plugin {
  return {
    name: 'load-beside-script',
    enforce: 'pre',
    resolveId: (source) => {
      if (source.startsWith('\0beside')) return source;
      const file = Object.keys(LOADERS).find((name) => source.endsWith(name));
      return file ? `\0beside${file}` : null;
    },
    load: (id) => (id.startsWith('\0beside') ? LOADERS[id.slice('\0beside'.length)] : null),
  };
}

// Lit template CSS keeps its source whitespace; a bundle for every page should not.
export function minifyCss(): Plugin {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!id.includes('/src/elements/')) return null;
      return code.replace(/css`([^`]*)`/g, (_, body: string) => {
        // Interpolations (`${LINE_HEIGHT}`) stand aside as word-like tokens
        // while the CSS around them is minified: their braces are not CSS.
        const held: string[] = [];
        const css = body
          .replace(/\$\{[^}]*\}/g, (expression) => `\0${held.push(expression) - 1}\0`)
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};:,>])\s*/g, '$1')
          .replace(/\(\s+/g, '(')
          .replace(/\s+\)/g, ')')
          .replace(/;}/g, '}')
          // [part='x'] needs no quotes: the value is an identifier.
          .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
          .trim()
          .replace(/\0(\d+)\0/g, (_, index: string) => held[Number(index)]);
        return `css\`${css}\``;
      });
    },
  };
}

// After minification, a newline followed by indentation is left only inside
// template literals: the source layout of html`` templates (and of multi-line
// messages). One space renders the same there; likewise a number interpolated
// into a template is its text. Unminified output (the bench's profile build) is
// left alone: there it would join code onto // comments.
export function collapseTemplateIndentation(): Plugin {
  let minified = true;
  return {
    name: 'collapse-template-indentation',
    configResolved(config) {
      minified = config.build.minify !== false;
    },
    generateBundle(_options, bundle) {
      if (!minified) return;
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          chunk.code = chunk.code
            .replace(/\n[ \t]+/g, ' ')
            // A constant the bundler wrote into a template (the reserved sizes in the
            // elements' CSS, `${1.2}`) is that text: no interpolation needed.
            .replace(/\$\{(\d*\.?\d+)\}/g, '$1');
    },
  };
}

// `vite build -c vite.script.config.ts`: dist/preorder-elements.js (IIFE,
// every dependency bundled); with `--mode lazy`: the files it loads on demand.
export default defineConfig(({ mode }) => ({
  plugins: mode === 'lazy' ? [] : [loadBesideScript(), minifyCss(), collapseTemplateIndentation()],
  define: { __VERSION__: JSON.stringify(version) },
  build: {
    outDir: here('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib:
      mode === 'lazy'
        ? {
            entry: Object.fromEntries(
              Object.entries(LAZY).map(([name, path]) => [name, here(path)]),
            ),
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          }
        : {
            entry: here('./src/script-tag.ts'),
            formats: ['iife'],
            name: 'PreorderElementsBundle',
            fileName: () => 'preorder-elements.js',
          },
    // Imported constants (the reserved heights) written in place, as literals.
    rolldownOptions: { optimization: { inlineConst: { mode: 'all' } }, output: { minify: true } },
  },
}));
