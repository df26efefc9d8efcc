/**
 * Calendar days and store-zone clocks. A date-only value is a calendar day and
 * never goes through `new Date('YYYY-MM-DD')` (which is UTC midnight, and so
 * the previous day west of Greenwich).
 */
import { addBusinessDays as addBusinessDaysToDate } from 'date-fns/addBusinessDays';
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { isWeekend as isWeekendDate } from 'date-fns/isWeekend';
import type { CalendarDay, IsoDate } from './types.js';

/** `YYYY-MM-DD`, years 1000-9999. */
const DAY_PATTERN = /^[1-9]\d{3}-\d\d-\d\d$/;
/** A day, a valid time, and an optional offset (captured). */
const INSTANT_PATTERN =
  /^(\d{4}-\d\d-\d\d)T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)?$/i;

/** `YYYY-MM-DD` of a day given by its parts; one that does not exist (30 February) rolls over. */
const isoDay = (year: number, monthIndex: number, day: number): CalendarDay =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** True for a real `YYYY-MM-DD` day (no 30 February, years 1000-9999). */
export function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  return DAY_PATTERN.test(value) && isoDay(year, month - 1, day) === value;
}

/**
 * Normalises an ISO 8601 string to a calendar day (`YYYY-MM-DD`) or a UTC
 * instant; null when it is not a real date. A date-time without an offset
 * names no instant, so it is taken as its calendar day.
 */
export function normalizeIsoDate(value: string): IsoDate | null {
  if (isCalendarDay(value)) return value;
  const [, day = '', offset] = INSTANT_PATTERN.exec(value) ?? [];
  if (!isCalendarDay(day)) return null;
  if (!offset) return day;
  const ms = Date.parse(value); // NaN for an offset out of range
  // An offset can push the instant out of years 1000-9999 (`+010000-...`): not a usable date.
  const instant = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  return isCalendarDay(instant.slice(0, 10)) ? instant : null;
}

// Keyed by the zone as given; `undefined` (the runtime's zone) is its own key, so
// an invalid name such as '' never finds the runtime's formatter.
const formatters = new Map<string | undefined, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in a zone at an instant: its calendar day and seconds since midnight. */
export function wallClock(
  now: number,
  timeZone?: string,
): { day: CalendarDay; secondsOfDay: number } {
  const parts: Record<string, string> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(now)) parts[part.type] = part.value;
  return {
    // Intl writes year 999 as "999": pad it, so days compare as strings.
    day: `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`,
    secondsOfDay: (+parts.hour * 60 + +parts.minute) * 60 + +parts.second,
  };
}

/** The calendar day of a validated date in the store's zone. */
export function dayOf(value: IsoDate, timeZone?: string): CalendarDay {
  return value.length === 10 ? value : wallClock(Date.parse(value), timeZone).day;
}

// Noon local time: no daylight-saving change moves noon to another day, so
// date-fns (which works in local time) keeps the calendar day intact.
function toDate(day: CalendarDay): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12);
}

const fromDate = (date: Date): CalendarDay =>
  isoDay(date.getFullYear(), date.getMonth(), date.getDate());

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromDate(addDaysToDate(toDate(day), days));
}

/** Adds business days (Monday to Friday); 0 from a weekend day stays on it. */
export function addBusinessDays(day: CalendarDay, days: number): CalendarDay {
  return fromDate(addBusinessDaysToDate(toDate(day), days));
}

export function isWeekend(day: CalendarDay): boolean {
  return isWeekendDate(toDate(day));
}

/** Day of the week, 0 = Sunday. */
export function weekday(day: CalendarDay): number {
  return toDate(day).getDay();
}

export function maxDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a > b ? a : b;
}
