/**
 * Every waiting line's promise kept up to date: recomputed in queue order
 * after supply or the queue changed, and told when it moved. Runs inside the
 * caller's transaction, under the SKU's lock.
 */
import { queueShipDay } from 'preorder-elements/engine';
import { updateLines } from '../storage/batch.js';
import type { Db } from '../storage/db.js';
import { type LineRow, openLots, waitingLines } from '../storage/queries.js';
import { type HistoryRow, historyRow, recordPromises } from './history.js';
import { type EventRow, emitAll, eventRow } from './outbox.js';
import { type QueuedPromise, queuedPromise } from './promise.js';
import { incomingOf } from './record.js';
import { type Clock, type LinePromise, type Lot, type ProductState, promiseBody } from './types.js';

const PROMISES = {
  promise_date: 'text',
  promise_precision: 'text',
  told_date: 'text',
  told_precision: 'text',
} as const;

type QueueKind = 'preorder' | 'backorder';

/**
 * queuedPromise() for one SKU's lines, each computed once: a line's promise
 * depends on the units ahead of it only through the day its last unit
 * arrives (the engine's queueShipDay, asked as decide() asks it, in the
 * store's zone, and as lotPrecision() asks it), so lines that share that day,
 * their waiting units and their told promise share a promise: 100,000 lines
 * take a few dozen engine decisions, not 100,000.
 */
function samePromises(product: ProductState, lots: readonly Lot[], clock: Clock) {
  const incoming = incomingOf(lots);
  const known = new Map<string, QueuedPromise>();
  return (ahead: number, units: number, told: LinePromise, kind: QueueKind): QueuedPromise => {
    const key = [
      queueShipDay(incoming, ahead, units, clock.timeZone),
      queueShipDay(lots, ahead, units),
      queueShipDay(lots, ahead, 1), // the first unit's purchase order states the precision
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
 * Recomputes the promise of every waiting line of the SKU. A promise that moved
 * at its precision since the customer was last told is recorded in the
 * history and told (promise.changed). The lines are decided in queue order,
 * then written set-based. Returns the SKU's open lots, as read.
 */
export async function recompute(
  trx: Db,
  product: ProductState,
  reason: string,
  clock: Clock,
  at: string,
): Promise<Lot[]> {
  const lots = (await openLots(trx, [product.sku])).get(product.sku) ?? [];
  const promiseOf = samePromises(product, lots, clock);
  const updates: (string | number | null)[][] = [];
  const history: HistoryRow[] = [];
  const events: EventRow[] = [];
  let ahead = 0;
  for (const line of await waitingLines(trx, product.sku)) {
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
    history.push(historyRow(line.order_id, line.line, promise, reason, at));
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
  await recordPromises(trx, history);
  await emitAll(trx, events);
  return lots;
}
