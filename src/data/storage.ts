/**
 * A bounded map in localStorage, for what should outlive the page: ship
 * dates shown before, records within their cache TTL. Every call is a no-op
 * where storage is unavailable (private mode, sandboxed frames, quota): what
 * is stored here is a nicety, never a failure.
 */
import { isPlainObject as isObject, type AvailabilityRecord } from '../engine/index.js';

/** Records kept in localStorage, by template and SKU: `[fetchedAt, record]`. */
export const STORED = 'preorder-elements:records';
const MAX_STORED = 300;

/** An entry's key, in memory and in storage: its template and SKU. */
export const keyOf = (template: string, sku: string) => `${template}\n${sku}`;

/** The stored map under `key` ({} when there is none, or it is unreadable). */
export function recall(key: string): Record<string, unknown> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return isObject(stored) ? stored : {};
  } catch {
    return {};
  }
}

/** Stores these entries as the most recent ones; past `max`, the least recent go. */
export function remember(key: string, entries: [string, unknown][], max: number): void {
  try {
    const names = new Set(entries.map(([name]) => name));
    const kept = Object.entries(recall(key)).filter(([name]) => !names.has(name));
    // Insertion order is recency.
    localStorage.setItem(
      key,
      JSON.stringify(Object.fromEntries([...kept, ...entries].slice(-max))),
    );
  } catch {
    // Full or forbidden.
  }
}

/** Keeps records for a later view of the page, once the page is idle: the answer's task only renders. */
export function storeRecords(
  template: string,
  records: Map<string, AvailabilityRecord>,
  fetchedAt: number,
): void {
  const store = () =>
    remember(
      STORED,
      [...records].map(([sku, record]) => [keyOf(template, sku), [fetchedAt, record]]),
      MAX_STORED,
    );
  if (typeof requestIdleCallback === 'function') requestIdleCallback(store, { timeout: 2000 });
  else setTimeout(store);
}
