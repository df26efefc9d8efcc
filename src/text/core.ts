/**
 * Locale resolution, string lookup with overrides, and the template
 * interpreter (Intl objects come from the engine's one cache). Pure: no DOM, runs in Node too.
 */
import { intl } from '../engine/index.js';
import { BUILTIN_LOCALES } from './locale-list.js';
import { importCatalog } from './locale-loader.js';
import { en } from './locales/en.js';
import type { BuiltinLocale, Catalog, TextKey, TextOptions, TextParams } from './types.js';

const has = Object.hasOwn;
/** The built-in catalogs loaded so far: English always, the others once loadLocale() ran. */
export const CATALOGS: { en: Catalog } & Partial<Record<BuiltinLocale, Catalog>> = { en };
// One promise per language, so every caller waits on the same load; English is built in.
const loading = new Map([['en', Promise.resolve()]]);
const failed = new Set<BuiltinLocale>();

/** Exact built-in, then the language subtag (`de-AT` -> `de`), then `en`. Never throws. */
export function resolveLocale(tag?: string | null): BuiltinLocale {
  // The language before any subtag: `de`, `DE`, `de-AT`, `de_CH` are German.
  const lang = typeof tag === 'string' ? tag.split(/[-_]/)[0].toLowerCase() : '';
  return (BUILTIN_LOCALES as readonly string[]).includes(lang) ? (lang as BuiltinLocale) : 'en';
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
  // ('en' is always in `loading`: only the others are imported.)
  const lang = resolveLocale(tag) as Exclude<BuiltinLocale, 'en'>;
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

/**
 * A number in the context's locale: plain (no options, Intl's defaults), or in
 * a style (percent, currency).
 */
export const formatNumber = (c: Context, n: number, options?: Intl.NumberFormatOptions) =>
  intl(Intl.NumberFormat, c.intl, options).format(n);

/** Everything one call needs: where strings come from and how Intl formats. */
export interface Context {
  /** The tag handed to Intl. */
  intl: string;
  currency: string;
  /** String sources, first match wins. */
  sources: (Record<string, unknown> | undefined)[];
}

/** Canonical tag, or '' when the tag is not well-formed (Intl.getCanonicalLocales throws). */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? '';
  } catch {
    return '';
  }
}

/** The override object for a tag or language (matched case-insensitively), if any. */
function override(labels: unknown, name: string): Record<string, unknown> | undefined {
  try {
    for (const [key, value] of Object.entries(labels as object))
      if (name && key.toLowerCase() === name && value && typeof value === 'object') return value;
  } catch {
    // Not an object (or a hostile one): no overrides.
  }
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

/**
 * A template cut at its top-level braces: [text, group, text, ..., text],
 * each group without its braces. From an unclosed brace on, all is text; a
 * stray closing brace is text.
 */
function split(t: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '{' ? !depth++ : t[i] === '}' && depth && !--depth) {
      parts.push(t.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(depth ? parts.pop() + t.slice(start - 1) : t.slice(start));
  return parts;
}

/**
 * The branch for n in `selector {branch} selector {branch}...`: an exact
 * `=n` first, then the locale's plural category, then `other`; the first
 * branch of a selector counts.
 */
function branch(c: Context, branches: string, n: number): string {
  const parts = split(branches);
  const bySelector: Record<string, string> = {};
  for (let k = 1; k < parts.length; k += 2) bySelector[parts[k - 1].trim()] ??= parts[k];
  return (
    bySelector['=' + n] ??
    bySelector[intl(Intl.PluralRules, c.intl, {}).select(n)] ??
    bySelector.other ??
    ''
  );
}

/**
 * The text for `key` in a context; '' for a key that is not a TextKey. Never
 * throws. Parameters are inserted as plain text, never parsed again; `#` is
 * the number of the plural around it. A placeholder with no parameter (a
 * missing one, or an unknown name in a merchant's override) renders empty
 * and takes one adjacent space with it; braces around anything that is no
 * placeholder stay as they are.
 */
export function text(c: Context, key: TextKey, params?: TextParams): string {
  const p = params && typeof params === 'object' ? params : {};
  const fill = (t: string, hash = '#', depth = 0): string => {
    const parts = split(t);
    const literal = (k: number) => parts[k].split('#').join(hash);
    let out = literal(0);
    for (let k = 1; k < parts.length; k += 2) {
      const [, name, branches] = /^\s*(\w+)\s*(?:,\s*plural\s*,(.*))?$/s.exec(parts[k]) ?? [];
      const value = has(p, name) ? p[name] : undefined;
      const n = Number(value);
      const filled =
        !name || depth > 4
          ? `{${parts[k]}}`
          : branches !== undefined
            ? fill(branch(c, branches, n), Number.isFinite(n) ? formatNumber(c, n) : '', depth + 1)
            : typeof value === 'number'
              ? formatNumber(c, n)
              : typeof value === 'string'
                ? value
                : '';
      let after = literal(k + 1);
      if (!filled) {
        // The space before it when the text ends or a space or punctuation
        // follows; else, at the very start, the space after it. (No text
        // between two groups: the next character is the brace.)
        const next = parts[k + 1][0] ?? (k + 2 < parts.length ? '{' : '');
        if (out.endsWith(' ') && ' .,;:!?)'.includes(next)) out = out.slice(0, -1);
        else if (!out && next === ' ') after = after.slice(1);
      }
      out += filled + after;
    }
    return out;
  };
  let t = '';
  try {
    // Own string values of real keys only: never `constructor` or a prototype's.
    const source =
      has(en, key) && c.sources.find((s) => s && typeof s[key] === 'string' && has(s, key));
    t = source ? (source[key] as string) : '';
    return fill(t);
  } catch {
    return t;
  }
}
