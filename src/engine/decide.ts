/**
 * What to show and accept for a validated record, a quantity and a clock in
 * the store's zone: one plain Decision. decideRender() builds on it.
 */
import { remainingCapacity } from './capacity.js';
import { dayOf, isTimeZone, maxDay, wallClock } from './calendar.js';
import { paymentMessage } from './payment.js';
import { queueShipDay } from './queue.js';
import { readsOtherwise } from './ship-date.js';
import { canBackorder, deriveStatus, isUnreleased } from './status.js';
import type {
  AvailabilityRecord,
  CalendarDay,
  DecideOptions,
  Decision,
  LabelKey,
  Message,
  OrderKind,
  ShipDate,
  Split,
  Status,
} from './types.js';

/**
 * Capped queues show "Only N left to pre-order" at or below this many units
 * when the record sets no `lowStockThreshold`. Stock counts stay private
 * unless the merchant sets a threshold.
 */
export const DEFAULT_CAP_THRESHOLD = 10;

const LABELS: Record<Status, LabelKey> = {
  in_stock: 'addToCart',
  preorder: 'preorder',
  backorder: 'backorder',
  sold_out: 'soldOut',
  coming_soon: 'comingSoon',
  discontinued: 'discontinued',
};

const TBC: ShipDate = { kind: 'tbc' };

/** The instant and the store's zone a decision is made in, and that zone's day then. */
export interface StoreClock {
  now: number;
  /** The store's zone when the runtime knows it; else undefined (the runtime's). */
  timeZone: string | undefined;
  today: CalendarDay;
  /** What was wrong with the options given, and what stands in; the decision adds its own. */
  warnings: string[];
}

export function storeClock({ now, timeZone }: DecideOptions): StoreClock {
  const warnings: string[] = [];
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    warnings.push(`unknown time zone "${timeZone}"; using the shopper's`);
    timeZone = undefined;
  }
  // Beyond ±8.64e15 ms there is no Date (Intl would throw): use the real clock.
  if (!(Math.abs(now ?? NaN) <= 8.64e15)) now = Date.now();
  return { now: now as number, timeZone, today: wallClock(now as number, timeZone).day, warnings };
}

/**
 * Decides what to show and accept for `record`. Pure; never throws on a
 * validated record. `clock`: one already settled from these options.
 */
export function decide(
  record: AvailabilityRecord,
  options: DecideOptions = {},
  clock: StoreClock = storeClock(options),
): Decision {
  const { now, timeZone, today, warnings } = clock;
  const quantity = Number.isSafeInteger(options.quantity)
    ? Math.max(1, options.quantity as number)
    : 1;
  const { status, capReachedFor } = deriveStatus(record, today, now);
  const remaining = remainingCapacity(record);
  const releaseDay = isUnreleased(record, today, now)
    ? dayOf(record.releaseDate as string, timeZone)
    : null;
  const perOrder = record.maxPerOrder ?? Infinity;
  const messages: Message[] = [];
  let orderKind: OrderKind | null = null;
  let maxQuantity = Infinity;
  let ship: ShipDate = { kind: 'none' };
  let split: Split | null = null;

  /** When `units` queued behind `reserved` ship: never before `floor` (if any), never in the past. */
  const queuedShip = (units: number, floor: CalendarDay = ''): ShipDate => {
    const explicit = record.expectedDate;
    const lots = record.incoming ?? [];
    let earliest = floor;
    let latest = floor;
    if (explicit) {
      const window =
        typeof explicit === 'object' ? explicit : { earliest: explicit, latest: explicit };
      earliest = dayOf(window.earliest, timeZone);
      // A pre-order never ships before its release day, whatever date the record gives.
      if (earliest < floor) {
        warnings.push(`expected date ${earliest} is before the release day ${floor}`);
        earliest = floor;
      }
      // An instant can fall on an earlier store-zone day than a date-only earliest.
      latest = maxDay(earliest, dayOf(window.latest, timeZone));
    } else if (lots.length) {
      const day = queueShipDay(lots, record.reserved ?? 0, units, timeZone);
      // First come, first served: a lot still incoming though its day is gone is
      // overdue, and every order queued behind it waits for it too.
      const overdue = lots.find(
        (lot) => lot.quantity > 0 && maxDay(dayOf(lot.date, timeZone), floor) < today,
      );
      if (day && overdue) {
        warnings.push(`supply lot of ${overdue.date} is overdue`);
        return TBC;
      }
      earliest = latest = day ? maxDay(day, floor) : '';
    }
    if (!earliest) return TBC;
    if (latest < today) {
      // A date already gone is a broken promise: say "to be confirmed" instead.
      warnings.push(`expected date ${latest} is in the past`);
      return TBC;
    }
    const precision = record.datePrecision ?? 'day';
    return typeof explicit === 'object'
      ? { kind: 'window', earliest, latest, precision }
      : { kind: 'day', day: earliest, precision };
  };

  if (status === 'in_stock') {
    // An explicit in_stock without a count is trusted as plenty.
    const stock = record.onHand || Infinity;
    // The rest joins the backorder queue only where a backorder alone would be taken
    // (docs/record.md, How the status is derived).
    const queueRoom = canBackorder(record) ? (remaining ?? Infinity) : 0;
    const later = quantity - stock;
    maxQuantity = Math.min(perOrder, stock + queueRoom);
    if (later <= 0) {
      orderKind = status;
      ship = { kind: 'now' };
      // Stock is at least 1 here: no threshold, no message.
      if (stock <= (record.lowStockThreshold ?? 0))
        messages.push({ key: 'onlyLeft', count: stock });
    } else if (later <= queueRoom) {
      orderKind = 'mixed';
      ship = queuedShip(later);
      split = { now: stock, later, ship };
      messages.push({ key: 'splitShipment', ...split });
    } else {
      messages.push({ key: 'onlyAvailable', count: stock + queueRoom });
    }
  } else if (status === 'preorder' || status === 'backorder') {
    orderKind = status;
    const room = remaining ?? Infinity;
    const preorder = status === 'preorder';
    maxQuantity = Math.min(perOrder, room);
    if (quantity > room) {
      messages.push({
        key: preorder ? 'onlyAvailableToPreorder' : 'onlyAvailableToBackorder',
        count: room,
      });
    } else if (room <= (record.lowStockThreshold ?? DEFAULT_CAP_THRESHOLD)) {
      messages.push({ key: preorder ? 'onlyLeftToPreorder' : 'onlyLeftToBackorder', count: room });
    }
    // Past the cap, still say when what can be ordered would ship.
    ship = queuedShip(Math.min(quantity, Math.max(1, room)), (preorder && releaseDay) || '');
  } else if (capReachedFor) {
    messages.push({ key: capReachedFor === 'preorder' ? 'preordersFull' : 'backordersFull' });
  }

  if (orderKind) {
    if (perOrder < Infinity) messages.push({ key: 'limitPerOrder', count: perOrder });
    const payment = orderKind !== 'in_stock' && paymentMessage(record.payment);
    if (payment) messages.push(payment);
  }
  if (record.message) messages.push({ key: 'merchantMessage', text: record.message });

  const previous = record.previousExpectedDate && dayOf(record.previousExpectedDate, timeZone);
  return {
    sku: record.sku,
    status,
    orderKind,
    label:
      options.notify && (status === 'sold_out' || status === 'coming_soon')
        ? 'notifyMe'
        : LABELS[status],
    // Ordered within what is available, the per-order limit included.
    orderable: orderKind !== null && quantity <= maxQuantity,
    quantity,
    maxQuantity: maxQuantity < Infinity ? maxQuantity : null,
    remaining,
    ship,
    previousShip: readsOtherwise(ship, previous) ? (previous as CalendarDay) : null,
    releaseDay,
    split,
    messages,
    warnings,
  };
}
