/**
 * Calendar days, business days and store-zone clocks. A date-only value is a
 * calendar day and never goes through `new Date('YYYY-MM-DD')` (which is UTC
 * midnight, and so the previous day west of Greenwich): day maths run on UTC
 * midnights, which no daylight-saving change moves.
 */
import { intl } from './intl.js';
import type { CalendarDay, DatePrecision, IsoDate } from './types.js';

/** A day (captured), optionally with a valid time and an optional offset (captured). */
const ISO_PATTERN =
  /^(\d{4}-\d\d-\d\d)(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)?)?$/i;

const iso = (date: Date): CalendarDay => date.toISOString().slice(0, 10);

/** UTC midnight of a real `YYYY-MM-DD` day (years 0000-9999); null for anything else. */
export function utcDate(day: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  if (!match) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: years 0-99 stay what they are.
  date.setUTCFullYear(+match[1], +match[2] - 1, +match[3]);
  // A day that does not exist (30 February) rolls over: no match.
  return iso(date) === day ? date : null;
}

/** True for a real `YYYY-MM-DD` day (no 30 February, years 1000-9999); anything else, of any type, is not. */
export function isCalendarDay(value: unknown): boolean {
  // A string first: a pattern's exec() converts an object, which can throw ({ toString: 0 }).
  // utcDate() takes years 0000-9999: a leading 0 is a year before 1000.
  return typeof value === 'string' && value[0] !== '0' && utcDate(value) !== null;
}

/**
 * Normalises an ISO 8601 string to a calendar day (`YYYY-MM-DD`) or a UTC
 * instant; null when it is not a real date. A date-time without an offset
 * names no instant, so it is taken as its calendar day.
 */
export function normalizeIsoDate(value: string): IsoDate | null {
  const [, day = '', offset] = ISO_PATTERN.exec(value) ?? [];
  if (!isCalendarDay(day)) return null;
  if (!offset) return day;
  const ms = Date.parse(value); // NaN for an offset out of range
  // An offset can push the instant out of years 1000-9999 (`+010000-...`): not a usable date.
  const instant = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  return isCalendarDay(instant.slice(0, 10)) ? instant : null;
}

// `undefined` (the runtime's zone) is left out of the cache key, '' is not: an
// invalid name never finds the runtime's formatter.
const zoneFormatter = (timeZone: string | undefined) =>
  intl(Intl.DateTimeFormat, 'en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

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

/** The day `days` calendar days after (or before) a real day. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = utcDate(day) as Date;
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** Day of the week, 0 = Sunday. */
export function weekday(day: CalendarDay): number {
  return (utcDate(day) as Date).getUTCDay();
}

export function isWeekend(day: CalendarDay): boolean {
  return weekday(day) % 6 === 0;
}

/** Monday to Friday, and not one of the shop's holidays. */
export function isBusinessDay(day: CalendarDay, holidays: readonly CalendarDay[] = []): boolean {
  return !isWeekend(day) && !holidays.includes(day);
}

/**
 * Adds (or, below 0, takes) business days: weekends and `holidays` are not
 * counted. 0 from a day off stays on it.
 */
export function addBusinessDays(
  day: CalendarDay,
  days: number,
  holidays?: readonly CalendarDay[],
): CalendarDay {
  for (let left = Math.abs(days); left > 0;) {
    day = addDays(day, Math.sign(days));
    if (isBusinessDay(day, holidays)) left--;
  }
  return day;
}

export function maxDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a > b ? a : b;
}

/** The Monday of a day's week. */
export const weekStart = (day: CalendarDay): CalendarDay => addDays(day, -((weekday(day) + 6) % 7));

/** The quarter (1-4) a day falls in. */
export const quarterOf = (day: CalendarDay): number => Math.ceil(+day.slice(5, 7) / 3);

/**
 * The part of a day that a promise of this precision states: its Monday for a
 * week, "2027-03" for a month, "2027Q1" for a quarter. Two days with the same
 * stated part read the same to the shopper.
 */
export function statedPart(day: CalendarDay, precision: DatePrecision): string {
  if (precision === 'month') return day.slice(0, 7);
  if (precision === 'quarter') return `${day.slice(0, 4)}Q${quarterOf(day)}`;
  return precision === 'week' ? weekStart(day) : day;
}
