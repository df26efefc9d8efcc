/**
 * Locale resolution, string lookup with overrides, Intl formatter caches and
 * the template interpreter. Pure: no DOM, runs in Node too.
 */
import { importCatalog } from './locale-loader.js';
import { en } from './locales/en.js';
import type { BuiltinLocale, Catalog, TextKey, TextOptions, TextParams } from './types.js';

const has = Object.hasOwn;
const BUILTIN: readonly BuiltinLocale[] = ['en', 'de', 'fr', 'es', 'ja'];

/** The built-in catalogs loaded so far: English always, the others once loadLocale() ran. */
export const CATALOGS: { en: Catalog } & Partial<Record<BuiltinLocale, Catalog>> = { en };
const loading = new Map<BuiltinLocale, Promise<void>>();
const failed = new Set<BuiltinLocale>();

/** Exact built-in, then the language subtag (`de-AT` -> `de`), then `en`. Never throws. */
export function resolveLocale(tag?: string | null): BuiltinLocale {
  const lang = typeof tag === 'string' ? tag.split(/[-_]/)[0].toLowerCase() : '';
  return BUILTIN.includes(lang as BuiltinLocale) ? (lang as BuiltinLocale) : 'en';
}

/** Whether the strings for this locale are here (or will never come: English stands in). */
export function isLocaleReady(tag?: string | null): boolean {
  const lang = resolveLocale(tag);
  return has(CATALOGS, lang) || failed.has(lang);
}

/**
 * Loads the built-in strings of a locale (once). Never rejects: when the file
 * cannot be had, English stands in and a warning says why.
 */
export function loadLocale(tag?: string | null): Promise<void> {
  const lang = resolveLocale(tag);
  if (lang === 'en' || has(CATALOGS, lang)) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = importCatalog(lang).then(
      (catalog) => void (CATALOGS[lang] = catalog),
      (error: unknown) => {
        failed.add(lang);
        console.warn(
          `[preorder-elements] could not load the "${lang}" strings; showing English.`,
          error,
        );
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

// Intl constructors are slow: one instance per kind, locale and options.
const formatters = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  let value = formatters.get(key) as T | undefined;
  if (value === undefined) {
    // Bounded: a page uses a handful of locales; garbage in must not grow it forever.
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, (value = make()));
  }
  return value;
}

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('d' + locale + JSON.stringify(options), () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('n' + locale + JSON.stringify(options), () => new Intl.NumberFormat(locale, options));

const pluralRules = (locale: string) => cached('p' + locale, () => new Intl.PluralRules(locale));

/** Everything one call needs: where strings come from and how Intl formats. */
export interface Context {
  /** The tag handed to Intl. */
  intl: string;
  currency: string;
  /** String sources, first match wins. */
  sources: unknown[];
}

/** Canonical tag, or '' when the tag is not well-formed (Intl.getCanonicalLocales throws). */
function canonical(tag: string): string {
  if (tag.length > 100) return '';
  return cached('c' + tag, () => {
    try {
      return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? '';
    } catch {
      return '';
    }
  });
}

/** The override object for a tag or language (matched case-insensitively), if any. */
function override(labels: unknown, name: string): object | undefined {
  try {
    for (const key of Object.keys(labels as object)) {
      const value = (labels as Record<string, unknown>)[key];
      if (name && key.toLowerCase() === name && value && typeof value === 'object') return value;
    }
  } catch {
    // Not an object (or a hostile one): no overrides.
  }
  return undefined;
}

export function context(options?: TextOptions | null): Context {
  const { locale, labels, currency } = options ?? {};
  const lang = resolveLocale(locale);
  const tag = typeof locale === 'string' ? canonical(locale) : '';
  const full = tag.toLowerCase();
  const language = full.split('-')[0];
  const tagged = override(labels, full);
  const spoken = override(labels, language);
  return {
    // The full tag formats dates and numbers when its language is the one the
    // strings are in (de-AT, en-GB), or the merchant supplied strings for it;
    // otherwise Portuguese dates would sit inside English sentences.
    intl: tag && (language === lang || tagged || spoken) ? tag : lang,
    currency: typeof currency === 'string' && currency ? currency : 'USD',
    sources: [tagged, spoken, override(labels, lang), CATALOGS[lang], en],
  };
}

/** The template for a key: full-tag override, language override, built-in, English. */
function template(c: Context, key: string): string {
  if (!has(en, key)) return '';
  for (const source of c.sources) {
    const value = source ? (source as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && has(source as object, key)) return value;
  }
  return '';
}

const formatNumber = (c: Context, n: number) => numberFormat(c.intl).format(n);

/** Index of the brace closing the one at `open`, or -1. */
function closing(t: string, open: number): number {
  for (let depth = 0, i = open; i < t.length; i++) {
    if (t[i] === '{') depth++;
    else if (t[i] === '}' && !--depth) return i;
  }
  return -1;
}

const BRANCH = /\s*(=?[\w.]+)\s*\{/y;

/** One `{...}`: a parameter, a plural, or (anything else) literal text. */
function argument(body: string, p: TextParams, c: Context, depth: number): string {
  const match = /^\s*(\w+)\s*(?:,\s*plural\s*,(.*))?$/s.exec(body);
  if (!match || depth > 4) return `{${body}}`;
  const value = has(p, match[1]) ? p[match[1]] : undefined;
  const branches = match[2];
  if (branches === undefined) {
    return typeof value === 'number'
      ? formatNumber(c, value)
      : typeof value === 'string'
        ? value
        : '';
  }
  const n = Number(value);
  const category = pluralRules(c.intl).select(n);
  let exact: string | undefined;
  let byCategory: string | undefined;
  let other = '';
  BRANCH.lastIndex = 0;
  for (let head; (head = BRANCH.exec(branches));) {
    const open = BRANCH.lastIndex - 1;
    const end = closing(branches, open);
    if (end < 0) break;
    const [, selector] = head;
    const text = branches.slice(open + 1, end);
    if (selector === `=${n}`) exact ??= text;
    else if (selector === category) byCategory ??= text;
    if (selector === 'other') other = text;
    BRANCH.lastIndex = end + 1;
  }
  return interpolate(
    exact ?? byCategory ?? other,
    p,
    c,
    Number.isFinite(n) ? formatNumber(c, n) : '',
    depth + 1,
  );
}

/**
 * Fills a template. Parameters are inserted as plain text, never parsed
 * again. A placeholder with no parameter (a missing one, or an unknown name
 * in a merchant's override) renders empty and takes one adjacent space with
 * it; braces around anything that is no placeholder stay as they are.
 */
export function interpolate(
  t: string,
  p: TextParams,
  c: Context,
  hash?: string,
  depth = 0,
): string {
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '{') {
      const end = closing(t, i);
      if (end < 0) return out + t.slice(i);
      const value = argument(t.slice(i + 1, end), p, c, depth);
      i = end;
      // A missing parameter takes one adjacent space with it.
      const next = t[i + 1];
      if (!value && out.endsWith(' ') && (!next || ' .,;:!?)'.includes(next))) {
        out = out.slice(0, -1);
      } else if (!value && !out && next === ' ') i++;
      out += value;
    } else {
      out += ch === '#' && hash !== undefined ? hash : ch;
    }
  }
  return out;
}

/** The text for `key` in a context; '' for a key that is not a TextKey. Never throws. */
export function text(c: Context, key: TextKey, params: TextParams = {}): string {
  let t = '';
  try {
    t = template(c, key);
    return interpolate(t, params && typeof params === 'object' ? params : {}, c);
  } catch {
    return t;
  }
}
