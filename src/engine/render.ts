/**
 * Everything one render of one SKU needs, decided once: the Decision, plus
 * same-day dispatch and arrival for in-stock items, and whether the promise
 * moved from what this browser showed before, at the precision it states.
 * The elements call this and nothing else of the engine; so can a server.
 */
import { decide, storeClock } from './decide.js';
import {
  arrivalWindow,
  dispatchAt,
  parseCutoff,
  parseTransitDays,
  type DayWindow,
  type Dispatch,
} from './dispatch.js';
import { readsOtherwise, shipSpan } from './ship-date.js';
import type { AvailabilityRecord, CalendarDay, DecideOptions, Decision } from './types.js';

/** A promise as it was shown: its first day, and the day it had moved from (its notice). */
export interface ShownPromise {
  day: CalendarDay;
  movedFrom: CalendarDay | null;
}

export interface RenderOptions extends DecideOptions {
  /** Same-day dispatch cut-off in the store's zone, `HH:MM` (24 h), for in-stock items. */
  cutoff?: string | null;
  /** Business days in transit, `2-4` or `3`, for the arrival window of in-stock items. */
  transitDays?: string | null;
  /** Days the shop is closed besides weekends (`YYYY-MM-DD`): nothing ships or travels. */
  holidays?: readonly CalendarDay[];
  /**
   * What this browser showed before for a SKU and quantity: the `shown` of the
   * last render, or a day remembered from an earlier visit. Asked with the
   * quantity the decision is for.
   */
  lastShown?: (sku: string, quantity: number) => ShownPromise | null;
}

export interface RenderDecision extends Decision {
  /**
   * The day promised before, when the promise moved: the record's
   * `previousExpectedDate`, else what this browser showed before.
   */
  previousShip: CalendarDay | null;
  /** The store zone's day at `now`. */
  today: CalendarDay;
  /** In stock with a cut-off: when an order placed now leaves. */
  dispatch: Dispatch | null;
  /** In stock with transit days: the delivery window. */
  arrival: DayWindow | null;
  /** The promise as shown now (pass it back as `lastShown`); null when it names no day. */
  shown: ShownPromise | null;
  /** The promise moved with this decision (not merely still moved): announce it. */
  moved: { previous: CalendarDay; current: CalendarDay } | null;
}

export function decideRender(
  record: AvailabilityRecord,
  options: RenderOptions = {},
): RenderDecision {
  const clock = storeClock(options);
  const decision = decide(record, options, clock);
  const { holidays } = options;
  let dispatch: Dispatch | null = null;
  let arrival: DayWindow | null = null;
  if (decision.ship.kind === 'now') {
    const cutoff = parseCutoff(options.cutoff);
    const transit = parseTransitDays(options.transitDays);
    // Without a cut-off, an order ships on the next business day that has not ended.
    const leaves = dispatchAt(clock.now, cutoff ?? 24 * 60, clock.timeZone, holidays);
    if (cutoff !== null) dispatch = leaves;
    if (transit) arrival = arrivalWindow(leaves.shipDay, transit, holidays);
  }

  // What this browser showed before: moved when it reads otherwise (3 to 20
  // March is no news at month precision); still moved when what it had moved
  // from still reads otherwise.
  const { ship } = decision;
  const day = shipSpan(ship)?.[0]; // the first day it names
  const before = (day && options.lastShown?.(decision.sku, decision.quantity)) || null;
  const movedNow = !before || readsOtherwise(ship, before.day);
  const fromBrowser =
    before &&
    (movedNow ? before.day : readsOtherwise(ship, before.movedFrom) ? before.movedFrom : null);
  const previousShip = decision.previousShip ?? fromBrowser;
  const shown = day ? { day, movedFrom: previousShip } : null;
  const moved = day && previousShip && movedNow ? { previous: previousShip, current: day } : null;
  return { ...decision, previousShip, today: clock.today, dispatch, arrival, shown, moved };
}
