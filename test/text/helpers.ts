/** Shared fixtures for the text-layer tests. */
import type { Decision, ShipDate } from '../../src/engine/index.js';
import { loadLocale } from '../../src/text/index.js';
import { BUILTIN_LOCALES } from '../../src/text/locale-list.js';

/** Every built-in locale, from the one list the text layer reads. */
export const LOCALES = BUILTIN_LOCALES;

// Catalogs other than English load on demand; these tests use all five.
before(() => Promise.all(LOCALES.map((locale) => loadLocale(locale))));

/** Non-breaking and narrow non-breaking spaces, as Intl and French typography use them. */
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

/**
 * Chromium turns the thin spaces ICU puts around range dashes into plain
 * spaces (V8 does so for web compatibility); other engines and Node keep
 * them. Range assertions compare with this applied, so they hold in both.
 */
export const plain = (text: string | null) => text && text.replace(/\u2009/g, ' ');

export const onDay = (
  day: string,
  precision: 'day' | 'week' | 'month' | 'quarter' = 'day',
): ShipDate => ({
  kind: 'day',
  day,
  precision,
});

export const inWindow = (
  earliest: string,
  latest: string,
  precision: 'day' | 'week' | 'month' | 'quarter' = 'day',
): ShipDate => ({ kind: 'window', earliest, latest, precision });

/** A pre-order decision with nothing to say; override what a test needs. */
export function decision(partial: Partial<Decision> = {}): Decision {
  return {
    sku: 'SKU-1',
    status: 'preorder',
    orderKind: 'preorder',
    label: 'preorder',
    orderable: true,
    quantity: 1,
    maxQuantity: null,
    remaining: null,
    ship: { kind: 'none' },
    previousShip: null,
    releaseDay: null,
    split: null,
    messages: [],
    warnings: [],
    ...partial,
  };
}
