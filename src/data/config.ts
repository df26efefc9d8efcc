/**
 * Page-wide configuration (contract s.2). Layers, lowest first: defaults, the
 * script tag's data-* attributes, configure(). An element's own attribute
 * wins over all three. A bad option is reported and skipped; the rest apply.
 */
import { isTimeZone } from '../engine/index.js';
import { endpointMode } from './endpoint.js';

export type Fallback = 'add-to-cart' | 'disabled' | 'hidden';

/** Per-locale string overrides: `{ en: { preorder: 'Reserve now' } }`. */
export type LabelOverridesOption = Record<string, Record<string, string>>;

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
}

/** What configure() takes: any option, or null to go back to its default. */
export type NullableOptions = { [K in keyof PreorderOptions]?: PreorderOptions[K] | null };

export type ResolvedOptions = Required<
  Omit<PreorderOptions, 'endpoint' | 'locale' | 'timeZone' | 'transform'>
> &
  Pick<PreorderOptions, 'endpoint' | 'locale' | 'timeZone' | 'transform'>;

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
};

const FALLBACKS: readonly Fallback[] = ['add-to-cart', 'disabled', 'hidden'];
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber =
  (min: number, max: number, integer = false) =>
  (v: unknown) =>
    typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v));

function isLocale(v: unknown): boolean {
  try {
    return typeof v === 'string' && Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
}

/** Each option's check and what it expects, for the console message. */
const CHECKS: { [K in keyof PreorderOptions]-?: [(v: unknown) => boolean, string] } = {
  endpoint: [
    (v) => typeof v === 'string' && endpointMode(v) !== null,
    'a URL template containing {sku} or {skus}',
  ],
  batchSize: [isNumber(1, 1000, true), 'an integer from 1 to 1000'],
  fetchInit: [isObject, 'an object of fetch options'],
  transform: [(v) => typeof v === 'function', 'a function (json, skus) => record or record[]'],
  locale: [isLocale, 'a BCP 47 language tag such as "de-DE"'],
  currency: [
    (v) => typeof v === 'string' && /^[A-Za-z]{3}$/.test(v),
    'an ISO 4217 code such as "EUR"',
  ],
  timeZone: [
    (v) => typeof v === 'string' && isTimeZone(v),
    'an IANA time zone such as "Europe/Berlin"',
  ],
  labels: [isObject, 'an object of per-locale strings, e.g. { en: { preorder: "Reserve" } }'],
  cacheTtl: [isNumber(0, 31_536_000), 'seconds >= 0'],
  refreshInterval: [isNumber(0, 31_536_000), 'seconds >= 0 (0 = off)'],
  timeout: [isNumber(1, 600_000), 'milliseconds > 0'],
  retries: [isNumber(0, 10, true), 'an integer from 0 to 10'],
  retryDelay: [isNumber(0, 60_000), 'milliseconds >= 0'],
  fallback: [(v) => FALLBACKS.includes(v as Fallback), '"add-to-cart", "disabled" or "hidden"'],
};

/** Keeps the valid options, reporting each invalid one on the console. */
export function validateOptions(options: unknown, source = 'configure()'): PreorderOptions {
  const valid: Record<string, unknown> = {};
  if (!isObject(options)) {
    console.error(`[preorder-elements] ${source} expects an object of options.`);
    return valid;
  }
  for (const [key, value] of Object.entries(options as object)) {
    const check = CHECKS[key as keyof PreorderOptions];
    if (!Object.hasOwn(CHECKS, key) || !check) {
      console.error(`[preorder-elements] ${source}: unknown option "${key}" ignored.`);
    } else if (value === null) {
      valid[key] = null; // back to the default
    } else if (value !== undefined && !check[0](value)) {
      console.error(
        `[preorder-elements] ${source}: option "${key}" must be ${check[1]}; got ${String(value)}. Ignored.`,
      );
    } else if (value !== undefined) {
      valid[key] = key === 'currency' ? String(value).toUpperCase() : value;
    }
  }
  return valid;
}

/** Reads the options a script tag carries as data-* attributes (`data-batch-size="20"`). */
export function optionsFromDataset(dataset: DOMStringMap): PreorderOptions {
  const options: Record<string, unknown> = {};
  const numeric = new Set([
    'batchSize',
    'cacheTtl',
    'refreshInterval',
    'timeout',
    'retries',
    'retryDelay',
  ]);
  for (const key of Object.keys(CHECKS)) {
    const raw = dataset[key];
    if (raw === undefined || key === 'fetchInit' || key === 'transform' || key === 'labels')
      continue;
    options[key] = numeric.has(key) && raw.trim() !== '' ? Number(raw) : raw;
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

function update(): void {
  shared.resolved = { ...DEFAULTS, ...shared.script, ...shared.user };
  for (const listener of shared.listeners) listener();
}

/** Merges options into a layer; a null value removes the option (back to the default). */
function merge(layer: PreorderOptions, options: PreorderOptions): PreorderOptions {
  return Object.fromEntries(
    Object.entries({ ...layer, ...options }).filter(([, value]) => value !== null),
  );
}

/** Sets page-wide defaults; later calls merge over earlier ones; `null` restores a default. */
export function configure(options: NullableOptions): void {
  shared.user = merge(shared.user, validateOptions(options));
  update();
}

/** The script tag's layer, under configure(). */
export function setScriptOptions(options: PreorderOptions): void {
  shared.script = merge(shared.script, options);
  update();
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
  shared.script = {};
  shared.user = {};
  update();
}
