/**
 * The record served for a SKU (contract s.3), computed from the service's
 * state. `reserved` is the waiting units, `incoming` the open purchase orders'
 * unreceived units, `onHand` the free stock, and `cap` the net cap: the
 * merchant's cap less the queued units already filled, so that
 * `cap - reserved` is exactly what POST /orders still accepts.
 */
import {
  type AvailabilityRecord,
  type DatePrecision,
  queueShipDay,
} from 'preorder-elements/engine';
import type { Lot, ProductState } from './types.js';

/** The precision of the purchase order that brings the last of `units` queued behind `ahead`, if it states one. */
export function lotPrecision(
  lots: readonly Lot[],
  ahead: number,
  units: number,
): DatePrecision | null {
  const day = queueShipDay(lots, ahead, units);
  return lots.find((lot) => lot.date === day && lot.precision)?.precision ?? null;
}

/** The contract's supply lots: what the engine reads. */
export const incomingOf = (lots: readonly Lot[]) =>
  lots.map((lot) => ({ quantity: lot.quantity, date: lot.date }));

function netCap(product: ProductState): AvailabilityRecord['cap'] {
  const { cap } = product.settings;
  if (typeof cap !== 'number') return cap ?? null;
  const filled = product.queuedUnits - product.waitingUnits;
  // A cap lowered below what is already accepted accepts nothing more (never a negative room).
  return Math.max(cap - filled, product.waitingUnits);
}

/** The record, its fields in the contract's order (so equal states give equal bytes and ETags). */
export function servedRecord(product: ProductState, lots: readonly Lot[]): AvailabilityRecord {
  const s = product.settings;
  const record: AvailabilityRecord = { sku: product.sku };
  if (s.status) record.status = s.status;
  record.onHand = product.onHand;
  if (s.releaseDate) record.releaseDate = s.releaseDate;
  record.incoming = incomingOf(lots);
  record.reserved = product.waitingUnits;
  record.cap = netCap(product);
  if (s.allowPreorder !== undefined) record.allowPreorder = s.allowPreorder;
  if (s.allowBackorder !== undefined) record.allowBackorder = s.allowBackorder;
  // The next unit's purchase order may state its own precision ("ships in March").
  const precision = lotPrecision(lots, product.waitingUnits, 1) ?? s.datePrecision;
  if (precision) record.datePrecision = precision;
  if (s.maxPerOrder !== undefined) record.maxPerOrder = s.maxPerOrder;
  if (s.lowStockThreshold !== undefined) record.lowStockThreshold = s.lowStockThreshold;
  if (s.payment) record.payment = s.payment;
  if (s.message) record.message = s.message;
  return record;
}
