/**
 * A line's promise history: every promise a customer was given (at
 * acceptance, and each one that moved), written set-based.
 */
import { insertRows } from '../storage/batch.js';
import type { Db } from '../storage/db.js';
import { type LinePromise, promiseBody } from './types.js';

const HISTORY = {
  order_id: 'text',
  line: 'integer',
  promise: 'text',
  precision: 'text',
  at: 'text',
  reason: 'text',
} as const;

/** A promise_history row (HISTORY's columns). */
export type HistoryRow = [string, number, string, string, string, string];

export const historyRow = (
  orderId: string,
  line: number,
  promise: LinePromise,
  reason: string,
  at: string,
): HistoryRow => [
  orderId,
  line,
  JSON.stringify(promiseBody(promise)),
  promise.precision,
  at,
  reason,
];

/** Records the promises (historyRow's) in the order given. */
export async function recordPromises(trx: Db, rows: readonly HistoryRow[]): Promise<void> {
  await insertRows(trx, 'promise_history', HISTORY, rows);
}
