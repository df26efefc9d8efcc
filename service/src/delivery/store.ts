/**
 * The delivery worker's SQL, the same on SQLite and PostgreSQL. An event
 * reaches a target in three steps: the fan-out copies new outbox rows into
 * one outbox_deliveries row per target (and marks them handed over); a claim
 * leases the rows that are due and first of their ordering key; a settle
 * deletes a delivered row, a reschedule records a failure and its next try.
 */
import { type SelectQueryBuilder, sql } from 'kysely';
import type { DatabaseKind, Db } from '../storage/db.js';
import type { Database } from '../storage/schema.js';
import type { OutgoingEvent } from './send.js';

export interface DeliveryDb {
  kind: DatabaseKind;
  /** For the looks that find whether there is work: never takes SQLite's write lock. */
  read: Db;
  /** A write transaction that notifies no instance and moves no read cache (delivery state is not availability). */
  write<T>(work: (trx: Db) => Promise<T>): Promise<T>;
}

export interface Claimed {
  event: OutgoingEvent;
  /** Failed attempts before this one. */
  attempts: number;
}

/** Outbox rows handed over per fan-out transaction (an IN list: well within both databases' limits). */
const FAN_OUT_BATCH = 500;
/** Serializes fan-outs across instances (pg_advisory_xact_lock's key): no later event of an order is queued before an earlier one. */
const FAN_OUT_LOCK = 7_140_014;

/** A target's name (its outbox_deliveries.target) and, when it takes only some, the event types it takes. */
export interface FanOutTarget {
  name: string;
  types?: readonly string[] | undefined;
}

/** Copies outbox rows not yet handed over into each target's queue (those of its types); answers how many. */
export async function fanOut(
  db: DeliveryDb,
  targets: readonly FanOutTarget[],
  nowIso: string,
): Promise<number> {
  const waiting = await db.read
    .selectFrom('outbox')
    .select('id')
    .where('delivered_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!waiting) return 0;
  return db.write(async (trx) => {
    if (db.kind === 'postgres')
      await sql`select pg_advisory_xact_lock(${FAN_OUT_LOCK})`.execute(trx);
    // A fixed list of ids: a row committing meanwhile is left whole for the next round.
    const ids = (
      await trx
        .selectFrom('outbox')
        .select('id')
        .where('delivered_at', 'is', null)
        .orderBy('id')
        .limit(FAN_OUT_BATCH)
        .execute()
    ).map((row) => row.id);
    if (ids.length === 0) return 0;
    for (const { name: target, types } of targets) {
      let rows = trx.selectFrom('outbox').where('id', 'in', ids);
      // A target that takes only some types never sees the others (nothing to settle for them).
      if (types) rows = rows.where('type', 'in', [...types]);
      await trx
        .insertInto('outbox_deliveries')
        .columns(['target', 'event_id', 'ordering_key', 'attempts', 'created_at'])
        .expression(
          rows.select([
            sql<string>`cast(${target} as text)`.as('target'),
            'id',
            sql<string>`coalesce('order:' || order_id, 'sku:' || sku, 'event:' || cast(id as text))`.as(
              'ordering_key',
            ),
            sql<number>`0`.as('attempts'),
            sql<string>`cast(${nowIso} as text)`.as('created_at'),
          ]),
        )
        .onConflict((conflict) => conflict.columns(['target', 'event_id']).doNothing())
        .execute();
    }
    await trx.updateTable('outbox').set({ delivered_at: nowIso }).where('id', 'in', ids).execute();
    return ids.length;
  });
}

/** A target's rows that may be sent now: due, not leased, and no earlier row of their ordering key left. */
function due(
  db: Db,
  target: string,
  nowIso: string,
  limit: number,
): SelectQueryBuilder<Database, 'outbox_deliveries', { event_id: number; attempts: number }> {
  return db
    .selectFrom('outbox_deliveries')
    .select(['event_id', 'attempts'])
    .where('target', '=', target)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)]))
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', nowIso)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox_deliveries as earlier')
            .select('earlier.event_id')
            .whereRef('earlier.target', '=', 'outbox_deliveries.target')
            .whereRef('earlier.ordering_key', '=', 'outbox_deliveries.ordering_key')
            .whereRef('earlier.event_id', '<', 'outbox_deliveries.event_id'),
        ),
      ),
    )
    .orderBy('event_id')
    .limit(limit);
}

/** Leases up to `limit` due rows of `target` to `owner` until `leaseUntil`, with their events. */
export async function claim(
  db: DeliveryDb,
  target: string,
  owner: string,
  nowIso: string,
  leaseUntil: string,
  limit: number,
): Promise<Claimed[]> {
  if (!(await due(db.read, target, nowIso, 1).executeTakeFirst())) return [];
  return db.write(async (trx) => {
    let query = due(trx, target, nowIso, limit);
    // Another instance claiming at the same moment takes other rows instead of waiting for these.
    if (db.kind === 'postgres') query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.event_id);
    await trx
      .updateTable('outbox_deliveries')
      .set({ lease_owner: owner, lease_until: leaseUntil })
      .where('target', '=', target)
      .where('event_id', 'in', ids)
      .execute();
    const events = await trx
      .selectFrom('outbox')
      .select(['id', 'type', 'created_at', 'payload'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(events.map((event) => [event.id, event]));
    return rows.flatMap((row) => {
      const event = byId.get(row.event_id);
      if (!event) return [];
      const { id, type, created_at: occurredAt, payload } = event;
      return [{ event: { id, type, occurredAt, payload }, attempts: row.attempts }];
    });
  });
}

/** The target answered 2xx: the row goes (unless its lease ran out and another instance holds it now). */
export async function settle(db: DeliveryDb, target: string, eventId: number, owner: string) {
  await db.write((trx) =>
    trx
      .deleteFrom('outbox_deliveries')
      .where('target', '=', target)
      .where('event_id', '=', eventId)
      .where('lease_owner', '=', owner)
      .execute(),
  );
}

/** A failed attempt: counted, its reason kept, tried again from `nextIso`. */
export async function reschedule(
  db: DeliveryDb,
  target: string,
  eventId: number,
  owner: string,
  failure: { attempts: number; nextIso: string; error: string },
) {
  await db.write((trx) =>
    trx
      .updateTable('outbox_deliveries')
      .set({
        attempts: failure.attempts,
        next_attempt_at: failure.nextIso,
        last_error: failure.error,
        lease_owner: null,
        lease_until: null,
      })
      .where('target', '=', target)
      .where('event_id', '=', eventId)
      .where('lease_owner', '=', owner)
      .execute(),
  );
}

/** The earliest time after now at which one of the target's rows becomes due or its lease runs out (ISO), or null. */
export async function nextChange(
  db: DeliveryDb,
  target: string,
  nowIso: string,
): Promise<string | null> {
  const row = await db.read
    .selectFrom('outbox_deliveries')
    .select([
      sql<string | null>`min(case when next_attempt_at > ${nowIso} then next_attempt_at end)`.as(
        'retry',
      ),
      sql<string | null>`min(case when lease_until > ${nowIso} then lease_until end)`.as('lease'),
    ])
    .where('target', '=', target)
    .executeTakeFirst();
  const times = [row?.retry, row?.lease].filter((time): time is string => !!time);
  return times.sort()[0] ?? null;
}

/** Forgets every lease: on SQLite, where the folder is this process's alone, they were a killed one's. */
export async function releaseLeases(db: DeliveryDb): Promise<void> {
  await db.write((trx) =>
    trx
      .updateTable('outbox_deliveries')
      .set({ lease_owner: null, lease_until: null })
      .where('lease_owner', 'is not', null)
      .execute(),
  );
}
