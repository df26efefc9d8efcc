/** The one reading of a ship date's kind: which days it names, and how it reads. */
import { statedPart } from './calendar.js';
import type { CalendarDay, DatePrecision, ShipDate } from './types.js';

/** The first and last day a ship date names, in order, and its precision; null when it names none. */
export function shipSpan(ship: ShipDate): [CalendarDay, CalendarDay, DatePrecision] | null {
  if (ship.kind === 'day') return [ship.day, ship.day, ship.precision];
  if (ship.kind !== 'window') return null;
  const { earliest, latest, precision } = ship;
  return earliest <= latest ? [earliest, latest, precision] : [latest, earliest, precision];
}

/** The first day a ship date names: the day, or a window's earliest; null when it names none. */
export function firstShipDay(ship: ShipDate): CalendarDay | null {
  return shipSpan(ship)?.[0] ?? null;
}

/** The ship date as a machine value: `2027-03-12`, `2027-03-10/2027-03-20` for a window, or null. */
export function shipDateValue(ship: ShipDate): string | null {
  const span = shipSpan(ship);
  return span && (ship.kind === 'window' ? `${span[0]}/${span[1]}` : span[0]);
}

/**
 * Whether a day reads otherwise than the ship date, at the precision the ship
 * date states: 3 and 20 March read the same at month precision. False when
 * either names no day.
 */
export function readsOtherwise(ship: ShipDate, day: CalendarDay | null | undefined): boolean {
  const span = shipSpan(ship);
  return !!span && !!day && statedPart(day, span[2]) !== statedPart(span[0], span[2]);
}
