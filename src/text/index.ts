/**
 * The text layer: every string the elements show, in en, de, fr, es and ja,
 * with merchant overrides, and dates, numbers, money and plurals through
 * Intl. Pure TypeScript: no DOM, no network; runs in Node too.
 */
import type { CalendarDay, ShipDate } from '../engine/index.js';
import { context, text } from './core.js';
import { type DayStyle, day, dayRange, moved, shipText } from './dates.js';
import type { TextKey, TextOptions, TextParams } from './types.js';

export type {
  BuiltinLocale,
  Catalog,
  LabelOverrides,
  TextKey,
  TextOptions,
  TextParams,
} from './types.js';
export { CATALOGS, isLocaleReady, loadLocale, resolveLocale } from './core.js';
export {
  describe,
  describeDispatch,
  describeRender,
  type DecisionText,
  type RenderText,
} from './describe.js';
export type { DayStyle } from './dates.js';
export {
  MAIL_CATALOGS,
  MAIL_KEYS,
  mailText,
  type MailCatalog,
  type MailKey,
  type MailLabels,
  type MailTextOptions,
} from './mail/index.js';

/** The language tag the text is in (for `lang` attributes): `de-AT`, or `en` for an unknown locale. */
export function textLocale(options?: TextOptions): string {
  return context(options).intl;
}

/** The string for `key`, its `{placeholders}` filled from `params` as plain text. Never throws. */
export function translate(key: TextKey, params?: TextParams, options?: TextOptions): string {
  return text(context(options), key, params);
}

/**
 * A calendar day (`YYYY-MM-DD`) as text, the same day in every time zone:
 * `long` "12 March 2027", `month` "March 2027", `weekday` "Fri 12 March"
 * (en-GB forms). A value that is no real day comes back as it is.
 */
export function formatDay(
  value: CalendarDay,
  options?: TextOptions,
  style: DayStyle = 'long',
): string {
  return day(context(options), value, style);
}

/** Two calendar days as one range ("10–20 March 2027"), in either order. */
export function formatDayRange(
  earliest: CalendarDay,
  latest: CalendarDay,
  options?: TextOptions,
  style: DayStyle = 'long',
): string {
  return dayRange(context(options), earliest, latest, style);
}

/** "Expected to ship by 12 March 2027", "Ships in Q1 2027"...; null for `none`. */
export function formatShipDate(ship: ShipDate, options?: TextOptions): string | null {
  return shipText(context(options), ship)?.text ?? null;
}

/** "Now expected 2 April 2027 (was 12 March 2027)"; null when the ship date names no day. */
export function formatMoved(
  ship: ShipDate,
  previous: CalendarDay,
  options?: TextOptions,
): string | null {
  return moved(context(options), ship, previous);
}
