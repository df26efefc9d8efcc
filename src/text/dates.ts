/**
 * Calendar days, ranges and ship dates as text. A calendar day is built as
 * UTC midnight and formatted in UTC, so it is the same day in every zone.
 */
import {
  intl,
  quarterOf,
  shipSpan,
  statedPart,
  utcDate,
  weekStart,
  type CalendarDay,
  type DatePrecision,
  type ShipDate,
} from '../engine/index.js';
import { type Context, text } from './core.js';

export type DayStyle = 'long' | 'month' | 'weekday';

/**
 * `long` "12 March 2027", `month` "March 2027", `weekday` "Fri 12 March"
 * (en-GB forms); anything else is `long`. In UTC, where the day was built.
 */
const dayFormat = (c: Context, style?: DayStyle, noYear?: boolean) =>
  intl(Intl.DateTimeFormat, c.intl, {
    weekday: style === 'weekday' ? 'short' : undefined,
    day: style === 'month' ? undefined : 'numeric',
    month: 'long',
    year: style === 'weekday' || noYear ? undefined : 'numeric',
    timeZone: 'UTC',
  });

/** Intl's parts as text, the first of a month as the locale writes it ("1er" in French). */
const joined = (c: Context, parts: Intl.DateTimeFormatPart[]) =>
  parts
    .map((part) =>
      part.type === 'day' && part.value === '1' ? text(c, 'firstOfMonth') : part.value,
    )
    .join('');

/** A day as text (`long` when no style is given); the input as it is when it is no real day. */
export function day(c: Context, value: CalendarDay, style?: DayStyle, noYear?: boolean) {
  const date = utcDate(value);
  return date ? joined(c, dayFormat(c, style, noYear).formatToParts(date)) : String(value);
}

/** Two texts as one range, in the `dateRange` template. */
const range = (c: Context, start: string, end: string, both = `${start} – ${end}`) =>
  text(c, 'dateRange', { range: both, start, end });

/** Two days as one range, in either order; a single day when they are equal. `long` by default. */
export function dayRange(c: Context, a: CalendarDay, b: CalendarDay, style?: DayStyle) {
  const [start, end] = a <= b ? [a, b] : [b, a];
  const [from, to] = [utcDate(start), utcDate(end)];
  return start === end
    ? day(c, start, style)
    : from && to
      ? range(
          c,
          day(c, start, style),
          // The end without the year both share: `{start}–{end}` templates.
          day(c, end, style, start.slice(0, 4) === end.slice(0, 4)),
          joined(c, dayFormat(c, style).formatRangeToParts(from, to)),
        )
      : `${start} – ${end}`;
}

const quarter = (c: Context, value: CalendarDay) =>
  text(c, 'quarter', { q: quarterOf(value), year: value.slice(0, 4) });

export type ShipForm = 'Now' | 'Day' | 'Week' | 'Month' | 'Quarter' | 'Window' | 'Tbc';

/**
 * How the days a..b (in order) read at a precision: which phrase (`ship*` /
 * `when*` keys), its date text, and the `<time datetime>` value of the first
 * day named (the day, the week's Monday, the month, the year of a quarter).
 */
function dates(
  c: Context,
  a: CalendarDay,
  b: CalendarDay,
  precision: DatePrecision,
): [ShipForm, string, string] {
  if (precision === 'quarter' || precision === 'month') {
    // One phrase when both days fall in the same quarter or month.
    const same = statedPart(a, precision) === statedPart(b, precision);
    if (precision === 'month')
      return same
        ? ['Month', day(c, a, 'month'), a.slice(0, 7)]
        : ['Window', dayRange(c, a, b, 'month'), a.slice(0, 7)];
    const qa = quarter(c, a);
    return same
      ? ['Quarter', qa, a.slice(0, 4)]
      : ['Window', range(c, qa, quarter(c, b)), a.slice(0, 4)];
  }
  if (a !== b) return ['Window', dayRange(c, a, b), a];
  if (precision !== 'week') return ['Day', day(c, a), a];
  // A day that is no real day has no week: it stands as it is.
  const start = utcDate(a) ? weekStart(a) : a;
  return ['Week', day(c, start), start];
}

/** Phrase, date text and datetime of a ship date (see dates()); null for `none`. */
function shipForm(c: Context, ship: ShipDate): [ShipForm, string, string] | null {
  const days = shipSpan(ship);
  if (days) return dates(c, ...days);
  return ship.kind === 'now' ? ['Now', '', ''] : ship.kind === 'tbc' ? ['Tbc', '', ''] : null;
}

/** A ship date in its `ship*` phrase, and its `<time datetime>` value; null for `none`. */
export function shipText(c: Context, ship: ShipDate) {
  const form = shipForm(c, ship);
  return form && { text: text(c, `ship${form[0]}`, { date: form[1] }), datetime: form[2] };
}

/** The later part of a split shipment, in its `when*` phrase: "by 2 April 2027". */
export function when(c: Context, ship: ShipDate): string {
  // That part never ships now: without a date it is to be confirmed.
  const [form = 'Tbc', date = ''] = shipForm(c, ship) ?? [];
  return text(c, `when${form === 'Now' ? 'Tbc' : form}`, { date });
}

/**
 * "Now expected 2 April 2027 (was 12 March 2027)": both dates at the ship
 * date's precision (a week as its day), or the days themselves when both
 * read the same; null when the ship date names no day.
 */
export function moved(c: Context, ship: ShipDate, previous: CalendarDay): string | null {
  const days = shipSpan(ship);
  if (!days) return null;
  const [a, b, precision] = days;
  const as = precision === 'week' ? 'day' : precision;
  let [date, before] = [dates(c, a, b, as)[1], dates(c, previous, previous, as)[1]];
  if (date === before) [date, before] = [day(c, a), day(c, previous)];
  return text(c, 'moved', { date, previous: before });
}
