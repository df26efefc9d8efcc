import { waitUntil } from '@open-wc/testing';
import { resetOptions } from '../../src/data/index.js';

/** Thursday 26 November 2026, 15:00 UTC: every element test's "now". */
export const NOW = Date.UTC(2026, 10, 26, 15, 0);

const realNow = Date.now;

/**
 * Sets the page's clock: `Date.now()` returns `now` (a number, or a function
 * for a clock the test moves) until resetAll(). Timers still run in real time.
 */
export function pinClock(now: number | (() => number) = NOW): void {
  Date.now = typeof now === 'number' ? () => now : now;
}

export function resetAll(): void {
  Date.now = realNow;
  resetOptions();
  try {
    localStorage.clear();
  } catch {
    // storage may be unavailable; nothing to clear then
  }
}

/** The element's rendered text, whitespace collapsed. */
export function shownText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

export function parts(element: Element, name: string): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

/** Records for every state, relative to NOW (2026-11-26). */
export const RECORDS = {
  inStock: { sku: 'IN', onHand: 40 },
  lowStock: { sku: 'LOW', onHand: 3, lowStockThreshold: 5 },
  preorder: {
    sku: 'PRE',
    releaseDate: '2027-03-12',
    reserved: 180,
    cap: 'incoming',
    incoming: [
      { quantity: 200, date: '2027-03-12' },
      { quantity: 500, date: '2027-04-02' },
    ],
    payment: { mode: 'deposit', depositPercent: 20 },
  },
  preorderNearlyFull: {
    sku: 'PRE-NEAR',
    releaseDate: '2027-03-12',
    reserved: 190,
    cap: 200,
    incoming: [{ quantity: 200, date: '2027-03-12' }],
  },
  preorderFull: { sku: 'PRE-FULL', releaseDate: '2027-03-12', reserved: 200, cap: 200 },
  backorder: {
    sku: 'BACK',
    onHand: 0,
    allowBackorder: true,
    incoming: [{ quantity: 50, date: '2027-01-15' }],
    payment: { mode: 'full' },
  },
  mixed: {
    sku: 'MIX',
    onHand: 2,
    allowBackorder: true,
    incoming: [{ quantity: 50, date: '2027-01-15' }],
  },
  soldOut: { sku: 'OUT', onHand: 0 },
  comingSoon: { sku: 'SOON', releaseDate: '2027-05-01', allowPreorder: false },
  discontinued: { sku: 'GONE', status: 'discontinued' },
  moved: {
    sku: 'MOVED',
    status: 'backorder',
    expectedDate: '2027-04-02',
    previousExpectedDate: '2027-03-12',
  },
} as const;

/** Waits until the element is done loading (its record, and the strings of its locale). */
export async function settled(element: HTMLElement & { updateComplete: Promise<boolean> }) {
  await waitUntil(() => !element.hasAttribute('loading'), 'still loading');
  await element.updateComplete;
}
