/** A whole Decision (and same-day dispatch) as the strings the elements show. */
import type {
  CalendarDay,
  DayWindow,
  Decision,
  Dispatch,
  Message,
  MessageKey,
  OrderKind,
  RenderDecision,
  Status,
} from '../engine/index.js';
import { type Context, context, formatNumber, text } from './core.js';
import { day, dayRange, moved, shipText, when } from './dates.js';
import type { TextOptions, TextParams } from './types.js';

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

/** What a render shows: the decision's text, each message by its key, dispatch and arrival. */
export interface RenderText extends DecisionText {
  /** The text of each message the decision holds, by its key. */
  message: Partial<Record<MessageKey, string>>;
  /** "Order within 2 h 10 min to ship today" or "Ships Fri 27 November", with a cut-off. */
  dispatch: string | null;
  /** "Arrives Mon 30 November – Wed 2 December", with transit days. */
  arrival: string | null;
}

/**
 * What names the tooltip (`explain*`) and its trigger (`info*`) for each kind
 * of order (the order kind when there is one, else the status); none for
 * plain in-stock and discontinued items, where there is nothing to explain.
 * Both keys are checked against the catalog.
 */
const EXPLAINED: Partial<
  Record<OrderKind | Status, 'Preorder' | 'Backorder' | 'Mixed' | 'ComingSoon' | 'SoldOut'>
> = {
  preorder: 'Preorder',
  backorder: 'Backorder',
  mixed: 'Mixed',
  coming_soon: 'ComingSoon',
  sold_out: 'SoldOut',
};

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

/**
 * A decision's text: what describeRender() gives without the render's own
 * fields (a plain Decision has no dispatch or arrival to describe).
 */
export function describe(decision: Decision, options?: TextOptions): DecisionText {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out of the answer
  const { message, dispatch, arrival, ...decisionText } = describeRender(
    decision as RenderDecision,
    options,
  );
  return decisionText;
}

/**
 * The text of one render. `saidBeside`: messages another element beside this
 * one states (the split under an <expected-date>), left out of `messages`.
 */
export function describeRender(
  decision: RenderDecision,
  options?: TextOptions,
  saidBeside: readonly MessageKey[] = [],
): RenderText {
  const c = context(options);
  const byKey: RenderText['message'] = {};
  const messages: string[] = [];
  for (const m of decision.messages) {
    const said = (byKey[m.key] = message(c, m));
    if (!saidBeside.includes(m.key)) messages.push(said);
  }
  const { previousShip, releaseDay, status, dispatch, arrival } = decision;
  const explained = EXPLAINED[decision.orderKind ?? status] ?? null;
  return {
    label: text(c, decision.label),
    messages,
    ship: shipText(c, decision.ship),
    moved: previousShip ? moved(c, decision.ship, previousShip) : null,
    release:
      releaseDay && (status === 'coming_soon' || status === 'preorder')
        ? text(c, 'release', { date: day(c, releaseDay) })
        : null,
    explanation: explained && text(c, `explain${explained}`),
    infoLabel: explained && text(c, `info${explained}`),
    message: byKey,
    dispatch: dispatch && dispatchLine(c, dispatch, decision.today),
    arrival: arrival && arrivalLine(c, arrival),
  };
}

/** "Order within 2 h 10 min to ship today" while today's cut-off is ahead, else "Ships Tue 9 March". */
function dispatchLine(c: Context, dispatch: Dispatch, today: CalendarDay): string {
  const left = Math.ceil(dispatch.minutesLeft ?? 0);
  return left > 0 && dispatch.shipDay === today
    ? text(c, 'orderWithin', {
        time: text(c, 'duration', { h: Math.floor(left / 60), m: left % 60 }),
      })
    : text(c, 'shipsOn', { date: day(c, dispatch.shipDay, 'weekday') });
}

/** "Arrives Fri 5 – Tue 9 March". */
const arrivalLine = (c: Context, arrival: DayWindow) =>
  text(c, 'arrives', { date: dayRange(c, arrival.earliest, arrival.latest, 'weekday') });

/**
 * Same-day dispatch for in-stock items: "Order within 2 h 10 min to ship
 * today" while today's cut-off is ahead, else "Ships Tue 9 March"; and the
 * delivery window, "Arrives Fri 5 – Tue 9 March", when one is known.
 */
export function describeDispatch(
  dispatch: Dispatch,
  today: CalendarDay,
  arrival: DayWindow | null,
  options?: TextOptions,
): { dispatch: string; arrival: string | null } {
  const c = context(options);
  return {
    dispatch: dispatchLine(c, dispatch, today),
    arrival: arrival && arrivalLine(c, arrival),
  };
}
