/**
 * The ship-date promises the shopper has seen: the day this browser last
 * showed per SKU and quantity (kept across visits, bounded, and a no-op where
 * storage is unavailable), so a moved date can be pointed out; and which
 * promises an element states on this page now, so another element beside it
 * leaves the same fact out.
 */
import { isCalendarDay, type CalendarDay, type ShownPromise } from '../engine/index.js';
import { recall, remember } from './storage.js';

const KEY = 'preorder-elements:shown-dates';
/** Promises remembered at most; the least recently shown go first. */
export const MAX_REMEMBERED = 200;

/** One key per SKU and quantity: the queue gives a bigger order a later date. */
const promiseKey = (sku: string, quantity: number) => (quantity > 1 ? `${sku} x${quantity}` : sku);

/** The promises elements show on this page now; listeners hear of every change. */
const onPage = new Set<PromiseOnScreen>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Whether an element on the page states the promise for this SKU and quantity now. */
export function isPromiseOnPage(sku: string, quantity: number): boolean {
  const key = promiseKey(sku, quantity);
  return [...onPage].some((promise) => promise.key === key);
}

/** Called when a promise appears on the page, changes or goes; returns the unsubscribe function. */
export function onPromisesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The promise one element shows, dated or not: on the page while it is
 * shown; its day stored once per new promise; and what it showed last comes
 * first when asked what was shown before (another element showing the same
 * SKU may already have stored the new day).
 */
export class PromiseOnScreen {
  /** Whose promise: the SKU and quantity, as one key; null while none is shown. */
  key: string | null = null;
  #shown: ShownPromise | null = null;
  /** Whose promise `#shown` is (claimed before it is decided, `key` may be ahead). */
  #shownKey: string | null = null;

  /** What was shown before for this SKU and quantity, by this element or this browser. */
  readonly recall = (sku: string, quantity: number): ShownPromise | null => {
    const key = promiseKey(sku, quantity);
    if (key === this.#shownKey && this.#shown) return this.#shown;
    // Read back as a fetched date is read: junk (or an inherited name) is no day.
    const day = recall(KEY)[key];
    return isCalendarDay(day) ? { day: day as CalendarDay, movedFrom: null } : null;
  };

  /**
   * On the page from now on for this SKU and quantity, before it is decided:
   * claimed when the record arrives, every element beside it renders that
   * record once, already knowing.
   */
  claim(sku: string, quantity: number): void {
    const key = promiseKey(sku, quantity);
    if (key === this.key) return;
    this.key = key;
    onPage.add(this);
    changed();
  }

  /** Notes the promise now shown for a SKU and quantity (`shown` null: it names no day). */
  show(sku: string, quantity: number, shown: ShownPromise | null): void {
    const key = promiseKey(sku, quantity);
    if (shown && (key !== this.#shownKey || shown.day !== this.#shown?.day))
      remember(KEY, [[key, shown.day]], MAX_REMEMBERED);
    this.#shown = shown;
    this.#shownKey = key;
    this.claim(sku, quantity);
  }

  /** Nothing shown any more (loading, failed, or off the page). */
  hide(): void {
    this.key = this.#shown = this.#shownKey = null;
    if (onPage.delete(this)) changed();
  }
}
