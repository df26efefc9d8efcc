/** A whole Decision (and same-day dispatch) as the strings the elements show. */
import type { CalendarDay, Decision, Dispatch, Message, ShipDate } from '../engine/index.js';
import { type Context, context, numberFormat, text } from './core.js';
import { day, dayRange, quarter, shipForm } from './dates.js';
import type { TextKey, TextOptions } from './types.js';

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

/** Formats an amount of money; a plain number when the currency code is unusable. */
export function money(c: Context, amount: number): string {
  try {
    return numberFormat(c.intl, { style: 'currency', currency: c.currency }).format(amount);
  } catch {
    return numberFormat(c.intl).format(amount);
  }
}

/** The later part of a split shipment: "by 2 April 2027". */
function when(c: Context, ship: ShipDate): string {
  const form = shipForm(c, ship);
  const kind = form && form[0] !== 'Now' ? form[0] : 'Tbc';
  return text(c, `when${kind}` as TextKey, { date: form?.[1] ?? '' });
}

function message(c: Context, m: Message): string {
  switch (m.key) {
    case 'payDepositPercent':
      return text(c, m.key, {
        percent: numberFormat(c.intl, { style: 'percent', maximumFractionDigits: 2 }).format(
          m.percent / 100,
        ),
      });
    case 'payDepositAmount':
      return text(c, m.key, { amount: money(c, m.amount) });
    case 'splitShipment':
      return text(c, m.key, { now: m.now, later: m.later, when: when(c, m.ship) });
    default:
      // count, text, or nothing.
      return text(c, m.key, m as unknown as Record<string, string | number>);
  }
}

const KINDS: Record<string, string> = {
  preorder: 'Preorder',
  backorder: 'Backorder',
  mixed: 'Mixed',
  sold_out: 'SoldOut',
  coming_soon: 'ComingSoon',
};

export function describe(decision: Decision, options?: TextOptions): DecisionText {
  const c = context(options);
  const { ship, previousShip, releaseDay, status } = decision;
  const form = shipForm(c, ship);
  const kind = decision.orderKind ?? status;
  const about = Object.hasOwn(KINDS, kind) ? KINDS[kind] : null;

  let moved: string | null = null;
  if (previousShip && form && (ship.kind === 'day' || ship.kind === 'window')) {
    const { precision } = ship;
    const current =
      ship.kind === 'day' ? ship.day : ship.earliest < ship.latest ? ship.earliest : ship.latest;
    let now = form[0] === 'Week' ? day(c, current) : form[1];
    let was =
      precision === 'month'
        ? day(c, previousShip, 'month')
        : precision === 'quarter'
          ? quarter(c, previousShip)
          : day(c, previousShip);
    // The same month (or quarter) both times: say which days.
    if (now === was) [now, was] = [day(c, current), day(c, previousShip)];
    moved = text(c, 'moved', { date: now, previous: was });
  }

  return {
    label: text(c, decision.label),
    messages: decision.messages.map((m) => message(c, m)),
    ship: form && { text: text(c, `ship${form[0]}`, { date: form[1] }), datetime: form[2] },
    moved,
    release:
      releaseDay && (status === 'coming_soon' || status === 'preorder')
        ? text(c, 'release', { date: day(c, releaseDay) })
        : null,
    explanation: about && text(c, `explain${about}` as TextKey),
    infoLabel: about && text(c, `info${about}` as TextKey),
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
