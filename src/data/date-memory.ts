/**
 * The ship-date promises the shopper has seen: the day this browser last
 * showed per SKU and quantity (kept across visits, bounded, and a no-op where
 * storage is unavailable), so a moved date can be pointed out; and which
 * promises an element states on this page now, so another element beside it
 * leaves the same fact out.
 */
import type { ShownPromise } from '../engine/index.js';
import { recall, remember } from './storage.js';

const KEY = 'preorder-elements:shown-dates';
/** Promises remembered at most; the least recently shown go first. */
export const MAX_REMEMBERED = 200;

/** One key per SKU and quantity: the queue gives a bigger order a later date. */
const promiseKey = (sku: string, quantity: number) => (quantity > 1 ? `${sku} x${quantity}` : sku);

/** How many elements state each promise on the page now; listeners hear of every change. */
const onPage = new Map<string, number>();
const listeners = new Set<() => void>();

/** Whether an element on the page states the promise for this SKU and quantity now. */
export const isPromiseOnPage = (sku: string, quantity: number): boolean =>
  onPage.has(promiseKey(sku, quantity));

/** Called when a promise appears on the page or goes; returns the unsubscribe function. */
export function onPromisesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function count(key: string, by: number): void {
  const n = (onPage.get(key) ?? 0) + by;
  if (n > 0) onPage.set(key, n);
  else onPage.delete(key);
  // Only a promise that appears or goes is news.
  if (n === 0 || (n === 1 && by > 0)) for (const listener of [...listeners]) listener();
}

/**
 * The promise one element shows, dated or not: counted on the page while it
 * is shown; its day stored once per new promise; and what it showed last
 * comes first when asked what was shown before (another element showing the
 * same SKU may already have stored the new day).
 */
export class PromiseOnScreen {
  #key: string | null = null;
  #shown: ShownPromise | null = null;

  /** What was shown before for this SKU and quantity, by this element or this browser. */
  readonly recall = (sku: string, quantity: number): ShownPromise | null => {
    const key = promiseKey(sku, quantity);
    if (key === this.#key && this.#shown) return this.#shown;
    const day = recall(KEY)[key]; // inherited names are never strings
    return typeof day === 'string' ? { day, movedFrom: null } : null;
  };

  /** Notes the promise now shown for a SKU and quantity (`shown` null: it names no day). */
  show(sku: string, quantity: number, shown: ShownPromise | null): void {
    const key = promiseKey(sku, quantity);
    if (shown && (key !== this.#key || shown.day !== this.#shown?.day))
      remember(KEY, [[key, shown.day]], MAX_REMEMBERED);
    if (key !== this.#key) {
      count(key, 1);
      this.hide();
    }
    this.#key = key;
    this.#shown = shown;
  }

  /** Nothing shown any more (loading, failed, or off the page). */
  hide(): void {
    if (this.#key !== null) count(this.#key, -1);
    this.#key = this.#shown = null;
  }
}
