/**
 * Loads a built-in catalog other than English on first use, so a page pays
 * only for its own language. The npm build lets the app's bundler split these
 * out; the script-tag build swaps this module for one that loads the file
 * beside the script itself.
 */
import type { BuiltinLocale, Catalog } from './types.js';

const LOADERS: Record<Exclude<BuiltinLocale, 'en'>, () => Promise<Record<string, Catalog>>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  ja: () => import('./locales/ja.js'),
};

export const importCatalog = (lang: Exclude<BuiltinLocale, 'en'>): Promise<Catalog> =>
  LOADERS[lang]().then((module) => module[lang] as Catalog);
