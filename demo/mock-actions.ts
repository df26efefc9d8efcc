/**
 * What the demo's merchant controls do to a record, as an order management
 * system would: edit its facts, receive a shipment, delay a purchase order.
 * Pure functions on raw JSON records (no DOM, no Node): the dev server and the
 * static build's in-page mock share them.
 */
import { dayFrom, type RawRecord } from './scenarios.js';
import { RECORD_FIELDS } from '../src/engine/index.js';

/** The fields a merchant may edit (contract s.3); `sku` names the record and stays. */
export const EDITABLE_FIELDS = RECORD_FIELDS.filter((field) => field !== 'sku');

export type ActionResult = { record: RawRecord; note: string } | { error: string };

interface Lot {
  quantity: number;
  date: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `record` without `key`. */
function without(record: RawRecord, key: string): RawRecord {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)) as RawRecord;
}

/**
 * Applies a patch of editable fields: a value sets the field, `null` removes
 * it. Values are stored as sent, as a real endpoint would serve what the
 * merchant typed: the library validates them (contract s.3).
 */
export function patchRecord(record: RawRecord, patch: unknown): ActionResult {
  if (!isObject(patch)) return { error: 'expected a JSON object of fields' };
  let next: RawRecord = { ...record };
  const changed: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'sku') continue;
    if (!(EDITABLE_FIELDS as readonly string[]).includes(key)) {
      return { error: `"${key}" is not a field of the availability record` };
    }
    next = value === null ? without(next, key) : { ...next, [key]: value };
    if (JSON.stringify(next[key]) !== JSON.stringify(record[key])) changed.push(key);
  }
  const note = changed.length ? `Saved ${changed.join(', ')}.` : 'Nothing changed.';
  return { record: next, note };
}

/** Well-formed lots, in date order; whatever else `incoming` holds is kept aside as is. */
function lotsOf(record: RawRecord): { lots: Lot[]; other: unknown[] } {
  const incoming = Array.isArray(record.incoming) ? (record.incoming as unknown[]) : [];
  const lots: Lot[] = [];
  const other: unknown[] = [];
  for (const item of incoming) {
    if (isObject(item) && typeof item.quantity === 'number' && typeof item.date === 'string') {
      lots.push({ quantity: item.quantity, date: item.date });
    } else other.push(item);
  }
  lots.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { lots, other };
}

const count = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : 0;

/**
 * The index of the lot that brings queue position `next` (the next order's
 * first unit), or the last lot past all of them; -1 with none. The mock's
 * lots and the service's purchase orders are delayed by the same rule.
 */
export function coveringLot(units: readonly number[], next: number): number {
  let covered = 0;
  const index = units.findIndex((quantity) => (covered += quantity) >= next);
  return index === -1 ? units.length - 1 : index;
}

/** `YYYY-MM-DD...` moved by `days`; the time part of a date-time, if any, is kept. */
export function shiftDate(value: string, days: number): string {
  const day = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(day)) return value;
  return new Date(day + days * 86_400_000).toISOString().slice(0, 10) + value.slice(10);
}

/**
 * The earliest purchase order arrives. The order system releases it to the
 * queue first come, first served: reserved units ship from it, the rest goes
 * on hand. An unreleased product whose run arrived is released today.
 */
export function receiveShipment(record: RawRecord, now: number): ActionResult {
  const { lots, other } = lotsOf(record);
  const lot = lots[0];
  if (!lot) return { error: `${record.sku} has no purchase order to receive` };
  const reserved = count(record.reserved);
  const toQueue = Math.min(reserved, lot.quantity);
  const toStock = lot.quantity - toQueue;
  let next: RawRecord = {
    ...record,
    onHand: count(record.onHand) + toStock,
    reserved: reserved - toQueue,
    incoming: [...lots.slice(1), ...other],
  };
  if (lots.length === 1 && other.length === 0) next = without(next, 'incoming');
  const today = dayFrom(now, 0);
  let released = '';
  if (typeof record.releaseDate === 'string' && record.releaseDate.slice(0, 10) > today) {
    next = { ...next, releaseDate: today };
    released = ' The run is here: released today.';
  }
  // The old promise was kept; nothing moved.
  next = without(next, 'previousExpectedDate');
  const note =
    `${lot.quantity} units arrived (due ${lot.date}): ${toQueue} shipped to waiting orders, ` +
    `${toStock} added to stock.${released}`;
  return { record: next, note };
}

/**
 * The purchase order the next order would ship from is late by `days`. An
 * explicit expectedDate wins over lots (contract s.4), so it moves instead;
 * with neither, the release date moves. The element notices the new date
 * itself: it remembers the date it showed before.
 */
export function delayPurchaseOrder(record: RawRecord, days: number): ActionResult {
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    return { error: 'days must be a whole number from 1 to 365' };
  }
  const explicit = record.expectedDate;
  if (typeof explicit === 'string') {
    const moved = shiftDate(explicit, days);
    return {
      record: { ...record, expectedDate: moved },
      note: `Expected date moved from ${explicit} to ${moved}.`,
    };
  }
  if (isObject(explicit) && typeof explicit.earliest === 'string') {
    const window = {
      earliest: shiftDate(explicit.earliest, days),
      latest: typeof explicit.latest === 'string' ? shiftDate(explicit.latest, days) : undefined,
    };
    return {
      record: { ...record, expectedDate: window },
      note: `Ship window moved by ${days} days.`,
    };
  }
  const { lots, other } = lotsOf(record);
  if (lots.length > 0) {
    const index = coveringLot(
      lots.map((lot) => lot.quantity),
      count(record.reserved) + 1,
    );
    const late = lots[index];
    const moved = lots.map((lot, i) =>
      i === index ? { ...lot, date: shiftDate(lot.date, days) } : lot,
    );
    return {
      record: { ...record, incoming: [...moved, ...other] },
      note: `Purchase order of ${late?.quantity} units moved from ${late?.date} to ${moved[index]?.date}.`,
    };
  }
  if (typeof record.releaseDate === 'string') {
    const moved = shiftDate(record.releaseDate, days);
    return {
      record: { ...record, releaseDate: moved },
      note: `Release moved from ${record.releaseDate} to ${moved}.`,
    };
  }
  return { error: `${record.sku} has no purchase order, expected date or release date to delay` };
}
