/** Types of the text layer: catalogs, overrides and options. */
import type { en } from './locales/en.js';

export type { BuiltinLocale } from './locale-list.js';

/** Every string the library shows; the English catalog defines the set. */
export type TextKey = keyof typeof en;

/** A complete string catalog: a plain-string template per key. */
export type Catalog = Record<TextKey, string>;

/**
 * Per-locale overrides of any built-in string, keyed by a full tag (`de-AT`)
 * or a language (`de`): `{ en: { preorder: 'Reserve now' } }`.
 */
export type LabelOverrides = Record<string, Partial<Record<TextKey, string>>>;

/** Template parameters; numbers are formatted for the locale, strings used as they are. */
export type TextParams = Record<string, string | number>;

export interface TextOptions {
  /** BCP 47 tag; default `en`. */
  locale?: string;
  /** ISO 4217 code for deposit amounts; default `USD`. */
  currency?: string;
  labels?: LabelOverrides;
}
