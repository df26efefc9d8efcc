/**
 * Which ship date this browser last showed for each SKU, so a moved date can
 * be pointed out ("Now expected 2 April (was 12 March)"). Bounded, and a
 * no-op where storage is unavailable (private mode, sandboxed frames, quota).
 */
import type { CalendarDay } from '../engine/index.js';
import { recall, remember } from './storage.js';

const KEY = 'preorder-elements:shown-dates';
/** SKUs remembered at most; the least recently shown go first. */
export const MAX_REMEMBERED = 200;

/** The day last shown for this SKU, if any. */
export function lastShownDate(sku: string): CalendarDay | null {
  const day = recall(KEY)[sku]; // inherited names are never strings
  return typeof day === 'string' ? day : null;
}

/** Remembers the day shown now for this SKU. */
export function rememberShownDate(sku: string, day: CalendarDay): void {
  remember(KEY, [[sku, day]], MAX_REMEMBERED);
}
