/**
 * Page-wide configuration (README, Configuration). Layers, lowest first: defaults, the
 * script tag's data-* attributes, configure(). An element's own attribute
 * wins over all three. A bad option is reported and skipped; the rest apply.
 */
import {
  isCalendarDay,
  isPlainObject as isObject,
  isTimeZone,
  type CalendarDay,
} from '../engine/index.js';
import type { LabelOverrides } from '../text/index.js';
import { endpointMode } from './endpoint.js';

export type Fallback = 'add-to-cart' | 'disabled' | 'hidden';

/** Per-locale string overrides (the text layer's type): `{ en: { preorder: 'Reserve now' } }`. */
export type LabelOverridesOption = LabelOverrides;

export interface PreorderOptions {
  /** URL template with `{sku}` (one request per SKU) or `{skus}` (batched). */
  endpoint?: string;
  /** Most SKUs per batched request. */
  batchSize?: number;
  /** Extra fetch options: headers, credentials, mode. */
  fetchInit?: RequestInit;
  /** Adapts any API's JSON to a record or an array of records. */
  transform?: (json: unknown, skus: string[]) => unknown;
  /** BCP 47 tag for labels and dates; default `<html lang>`, then the browser's. */
  locale?: string;
  /** ISO 4217 code for deposit amounts. */
  currency?: string;
  /** The store's IANA zone, for "today", cut-offs and release moments; default the shopper's. */
  timeZone?: string;
  /** Days the shop is closed besides weekends, `YYYY-MM-DD`: no dispatch, no transit. */
  holidays?: CalendarDay[];
  /** Per-locale overrides of any built-in string. */
  labels?: LabelOverridesOption;
  /** Seconds a record is fresh; stale records render at once and refresh in the background. */
  cacheTtl?: number;
  /** Seconds between background refreshes while the page is visible; 0 = off. */
  refreshInterval?: number;
  /** ms before a request is abandoned. */
  timeout?: number;
  /** Retries on network errors, 5xx and 429. */
  retries?: number;
  /** Backoff base in ms (attempt n waits a random time up to retryDelay * 2^(n-1)). */
  retryDelay?: number;
  /** What a button shows when availability cannot be had. */
  fallback?: Fallback;
  /** Server-Sent Events URL template with `{skus}`: records pushed as they change (README, Live pages). */
  live?: string;
  /** Most bytes of one answer's body; a longer one is refused (an `availability-error`). */
  maxResponseSize?: number;
}

/** What configure() takes: any option, or null to go back to its default. */
export type NullableOptions = { [K in keyof PreorderOptions]?: PreorderOptions[K] | null };

type Unset = 'endpoint' | 'locale' | 'timeZone' | 'transform' | 'live';
export type ResolvedOptions = Required<Omit<PreorderOptions, Unset>> & Pick<PreorderOptions, Unset>;

export const DEFAULTS: ResolvedOptions = {
  batchSize: 50,
  fetchInit: {},
  labels: {},
  currency: 'USD',
  cacheTtl: 60,
  refreshInterval: 0,
  timeout: 8000,
  retries: 2,
  retryDelay: 300,
  fallback: 'add-to-cart',
  holidays: [],
  maxResponseSize: 4_000_000,
};

/** An option's check: the type its value must have, a further test, and what it must be (for the console). */
type Check = readonly [type: string, test: (value: never) => unknown, expected: string];

const INTEGER = 'an integer';
const range = (min: number, max: number, unit: string): Check => [
  'number',
  (n: number) => n >= min && n <= max && (unit !== INTEGER || Number.isInteger(n)),
  `${unit} from ${min} to ${max}`,
];
const OBJECT: Check = ['object', isObject, 'an object'];
const UP_TO_A_YEAR = range(0, 31_536_000, 'seconds');
export const FALLBACKS: readonly string[] = [
  'add-to-cart',
  'disabled',
  'hidden',
] satisfies Fallback[];

const CHECKS: Record<keyof PreorderOptions, Check> = {
  endpoint: ['string', endpointMode, 'a URL template with {sku} or {skus}'],
  batchSize: range(1, 1000, INTEGER),
  fetchInit: OBJECT,
  transform: ['function', () => true, 'a function'],
  locale: ['string', Intl.getCanonicalLocales, 'a locale like "de-DE"'],
  currency: ['string', (code: string) => /^[a-z]{3}$/i.test(code), 'a currency like "EUR"'],
  timeZone: ['string', isTimeZone, 'a time zone like "Europe/Berlin"'],
  labels: OBJECT,
  cacheTtl: UP_TO_A_YEAR,
  refreshInterval: UP_TO_A_YEAR,
  timeout: range(1, 600_000, 'milliseconds'),
  retries: range(0, 10, INTEGER),
  retryDelay: range(0, 60_000, 'milliseconds'),
  fallback: ['string', (v: string) => FALLBACKS.includes(v), `one of ${FALLBACKS.join(', ')}`],
  holidays: [
    'object',
    (days: string[]) => Array.isArray(days) && days.every(isCalendarDay),
    'a list of days like "2026-12-25"',
  ],
  live: ['string', (template: string) => template.includes('{skus}'), 'a URL template with {skus}'],
  maxResponseSize: range(1, 1e9, 'bytes'),
};

/** Keeps the valid options, reporting each invalid one on the console. */
export function validateOptions(options: unknown, source = 'configure()'): PreorderOptions {
  const valid: Record<string, unknown> = {};
  const complain = (problem: string) => console.error(`[preorder-elements] ${source}: ${problem}`);
  const passes = ([type, test]: Check, value: unknown) => {
    try {
      return typeof value === type && !!test(value as never);
    } catch {
      return false; // a test may throw: Intl.getCanonicalLocales does
    }
  };
  if (!isObject(options)) complain('expects an object of options.');
  else
    for (const [key, value] of Object.entries(options)) {
      const check = Object.hasOwn(CHECKS, key) && CHECKS[key as keyof PreorderOptions];
      if (!check) complain(`unknown option "${key}" ignored.`);
      // null: back to the default. A currency that passed is a string.
      else if (value === null || passes(check, value))
        valid[key] = key === 'currency' && value ? (value as string).toUpperCase() : value;
      else if (value !== undefined)
        complain(`option "${key}" must be ${check[2]}; got ${String(value)}. Ignored.`);
    }
  return valid;
}

/** Reads the options a script tag carries as data-* attributes (`data-batch-size="20"`). */
export function optionsFromDataset(dataset: DOMStringMap): PreorderOptions {
  const options: Record<string, unknown> = {};
  for (const [key, [type]] of Object.entries(CHECKS)) {
    const raw = dataset[key];
    if (raw !== undefined)
      options[key] =
        key === 'holidays'
          ? (raw.match(/[^\s,]+/g) ?? []) // "2026-12-25, 2026-12-26"
          : type === 'number' && raw.trim()
            ? Number(raw)
            : raw;
  }
  return validateOptions(options, '<script data-*>');
}

type Listener = () => void;

/**
 * The page's configuration lives on globalThis, so two copies of the library
 * (a theme's script tag plus an app's npm build) share one: configure() from
 * either reaches the elements, whichever copy defined them.
 */
interface SharedOptions {
  script: PreorderOptions;
  user: PreorderOptions;
  resolved: ResolvedOptions;
  listeners: Set<Listener>;
}
const shared: SharedOptions = ((globalThis as Record<symbol, SharedOptions>)[
  Symbol.for('preorder-elements.options.v1')
] ??= { script: {}, user: {}, resolved: { ...DEFAULTS }, listeners: new Set() });

/** Merges options into a layer (a null value removes the option), then tells the listeners. */
function update(layer: 'script' | 'user', options: PreorderOptions): void {
  shared[layer] = Object.fromEntries(
    Object.entries({ ...shared[layer], ...options }).filter(([, value]) => value !== null),
  );
  shared.resolved = { ...DEFAULTS, ...shared.script, ...shared.user };
  for (const listener of shared.listeners) listener();
}

/** Sets page-wide defaults; later calls merge over earlier ones; `null` restores a default. */
export function configure(options: NullableOptions): void {
  update('user', validateOptions(options));
}

/** The script tag's layer, under configure(). */
export function setScriptOptions(options: PreorderOptions): void {
  update('script', options);
}

/** The options in force now. */
export function getOptions(): ResolvedOptions {
  return shared.resolved;
}

/** Called after every change; returns the unsubscribe function. */
export function onOptionsChange(listener: Listener): () => void {
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}

/** Back to defaults (tests, or a host that re-initialises). */
export function resetOptions(): void {
  shared.script = shared.user = {};
  update('user', {});
}
