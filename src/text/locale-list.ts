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

// Pure: a bundle that reads only BUILTIN_LOCALES (the script build) drops it.
export const LAZY_LOCALES = /* @__PURE__ */ BUILTIN_LOCALES.filter(
  (locale): locale is LazyLocale => locale !== 'en',
);
