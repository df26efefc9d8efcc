/**
 * The queue at work: stock released to waiting lines first come, first
 * served within priority, and every queued line's promise kept up to date.
 * Each runs inside the caller's transaction, under the SKU's lock.
 */
import { insertRows, updateLines } from '../storage/batch.js';
import { queueShipDay } from 'preorder-elements/engine';
import type { Db } from '../storage/db.js';
import {
  type LineRow,
  type QueueKey,
  openLots,
  saveProduct,
  waitingLines,
} from '../storage/queries.js';
import { type Events, emit } from './outbox.js';
import { type QueuedPromise, queuedPromise } from './promise.js';
import { incomingOf, servedRecord } from './record.js';
import { type Clock, type LinePromise, type Lot, type ProductState, promiseBody } from './types.js';

export interface Allocated {
  orderId: string;
  line: number;
  quantity: number;
}

/** Where released units came from, for each line's basis. */
export interface Source {
  source: 'receipt' | 'stock' | 'returned';
  receiptId?: string;
  purchaseOrderId?: string;
}

/** Waiting lines read per round of a release. */
const BATCH = 2000;
const iso = (clock: Clock) => new Date(clock.now()).toISOString();

/** The columns of the rows a settle writes many of, set-based. */
const OUTBOX = {
  type: 'text',
  order_id: 'text',
  sku: 'text',
  payload: 'text',
  created_at: 'text',
} as const;
const ALLOCATIONS = {
  order_id: 'text',
  line: 'integer',
  sku: 'text',
  quantity: 'integer',
  source: 'text',
  receipt_id: 'text',
  purchase_order_id: 'text',
  created_at: 'text',
} as const;
const HISTORY = {
  order_id: 'text',
  line: 'integer',
  promise: 'text',
  precision: 'text',
  at: 'text',
  reason: 'text',
} as const;
const PROMISES = {
  promise_date: 'text',
  promise_precision: 'text',
  told_date: 'text',
  told_precision: 'text',
} as const;
type Row = (string | number | null)[];

/**
 * An outbox row (OUTBOX's columns) as emit() writes it, for writing many in
 * one statement. (Repeats emit()'s mapping until outbox.ts exports one.)
 */
function eventRow<T extends keyof Events>(type: T, data: Events[T], at: string): Row {
  return [
    type,
    'orderId' in data ? data.orderId : null,
    'sku' in data ? data.sku : null,
    JSON.stringify(data),
    at,
  ];
}

/** A promise_history row (HISTORY's columns). */
const promiseRow = (
  orderId: string,
  line: number,
  promise: LinePromise,
  reason: string,
  at: string,
): Row => [orderId, line, JSON.stringify(promiseBody(promise)), promise.precision, at, reason];

/** Releases free stock to the waiting lines in queue order; what no line waits for stays on hand. */
export async function release(
  trx: Db,
  product: ProductState,
  source: Source,
  clock: Clock,
): Promise<Allocated[]> {
  const allocated: Allocated[] = [];
  const at = iso(clock);
  while (product.onHand > 0 && product.waitingUnits > 0) {
    const lines = await waitingLines(trx, product.sku, undefined, BATCH);
    if (!lines.length) break;
    // The round's effects, written set-based once the round is decided (same order, same rows).
    const updates: Row[] = [];
    const rows: Row[] = [];
    const events: Row[] = [];
    for (const line of lines) {
      const units = Math.min(line.quantity - line.allocated, product.onHand);
      if (units <= 0) break;
      const filled = line.allocated + units === line.quantity;
      updates.push([line.seq, line.allocated + units, filled ? 'allocated' : 'waiting']);
      rows.push([
        line.order_id,
        line.line,
        product.sku,
        units,
        source.source,
        source.receiptId ?? null,
        source.purchaseOrderId ?? null,
        at,
      ]);
      events.push(
        eventRow(
          'order.allocated',
          { orderId: line.order_id, line: line.line, sku: product.sku, quantity: units },
          at,
        ),
      );
      product.onHand -= units;
      product.waitingUnits -= units;
      allocated.push({ orderId: line.order_id, line: line.line, quantity: units });
    }
    if (!updates.length) break;
    await updateLines(trx, { allocated: 'integer', status: 'text' }, updates);
    await insertRows(trx, 'allocations', ALLOCATIONS, rows);
    await insertRows(trx, 'outbox', OUTBOX, events);
  }
  return allocated;
}

/**
 * queuedPromise() for one SKU's lines, each computed once: a line's promise
 * depends on the units ahead of it only through the day its last unit
 * arrives (the engine's queueShipDay, asked as decide() asks it, in the
 * store's zone, and as lotPrecision() asks it), so lines that share that day,
 * their waiting units and their told promise share a promise: 100,000 lines
 * take a few dozen engine decisions, not 100,000.
 */
type QueueKind = 'preorder' | 'backorder';

function samePromises(product: ProductState, lots: readonly Lot[], clock: Clock) {
  const incoming = incomingOf(lots);
  const known = new Map<string, QueuedPromise>();
  return (ahead: number, units: number, told: LinePromise, kind: QueueKind): QueuedPromise => {
    const key = [
      queueShipDay(incoming, ahead, units, clock.timeZone),
      queueShipDay(lots, ahead, units),
      units,
      told.date,
      told.precision,
      kind,
    ].join('|');
    let found = known.get(key);
    if (!found)
      known.set(key, (found = queuedPromise(product, lots, ahead, units, clock, told, kind)));
    return found;
  };
}

const sameDate = (line: LineRow, promise: LinePromise) =>
  line.promise_date === promise.date && line.promise_precision === promise.precision;

/**
 * Recomputes the promise of every waiting line from `from` on (all when
 * absent). A promise that moved at its precision since the customer was last
 * told is recorded in the history and told (promise.changed). The lines are
 * decided in queue order, then written set-based.
 */
async function recompute(
  trx: Db,
  product: ProductState,
  reason: string,
  clock: Clock,
  ahead: number,
  from?: QueueKey,
) {
  const lots = (await openLots(trx, [product.sku])).get(product.sku) ?? [];
  const at = iso(clock);
  const promiseOf = samePromises(product, lots, clock);
  const updates: Row[] = [];
  const history: Row[] = [];
  const events: Row[] = [];
  for (const line of await waitingLines(trx, product.sku, from)) {
    const waiting = line.quantity - line.allocated;
    const told = { date: line.told_date, precision: line.told_precision } as LinePromise;
    // Only a pre-order waits for the release day (the engine decides by the line's queue).
    const kind = line.kind === 'backorder' ? 'backorder' : 'preorder';
    const { promise, moved } = promiseOf(ahead, waiting, told, kind);
    ahead += waiting;
    if (sameDate(line, promise) && !moved) continue;
    const now = moved ? promise : told;
    updates.push([line.seq, promise.date, promise.precision, now.date, now.precision]);
    if (!moved) continue;
    history.push(promiseRow(line.order_id, line.line, promise, reason, at));
    events.push(
      eventRow(
        'promise.changed',
        {
          orderId: line.order_id,
          line: line.line,
          sku: product.sku,
          previous: promiseBody(told),
          current: promiseBody(promise),
        },
        at,
      ),
    );
  }
  await updateLines(trx, PROMISES, updates);
  await insertRows(trx, 'promise_history', HISTORY, history);
  await insertRows(trx, 'outbox', OUTBOX, events);
  return lots;
}

export async function recordPromise(
  trx: Db,
  orderId: string,
  line: number,
  promise: LinePromise,
  reason: string,
  at: string,
) {
  await insertRows(trx, 'promise_history', HISTORY, [
    promiseRow(orderId, line, promise, reason, at),
  ]);
}

export interface SettleOptions {
  /** Why: recorded with each moved promise. */
  reason: string;
  source?: Source;
  /** Only lines appended at the end were added (priority-0 orders): no other promise can change. */
  appendedOnly?: boolean;
}

/**
 * Brings a changed SKU to rest: free stock to the queue, promises recomputed,
 * counters saved, and the new record announced. Returns what was allocated.
 */
export async function settle(
  trx: Db,
  product: ProductState,
  options: SettleOptions,
  clock: Clock,
): Promise<Allocated[]> {
  const allocated = await release(trx, product, options.source ?? { source: 'stock' }, clock);
  const lots =
    options.appendedOnly && !allocated.length
      ? ((await openLots(trx, [product.sku])).get(product.sku) ?? [])
      : await recompute(trx, product, options.reason, clock, 0);
  const at = iso(clock);
  await saveProduct(trx, product, at);
  await emit(
    trx,
    'availability.changed',
    { sku: product.sku, record: servedRecord(product, lots) },
    at,
  );
  return allocated;
}
