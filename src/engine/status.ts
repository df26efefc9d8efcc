/**
 * Status derivation: an explicit status, else the rules of docs/record.md
 * (How the status is derived) in order; then the cap.
 */
import { incomingTotal, remainingCapacity } from './capacity.js';
import type { AvailabilityRecord, CalendarDay, QueueKind, Status } from './types.js';

export interface DerivedStatus {
  status: Status;
  /** Set when the item is sold out because this queue's cap is reached. */
  capReachedFor: QueueKind | null;
}

/** Whether the product is not yet released at `now` (`today`: the store zone's day then). */
export function isUnreleased(record: AvailabilityRecord, today: CalendarDay, now: number): boolean {
  const release = record.releaseDate;
  // A date-only release is a calendar day in every zone; an instant is a release moment.
  return !!release && (release.length === 10 ? release > today : Date.parse(release) > now);
}

/** Backorders allowed, and supply or a date known (the backorder rule; the cap aside). */
export function canBackorder(record: AvailabilityRecord): boolean {
  return (
    !!record.allowBackorder && (record.expectedDate !== undefined || incomingTotal(record) > 0)
  );
}

/** The status before the cap: steps 1-5 below. */
function tagged(record: AvailabilityRecord, today: CalendarDay, now: number): Status {
  // 1. An explicit status stands.
  if (record.status) return record.status;
  // 2. Unreleased.
  if (isUnreleased(record, today, now)) {
    return record.allowPreorder === false ? 'coming_soon' : 'preorder';
  }
  // 3. Released (or no release date) with stock.
  if ((record.onHand ?? 0) > 0) return 'in_stock';
  // 4. Out of stock, backorders allowed, supply or a date known; 5. otherwise.
  return canBackorder(record) ? 'backorder' : 'sold_out';
}

/** The status by those steps; a pre-/backorder whose cap is reached is sold out. */
export function deriveStatus(
  record: AvailabilityRecord,
  today: CalendarDay,
  now: number,
): DerivedStatus {
  const status = tagged(record, today, now);
  const capReachedFor =
    (status === 'preorder' || status === 'backorder') && remainingCapacity(record) === 0
      ? status
      : null;
  return { status: capReachedFor ? 'sold_out' : status, capReachedFor };
}
