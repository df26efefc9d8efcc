/**
 * The strings of the service's emails and pages (never shown by the elements,
 * so kept out of the element catalogs and the script bundle). English defines
 * the key set; every key starts with `mail` or `page`, so none can shadow an
 * element string in a merchant's labels, which may hold both.
 */
import type { TextKey } from '../types.js';
import type { mailEn } from './en.js';

export type MailKey = keyof typeof mailEn;

/** A complete mail catalog: a plain-string template per key. */
export type MailCatalog = Record<MailKey, string>;

/** Merchant overrides, keyed by tag or language, then by mail or element key. */
export type MailLabels = Record<string, Partial<Record<MailKey | TextKey, string>>>;

// A mail key that is also an element key would make one override change both: refused at compile time.
export const MAIL_KEYS_DISJOINT: Extract<MailKey, TextKey> extends never ? true : never = true;
