/**
 * The engine's one entry point: a validated record, a quantity and a clock in
 * the store's zone in; one plain Decision out.
 */
import { remainingCapacity } from './capacity.js';
import { addDays, dayOf, isTimeZone, maxDay, wallClock, weekday } from './calendar.js';
import { paymentMessage } from './payment.js';
import { queueShipDay } from './queue.js';
import { canBackorder, deriveStatus, isUnreleased } from './status.js';
import type {
  AvailabilityRecord,
  CalendarDay,
  DatePrecision,
  DecideOptions,
  Decision,
  LabelKey,
  Message,
  QueueKind,
  ShipDate,
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

const NONE: ShipDate = { kind: 'none' };
const TBC: ShipDate = { kind: 'tbc' };

const orNull = (n: number) => (Number.isFinite(n) ? n : null);

interface Context {
  record: AvailabilityRecord;
  today: CalendarDay;
  timeZone: string | undefined;
  warnings: string[];
}

/** When `units` queued after `reserved` ship; never before `notBefore`, never in the past. */
function queuedShip(ctx: Context, units: number, notBefore: CalendarDay | null): ShipDate {
  const { record, timeZone, today } = ctx;
  const precision = record.datePrecision ?? 'day';
  // A pre-order never ships before its release day, whatever date the record gives.
  const floor = (day: CalendarDay): CalendarDay => {
    if (notBefore === null || day >= notBefore) return day;
    ctx.warnings.push(`expected date ${day} is before the release day ${notBefore}`);
    return notBefore;
  };
  let ship: ShipDate;
  const explicit = record.expectedDate;
  if (typeof explicit === 'object') {
    const earliest = floor(dayOf(explicit.earliest, timeZone));
    // An instant can fall on an earlier store-zone day than a date-only earliest.
    const latest = maxDay(earliest, dayOf(explicit.latest, timeZone));
    ship = { kind: 'window', earliest, latest, precision };
  } else if (explicit) {
    ship = { kind: 'day', day: floor(dayOf(explicit, timeZone)), precision };
  } else if (record.incoming?.length) {
    const day = queueShipDay(record.incoming, record.reserved ?? 0, units, timeZone);
    // First come, first served: a lot still incoming though its day is gone is
    // overdue, and every order queued behind it waits for it too.
    const overdue = record.incoming.find(
      (lot) => lot.quantity > 0 && maxDay(dayOf(lot.date, timeZone), notBefore ?? '') < today,
    );
    if (day && overdue) {
      ctx.warnings.push(`supply lot of ${overdue.date} is overdue; shown as to be confirmed`);
      return TBC;
    }
    ship = day ? { kind: 'day', day: notBefore ? maxDay(day, notBefore) : day, precision } : TBC;
  } else {
    ship = notBefore ? { kind: 'day', day: notBefore, precision } : TBC;
  }
  const last = ship.kind === 'day' ? ship.day : ship.kind === 'window' ? ship.latest : null;
  if (last !== null && last < today) {
    // A date already gone is a broken promise: say "to be confirmed" instead.
    ctx.warnings.push(`expected date ${last} is in the past; shown as to be confirmed`);
    return TBC;
  }
  return ship;
}

/** The part of a day that a promise of this precision states: "2027-03" for a month. */
function statedPart(day: CalendarDay, precision: DatePrecision): string {
  if (precision === 'month') return day.slice(0, 7);
  if (precision === 'quarter')
    return `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
  if (precision === 'week') return addDays(day, -((weekday(day) + 6) % 7)); // its Monday
  return day;
}

function firstShipDay(ship: ShipDate): CalendarDay | null {
  return ship.kind === 'day' ? ship.day : ship.kind === 'window' ? ship.earliest : null;
}

/** Decides what to show and accept for `record`. Pure; never throws on a validated record. */
export function decide(record: AvailabilityRecord, options: DecideOptions = {}): Decision {
  const warnings: string[] = [];
  let timeZone = options.timeZone;
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    warnings.push(`unknown time zone "${timeZone}"; using the shopper's`);
    timeZone = undefined;
  }
  const quantity =
    Number.isSafeInteger(options.quantity) && (options.quantity as number) >= 1
      ? (options.quantity as number)
      : 1;
  // Beyond ±8.64e15 ms there is no Date (Intl would throw): use the real clock.
  const now = Math.abs(options.now ?? NaN) <= 8.64e15 ? (options.now as number) : Date.now();
  const today = wallClock(now, timeZone).day;
  const ctx: Context = { record, today, timeZone, warnings };

  const { status, capReachedFor } = deriveStatus(record, today, now, timeZone);
  const remaining = remainingCapacity(record);
  const releaseDay =
    record.releaseDate && isUnreleased(record, today, now, timeZone)
      ? dayOf(record.releaseDate, timeZone)
      : null;
  const perOrder = record.maxPerOrder ?? Infinity;
  const messages: Message[] = [];
  let orderKind: Decision['orderKind'] = null;
  let orderable = false;
  let maxQuantity = Infinity;
  let ship: ShipDate = NONE;
  let split: Decision['split'] = null;

  if (status === 'in_stock') {
    // An explicit in_stock without a count is trusted as plenty.
    const stock = record.onHand || Infinity;
    // The rest joins the backorder queue only where a backorder alone would be taken (s.4 rule 4).
    const queueRoom = canBackorder(record) ? (remaining ?? Infinity) : 0;
    maxQuantity = Math.min(perOrder, stock + queueRoom);
    if (quantity <= stock) {
      orderKind = 'in_stock';
      ship = { kind: 'now' };
      const threshold = record.lowStockThreshold;
      if (threshold !== undefined && stock <= threshold)
        messages.push({ key: 'onlyLeft', count: stock });
    } else if (quantity - stock <= queueRoom) {
      orderKind = 'mixed';
      const later = quantity - stock;
      ship = queuedShip(ctx, later, null);
      split = { now: stock, later, ship };
      messages.push({ key: 'splitShipment', now: stock, later, ship });
    } else {
      messages.push({ key: 'onlyAvailable', count: stock + queueRoom });
    }
    orderable = orderKind !== null && quantity <= perOrder;
  } else if (status === 'preorder' || status === 'backorder') {
    const kind: QueueKind = status;
    orderKind = kind;
    const room = remaining ?? Infinity;
    maxQuantity = Math.min(perOrder, room);
    const preorder = kind === 'preorder';
    if (quantity > room) {
      messages.push({
        key: preorder ? 'onlyAvailableToPreorder' : 'onlyAvailableToBackorder',
        count: room,
      });
    } else if (room <= (record.lowStockThreshold ?? DEFAULT_CAP_THRESHOLD)) {
      messages.push({ key: preorder ? 'onlyLeftToPreorder' : 'onlyLeftToBackorder', count: room });
    }
    orderable = quantity <= maxQuantity;
    // Past the cap, still say when what can be ordered would ship.
    ship = queuedShip(ctx, Math.min(quantity, Math.max(1, room)), preorder ? releaseDay : null);
  } else if (capReachedFor) {
    messages.push({ key: capReachedFor === 'preorder' ? 'preordersFull' : 'backordersFull' });
  }

  if (orderKind !== null && record.maxPerOrder !== undefined) {
    messages.push({ key: 'limitPerOrder', count: record.maxPerOrder });
  }
  if (orderKind === 'preorder' || orderKind === 'backorder' || orderKind === 'mixed') {
    const payment = paymentMessage(record.payment);
    if (payment) messages.push(payment);
  }
  if (record.message) messages.push({ key: 'merchantMessage', text: record.message });

  const previous = record.previousExpectedDate
    ? dayOf(record.previousExpectedDate, timeZone)
    : null;
  const current = firstShipDay(ship);
  const notifiable = status === 'sold_out' || status === 'coming_soon';

  return {
    sku: record.sku,
    status,
    orderKind,
    label: options.notify && notifiable ? 'notifyMe' : LABELS[status],
    orderable,
    quantity,
    maxQuantity: orNull(maxQuantity),
    remaining,
    ship,
    // Moved only when the date as stated moved: 3 to 20 March is no news at month precision.
    previousShip:
      previous &&
      current &&
      (ship.kind === 'day' || ship.kind === 'window') &&
      statedPart(previous, ship.precision) !== statedPart(current, ship.precision)
        ? previous
        : null,
    releaseDay,
    split,
    messages,
    warnings,
  };
}
