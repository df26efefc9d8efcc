/** A whole Decision (and same-day dispatch) as the strings the elements show. */
import type { CalendarDay, Decision, Dispatch, Message } from '../engine/index.js';
import { type Context, CATALOGS, context, formatNumber, text } from './core.js';
import { day, dayRange, moved, shipText, when } from './dates.js';
import type { TextKey, TextOptions, TextParams } from './types.js';

export interface DecisionText {
  /** The button label. */
  label: string;
  /** One string per `decision.messages` entry, same order. */
  messages: string[];
  /**
   * The ship date, null for `none`. `datetime` is a valid `<time datetime>`
   * value of the first day the text names: a day (`2027-03-12`, the Monday
   * for week precision, the earliest day of a window), a month (`2027-03`)
   * or a year (`2027`, for quarters); '' when there is no date (in stock,
   * to be confirmed): omit the attribute then.
   */
  ship: { text: string; datetime: string } | null;
  /** "Now expected 2 April 2027 (was 12 March 2027)" when `decision.previousShip` is set. */
  moved: string | null;
  /** "Release date 12 March 2027" for coming-soon and pre-order items with a release day. */
  release: string | null;
  /** Tooltip: what this kind of order means. Null for plain in-stock and discontinued items. */
  explanation: string | null;
  /** Accessible name of the info trigger; null exactly when `explanation` is. */
  infoLabel: string | null;
}

/** A message's own parameters, plus the formatted ones its template takes. */
function message(c: Context, m: Message): string {
  const params = { ...m } as unknown as TextParams;
  if ('percent' in m)
    params.percent = formatNumber(c, m.percent / 100, {
      style: 'percent',
      maximumFractionDigits: 2,
    });
  if ('amount' in m) {
    try {
      params.amount = formatNumber(c, m.amount, { style: 'currency', currency: c.currency });
    } catch {
      // An unusable currency code: a plain number.
      params.amount = formatNumber(c, m.amount);
    }
  }
  if ('ship' in m) params.when = when(c, m.ship);
  return text(c, m.key, params);
}

export function describe(decision: Decision, options?: TextOptions): DecisionText {
  const c = context(options);
  const { previousShip, releaseDay, status } = decision;
  // The kinds of order the catalog explains: sold_out -> explainSoldOut, infoSoldOut.
  const kind = (decision.orderKind ?? status).replace(/(?:^|_)(.)/g, (_, letter: string) =>
    letter.toUpperCase(),
  );
  const about = (prefix: string) =>
    Object.hasOwn(CATALOGS.en, 'explain' + kind) ? text(c, (prefix + kind) as TextKey) : null;
  return {
    label: text(c, decision.label),
    messages: decision.messages.map((m) => message(c, m)),
    ship: shipText(c, decision.ship),
    moved: previousShip ? moved(c, decision.ship, previousShip) : null,
    release:
      releaseDay && (status === 'coming_soon' || status === 'preorder')
        ? text(c, 'release', { date: day(c, releaseDay) })
        : null,
    explanation: about('explain'),
    infoLabel: about('info'),
  };
}

/**
 * Same-day dispatch for in-stock items: "Order within 2 h 10 min to ship
 * today" while today's cut-off is ahead, else "Ships Tue 9 March"; and the
 * delivery window, "Arrives Fri 5 – Tue 9 March", when one is known.
 */
export function describeDispatch(
  dispatch: Dispatch,
  today: CalendarDay,
  arrival: { earliest: CalendarDay; latest: CalendarDay } | null,
  options?: TextOptions,
): { dispatch: string; arrival: string | null } {
  const c = context(options);
  const left = Math.ceil(dispatch.minutesLeft ?? 0);
  return {
    dispatch:
      left > 0 && dispatch.shipDay === today
        ? text(c, 'orderWithin', {
            time: text(c, 'duration', { h: Math.floor(left / 60), m: left % 60 }),
          })
        : text(c, 'shipsOn', { date: day(c, dispatch.shipDay, 'weekday') }),
    arrival: arrival
      ? text(c, 'arrives', { date: dayRange(c, arrival.earliest, arrival.latest, 'weekday') })
      : null,
  };
}
