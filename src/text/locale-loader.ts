/**
 * Loads a built-in catalog other than English on first use, so a page pays
 * only for its own language. The npm build lets the app's bundler split these
 * out; the script-tag build swaps this module for one that loads the file
 * beside the script itself.
 */
import type { LazyLocale } from './locale-list.js';
import type { Catalog } from './types.js';

// Bundlers split files out only for literal import paths, hence one line per
// locale; typed by the list, so a locale added there without a line here (or
// a line left for one removed) does not compile.
const LOADERS: Record<LazyLocale, () => Promise<Record<string, Catalog>>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  ja: () => import('./locales/ja.js'),
};

export const importCatalog = (lang: LazyLocale): Promise<Catalog> =>
  LOADERS[lang]().then((module) => module[lang] as Catalog);
