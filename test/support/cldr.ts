/**
 * Engines format dates with the CLDR data of their own ICU. Chromium and Firefox
 * ship a recent one; WebKitGTK uses the system's (Debian 12: ICU 72, CLDR 42),
 * in which three en-GB forms were still the older ones:
 *
 *   short weekday        "Fri, 12 March"            now "Fri 12 March"
 *   day range            "10–20 March 2027"         now "10 – 20 March 2027"
 *   weekday day range    "Thu 11 – Mon 15 March"    now "Thu 11 March – Mon 15 March"
 *
 * Both are correct British English, and the library passes Intl's output on as
 * it is. `gb()` rewrites an engine's older en-GB forms into the newer ones the
 * tests are written in; each rewrite is on only where this engine's own Intl
 * gives that older form, so elsewhere `gb()` changes nothing. Use it on en-GB
 * output only, after `plain()` where that applies.
 */
const format = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options });
const WEEKDAY = { weekday: 'short', day: 'numeric', month: 'long' } as const;
const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const march = (day: number) => Date.UTC(2027, 2, day);

const commaAfterWeekday = format(WEEKDAY).format(march(12)) === 'Fri, 12 March';
const tightDayRange = format(DAY).formatRange(march(10), march(20)) === '10–20 March 2027';
const sharedMonthInWeekdayRange =
  format(WEEKDAY).formatRange(march(11), march(15)) === 'Thu 11 – Mon 15 March';

const WEEKDAYS = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

export function gb<T extends string | null | undefined>(text: T): T {
  if (typeof text !== 'string') return text;
  let out: string = text;
  if (sharedMonthInWeekdayRange) {
    out = out.replace(
      new RegExp(`\\b${WEEKDAYS} (\\d{1,2}) – ${WEEKDAYS} (\\d{1,2}) ([A-Z][a-z]+)\\b`, 'g'),
      '$1 $2 $5 – $3 $4 $5',
    );
  }
  if (commaAfterWeekday) out = out.replace(new RegExp(`\\b${WEEKDAYS}, (\\d)`, 'g'), '$1 $2');
  if (tightDayRange) out = out.replace(/(\d)–(\d)/g, '$1 – $2');
  return out as T;
}
