/**
 * Calendar days, ranges and ship dates as text. A calendar day is built as
 * UTC midnight and formatted in UTC, so it is the same day in every zone.
 */
import type { CalendarDay, ShipDate } from '../engine/index.js';
import { type Context, dateFormat, text } from './core.js';

export type DayStyle = 'long' | 'month' | 'weekday';

const STYLES: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  weekday: { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' },
};

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** UTC midnight of a real `YYYY-MM-DD` day; null for anything else. */
function utc(day: CalendarDay): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  if (!match) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: years 0-99 stay what they are.
  date.setUTCFullYear(+match[1], +match[2] - 1, +match[3]);
  return iso(date) === day ? date : null;
}

/** A day as text; the input as it is when it is no real day. */
export function day(
  c: Context,
  value: CalendarDay,
  style: DayStyle = 'long',
  noYear = false,
): string {
  const date = utc(value);
  if (!date) return String(value);
  const options = STYLES[style] ?? STYLES.long;
  return dateFormat(c.intl, noYear ? { ...options, year: undefined } : options).format(date);
}

/** Two days as one range, in the `dateRange` template; a single day when they are equal. */
export function dayRange(
  c: Context,
  a: CalendarDay,
  b: CalendarDay,
  style: DayStyle = 'long',
): string {
  const [start, end] = a <= b ? [a, b] : [b, a];
  const [from, to] = [utc(start), utc(end)];
  if (start === end || !from || !to)
    return start === end ? day(c, start, style) : `${start} – ${end}`;
  return text(c, 'dateRange', {
    range: dateFormat(c.intl, STYLES[style] ?? STYLES.long).formatRange(from, to),
    start: day(c, start, style),
    end: day(c, end, style, start.slice(0, 4) === end.slice(0, 4)),
  });
}

export const quarter = (c: Context, value: CalendarDay) =>
  text(c, 'quarter', { q: Math.ceil(+value.slice(5, 7) / 3), year: value.slice(0, 4) });

/** Monday of the day's week. */
function monday(value: CalendarDay): CalendarDay {
  const date = utc(value);
  if (!date) return value;
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return iso(date);
}

export type ShipForm = 'Now' | 'Day' | 'Week' | 'Month' | 'Quarter' | 'Window' | 'Tbc';

/**
 * How a ship date reads: which phrase (`ship*` / `when*` keys), its date
 * text, and the value for `<time datetime>` ('' when there is no date).
 * Null for `none`.
 */
export function shipForm(c: Context, ship: ShipDate): [ShipForm, string, string] | null {
  if (ship.kind === 'now') return ['Now', '', ''];
  if (ship.kind === 'tbc') return ['Tbc', '', ''];
  if (ship.kind !== 'day' && ship.kind !== 'window') return null;
  const { precision } = ship;
  const [a, b] =
    ship.kind === 'day'
      ? [ship.day, ship.day]
      : ship.earliest <= ship.latest
        ? [ship.earliest, ship.latest]
        : [ship.latest, ship.earliest];
  if (precision === 'quarter') {
    const [qa, qb] = [quarter(c, a), quarter(c, b)];
    return qa === qb
      ? ['Quarter', qa, a.slice(0, 4)]
      : [
          'Window',
          text(c, 'dateRange', { range: `${qa} – ${qb}`, start: qa, end: qb }),
          a.slice(0, 4),
        ];
  }
  if (precision === 'month') {
    return a.slice(0, 7) === b.slice(0, 7)
      ? ['Month', day(c, a, 'month'), a.slice(0, 7)]
      : ['Window', dayRange(c, a, b, 'month'), a.slice(0, 7)];
  }
  if (a !== b) return ['Window', dayRange(c, a, b), a];
  if (precision === 'week') {
    const start = monday(a);
    return ['Week', day(c, start), start];
  }
  return ['Day', day(c, a), a];
}
