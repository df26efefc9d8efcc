/**
 * Same-day dispatch for in-stock items: the order cut-off in the store's zone
 * and the delivery window in business days (weekends and the shop's holidays
 * off: nothing leaves, nothing is in transit).
 */
import { addBusinessDays, isBusinessDay, wallClock } from './calendar.js';
import type { CalendarDay } from './types.js';

/** The first and last day of a delivery window. */
export interface DayWindow {
  earliest: CalendarDay;
  latest: CalendarDay;
}

export interface Dispatch {
  /** The business day an order placed now leaves the warehouse. */
  shipDay: CalendarDay;
  /** Whole minutes (rounded up) left to make today's dispatch; null when it is missed. */
  minutesLeft: number | null;
}

/**
 * An attribute's text, or a number a framework set the property to as text;
 * anything else reads as nothing (never a throw from its toString).
 */
const textOf = (value: unknown): string =>
  (typeof value === 'string' || typeof value === 'number' ? `${value}` : '').trim();

/** Parses `HH:MM` (24 h) to minutes after midnight; null when malformed. */
export function parseCutoff(value: unknown): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(textOf(value));
  return match && +match[1] * 60 + +match[2];
}

/** Parses `2-4` or `3` business days to [min, max]; null when malformed. */
export function parseTransitDays(value: unknown): [number, number] | null {
  const [, min, max = min] = /^(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?$/.exec(textOf(value)) ?? [];
  return min && +min <= +max ? [+min, +max] : null;
}

/** When an order placed at `now` ships, given a cut-off in minutes after midnight. */
export function dispatchAt(
  now: number,
  cutoffMinutes: number,
  timeZone?: string,
  holidays?: readonly CalendarDay[],
): Dispatch {
  const { day, secondsOfDay } = wallClock(now, timeZone);
  const secondsLeft = cutoffMinutes * 60 - secondsOfDay;
  if (isBusinessDay(day, holidays) && secondsLeft > 0) {
    return { shipDay: day, minutesLeft: Math.ceil(secondsLeft / 60) };
  }
  return { shipDay: addBusinessDays(day, 1, holidays), minutesLeft: null };
}

/** Delivery window: business days in transit after the ship day. */
export function arrivalWindow(
  shipDay: CalendarDay,
  [min, max]: [number, number],
  holidays?: readonly CalendarDay[],
): DayWindow {
  return {
    earliest: addBusinessDays(shipDay, min, holidays),
    latest: addBusinessDays(shipDay, max, holidays),
  };
}
