/** Caps and the queue: how many more pre-/backorder units may be accepted. */
import type { AvailabilityRecord } from './types.js';

/** Total units of inbound supply. */
export function incomingTotal(record: AvailabilityRecord): number {
  return (record.incoming ?? []).reduce((sum, lot) => sum + lot.quantity, 0);
}

/** The cap in units; null = unlimited. */
export function capUnits(record: AvailabilityRecord): number | null {
  if (record.cap === 'incoming') return incomingTotal(record);
  return record.cap ?? null;
}

/** Pre-/backorder units still accepted (never negative); null = unlimited. */
export function remainingCapacity(record: AvailabilityRecord): number | null {
  const cap = capUnits(record);
  return cap === null ? null : Math.max(0, cap - (record.reserved ?? 0));
}
