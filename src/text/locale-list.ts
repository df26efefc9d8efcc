/**
 * The built-in locales, listed once: the text types, the locale loader and the
 * script-tag build's lazy files read this list. Each has a catalog in
 * `locales/<locale>.ts` exporting a const of the same name. English is always
 * bundled; the others load on first use.
 */
export const BUILTIN_LOCALES = ['en', 'de', 'fr', 'es', 'ja'] as const;

export type BuiltinLocale = (typeof BUILTIN_LOCALES)[number];

/** The locales whose strings load on first use. */
export type LazyLocale = Exclude<BuiltinLocale, 'en'>;

export const LAZY_LOCALES = BUILTIN_LOCALES.filter(
  (locale): locale is LazyLocale => locale !== 'en',
);
