/** Status derivation, contract s.4 rules 1-5. */
import { remainingCapacity } from './capacity.js';
import { dayOf } from './calendar.js';
import type { AvailabilityRecord, CalendarDay, QueueKind, Status } from './types.js';

export interface DerivedStatus {
  status: Status;
  /** Set when the item is sold out because this queue's cap is reached. */
  capReachedFor: QueueKind | null;
}

/** Whether the product is not yet released at `now` (store zone for date-only values). */
export function isUnreleased(
  record: AvailabilityRecord,
  today: CalendarDay,
  now: number,
  timeZone?: string,
): boolean {
  const release = record.releaseDate;
  if (!release) return false;
  // A date-only release is a calendar day; an instant is a release moment.
  return release.length === 10 ? dayOf(release, timeZone) > today : Date.parse(release) > now;
}

/** Backorders allowed, and supply or a date known (rule 4; the cap aside). */
export function canBackorder(record: AvailabilityRecord): boolean {
  const supplyKnown = (record.incoming ?? []).some((lot) => lot.quantity > 0);
  return record.allowBackorder === true && (supplyKnown || record.expectedDate !== undefined);
}

export function deriveStatus(
  record: AvailabilityRecord,
  today: CalendarDay,
  now: number,
  timeZone?: string,
): DerivedStatus {
  const remaining = remainingCapacity(record);
  const full = remaining !== null && remaining <= 0;
  const soldOutFor = (kind: QueueKind): DerivedStatus => ({
    status: 'sold_out',
    capReachedFor: kind,
  });

  // 1. An explicit status stands, but a full queue never takes another order.
  if (record.status) {
    if ((record.status === 'preorder' || record.status === 'backorder') && full) {
      return soldOutFor(record.status);
    }
    return { status: record.status, capReachedFor: null };
  }
  // 2. Unreleased.
  if (isUnreleased(record, today, now, timeZone)) {
    if (record.allowPreorder === false) return { status: 'coming_soon', capReachedFor: null };
    return full ? soldOutFor('preorder') : { status: 'preorder', capReachedFor: null };
  }
  // 3. Released (or no release date) with stock.
  if ((record.onHand ?? 0) > 0) return { status: 'in_stock', capReachedFor: null };
  // 4. Out of stock, backorders allowed, room in the queue, supply or a date known.
  if (canBackorder(record)) {
    return full ? soldOutFor('backorder') : { status: 'backorder', capReachedFor: null };
  }
  // 5.
  return { status: 'sold_out', capReachedFor: null };
}
