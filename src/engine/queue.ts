/**
 * First come, first served: an order of q units takes queue positions
 * reserved+1 .. reserved+q, and ships when the lot covering its last position
 * arrives.
 */
import { dayOf } from './calendar.js';
import type { CalendarDay, IncomingLot } from './types.js';

/**
 * The calendar day the last of `quantity` queued units arrives, or null when
 * the order reaches past every lot (no date can be promised).
 */
export function queueShipDay(
  lots: readonly IncomingLot[],
  reserved: number,
  quantity: number,
  timeZone?: string,
): CalendarDay | null {
  const lastPosition = reserved + quantity;
  const byDay = lots
    .map((lot) => ({ quantity: lot.quantity, day: dayOf(lot.date, timeZone) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let covered = 0;
  for (const lot of byDay) {
    covered += lot.quantity;
    if (covered >= lastPosition) return lot.day;
  }
  return null;
}
