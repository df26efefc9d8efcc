/**
 * Which ship date this browser last showed for each SKU, so a moved date can
 * be pointed out ("Now expected 2 April (was 12 March)"). Bounded, and a
 * no-op where storage is unavailable (private mode, sandboxed frames, quota).
 */
import type { CalendarDay } from '../engine/index.js';
import { isObject } from './config.js';

const KEY = 'preorder-elements:shown-dates';
/** SKUs remembered at most; the least recently shown go first. */
export const MAX_REMEMBERED = 200;

function read(): Record<string, unknown> {
  try {
    const shown: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return isObject(shown) ? shown : {};
  } catch {
    return {};
  }
}

/** The day last shown for this SKU, if any. */
export function lastShownDate(sku: string): CalendarDay | null {
  const day = read()[sku]; // inherited names are never strings
  return typeof day === 'string' ? day : null;
}

/** Remembers the day shown now for this SKU. */
export function rememberShownDate(sku: string, day: CalendarDay): void {
  try {
    const entries = Object.entries(read()).filter(([key]) => key !== sku);
    entries.push([sku, day]); // insertion order = recency
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_REMEMBERED))));
  } catch {
    // Storage full or forbidden: the notice is a nicety, never a failure.
  }
}
