/**
 * What the store and the element's controller share: an SKU's availability
 * state, the validation of a raw record (with its console warning), and the
 * wait for the parsed document before the first request.
 */
import { validateRecord, type AvailabilityRecord } from '../engine/index.js';
import type { AvailabilityError } from './errors.js';

export type AvailabilityState =
  | { state: 'loading'; record?: undefined; error?: undefined }
  /** `error` is set when the last refresh failed and `record` is the last good one. */
  | { state: 'ready'; record: AvailabilityRecord; error?: AvailabilityError }
  | { state: 'error'; error: AvailabilityError; record?: undefined };

export type AvailabilityListener = (state: AvailabilityState) => void;

export const LOADING: AvailabilityState = { state: 'loading' };

/** Runs `callback` once the document is parsed, then after the current task. */
export function afterCurrentTask(callback: () => void): void {
  const later = () => setTimeout(callback);
  // A blocking script sees the body parsed over several tasks: wait for all of it.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', later, { once: true });
  else later();
}

/** SKUs warned about already: one warning per SKU. */
const warned = new Set<string>();

/**
 * Validates a raw record, warning about the fields it ignored; null when
 * nothing usable is left (a record with nothing but its SKU promises nothing).
 */
export function usableRecord(raw: unknown): AvailabilityRecord | null {
  const { record, problems } = validateRecord(raw);
  const sku = record?.sku ?? '?';
  if (problems.length && !warned.has(sku)) {
    warned.add(sku);
    const list = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
    console.warn(`[preorder-elements] SKU "${sku}": ignored ${list}`);
  }
  return record && (!problems.length || Object.keys(record).length > 1) ? record : null;
}
