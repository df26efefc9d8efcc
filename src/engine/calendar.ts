/**
 * Calendar days and store-zone clocks. A date-only value is a calendar day and
 * never goes through `new Date('YYYY-MM-DD')` (which is UTC midnight, and so
 * the previous day west of Greenwich).
 */
import { addBusinessDays as addBusinessDaysToDate } from 'date-fns/addBusinessDays';
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { isWeekend as isWeekendDate } from 'date-fns/isWeekend';
import type { CalendarDay, IsoDate } from './types.js';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** True for a real `YYYY-MM-DD` day (no 30 February, years 1000-9999). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Normalises an ISO 8601 string to a calendar day (`YYYY-MM-DD`) or a UTC
 * instant; null when it is not a real date. A date-time without an offset
 * names no instant, so it is taken as its calendar day.
 */
export function normalizeIsoDate(value: string): IsoDate | null {
  if (value.length > 40) return null;
  if (isCalendarDay(value)) return value;
  const match = INSTANT_PATTERN.exec(value);
  const [, day = '', hours, minutes, seconds, offset] = match ?? [];
  if (!match || !isCalendarDay(day)) return null;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return null;
  if (!offset) return day;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  // An offset can push the instant out of years 1000-9999 (`+010000-...`): not a usable date.
  const instant = new Date(ms).toISOString();
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
    day: `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`,
    secondsOfDay: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
  };
}

/** The calendar day of a validated date in the store's zone. */
export function dayOf(value: IsoDate, timeZone?: string): CalendarDay {
  return value.length === 10 ? value : wallClock(Date.parse(value), timeZone).day;
}

// Noon local time: no daylight-saving change moves noon to another day, so
// date-fns (which works in local time) keeps the calendar day intact.
function toDate(day: CalendarDay): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)), 12);
}

function fromDate(date: Date): CalendarDay {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

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
