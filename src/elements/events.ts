/** The typed events the elements raise (README, Events). All bubble and are composed. */
import type { AvailabilityRecord, CalendarDay, Status } from '../engine/index.js';
import type { AvailabilityError } from '../data/index.js';

export type StatusOrUnknown = Status | 'unknown';

export interface AvailabilityChangeDetail {
  sku: string;
  status: StatusOrUnknown;
  record: AvailabilityRecord;
  /** The status shown before this record ('unknown' on the first). */
  previous: StatusOrUnknown;
  previousRecord: AvailabilityRecord | null;
}

export interface AvailabilityErrorDetail {
  sku: string | null;
  error: AvailabilityError;
}

/** The fields a cart line is tagged with, by form field name. */
export interface LineItem {
  sku: string | null;
  quantity: number;
  orderType: string | null;
  expectedDate: string | null;
  properties: Record<string, string>;
}

export interface OrderButtonClickDetail {
  sku: string | null;
  quantity: number;
  status: StatusOrUnknown;
  /** `YYYY-MM-DD`, `YYYY-MM-DD/YYYY-MM-DD` for a window, or null. */
  expectedDate: string | null;
  lineItem: LineItem;
}

export interface ExpectedDateChangeDetail {
  sku: string;
  previous: CalendarDay;
  current: CalendarDay;
}

export interface PreorderElementsEventMap {
  'availability-change': CustomEvent<AvailabilityChangeDetail>;
  'availability-error': CustomEvent<AvailabilityErrorDetail>;
  'order-button-click': CustomEvent<OrderButtonClickDetail>;
  'expected-date-change': CustomEvent<ExpectedDateChangeDetail>;
}

/** Dispatches a bubbling, composed event; returns false when it was cancelled. */
export function emit<K extends keyof PreorderElementsEventMap>(
  target: EventTarget,
  type: K,
  detail: PreorderElementsEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}
