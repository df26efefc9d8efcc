/**
 * The service's email and page strings in the five locales, with merchant
 * overrides resolved as the elements resolve `labels`. Server-side only: the
 * elements never import this, so the script bundle does not carry it.
 */
import { context, resolveLocale, text } from '../core.js';
import type { BuiltinLocale, TextOptions, TextParams } from '../types.js';
import { mailDe } from './de.js';
import { mailEn } from './en.js';
import { mailEs } from './es.js';
import { mailFr } from './fr.js';
import { mailJa } from './ja.js';
import type { MailCatalog, MailKey, MailLabels } from './keys.js';

export type { MailCatalog, MailKey, MailLabels } from './keys.js';

export const MAIL_CATALOGS: Record<BuiltinLocale, MailCatalog> = {
  en: mailEn,
  de: mailDe,
  fr: mailFr,
  es: mailEs,
  ja: mailJa,
};

/** Every mail key, in the English catalog's order (for validating overrides). */
export const MAIL_KEYS = Object.keys(mailEn) as MailKey[];

export interface MailTextOptions {
  /** BCP 47 tag; unknown or missing: English. */
  locale?: string | null | undefined;
  /** Overrides of mail (and element) strings, keyed by tag or language. */
  labels?: MailLabels | undefined;
}

const has = Object.hasOwn;

/**
 * The string for a mail key: the merchant's override for the full tag, then
 * the language, then the built-in catalog of the locale, then English; its
 * placeholders filled as plain text by the elements' own template
 * interpreter. Never throws.
 */
export function mailText(key: MailKey, params: TextParams = {}, options?: MailTextOptions): string {
  if (!has(mailEn, key)) return '';
  const c = context({
    locale: options?.locale ?? undefined,
    labels: options?.labels,
  } as TextOptions);
  const sources: (Record<string, unknown> | undefined)[] = [
    ...c.sources,
    MAIL_CATALOGS[resolveLocale(options?.locale)],
    mailEn,
  ];
  const source = sources.find((s) => s && has(s, key) && typeof s[key] === 'string');
  // The interpreter reads its template from the first source holding the key:
  // handed the chosen template as the one source of `merchantMessage` ('{text}'
  // in every catalog), it fills it with the plural and number rules of the elements.
  const template = (source?.[key] as string | undefined) ?? '';
  return text({ ...c, sources: [{ merchantMessage: template }] }, 'merchantMessage', params);
}
