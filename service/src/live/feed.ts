/**
 * The live feed behind `GET /events`: the outbox's `availability.changed`
 * rows, read after each write commit (this instance's at once; on PostgreSQL
 * another's when its NOTIFY arrives) and handed to the subscribers of their
 * SKU. The outbox row's id is the event id, the same on every instance, so a
 * page that reconnects anywhere resumes with `Last-Event-ID`.
 *
 * Ids are taken at insert, not at commit: a transaction may commit a lower id
 * after a higher one was read. So each read looks back LOOKBACK ids below the
 * highest seen and skips those already handed out; a late row is delivered
 * then, not lost. (A record is state: a duplicate would be harmless, a gap not.)
 */
import type { Db } from '../storage/db.js';

export interface LiveEvent {
  /** The outbox row's id. */
  id: number;
  sku: string;
  /** The record, JSON, as `GET /availability/{sku}` serves it. */
  record: string;
}

export type Deliver = (event: LiveEvent) => void;

interface Subscriber {
  skus: ReadonlySet<string>;
  deliver: Deliver;
}

const LOOKBACK = 256;
const TYPE = 'availability.changed';

function toEvent(row: { id: number; sku: string | null; payload: string }): LiveEvent {
  const { record } = JSON.parse(row.payload) as { record: unknown };
  return { id: Number(row.id), sku: row.sku ?? '', record: JSON.stringify(record) };
}

export class LiveFeed {
  readonly #db: Db;
  readonly #subscribers = new Set<Subscriber>();
  /** Highest id read; ids at most LOOKBACK below it are re-read and skipped when seen. */
  #cursor = 0;
  readonly #seen = new Set<number>();
  #reading: Promise<void> | undefined;
  #again = false;

  constructor(db: Db) {
    this.#db = db;
  }

  /** The id a new subscriber starts after: the last event written so far. */
  async lastId(): Promise<number> {
    const row = await this.#db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** Adds a subscriber; returns its removal. The first one starts the feed at the last event. */
  async subscribe(skus: ReadonlySet<string>, deliver: Deliver): Promise<() => void> {
    if (this.#subscribers.size === 0) {
      // Nobody listened since: what was written meanwhile is history (Last-Event-ID replays it),
      // and so is what the look-back window holds now; only rows committing later are new.
      const cursor = await this.lastId();
      const existing = await this.#db
        .selectFrom('outbox')
        .select('id')
        .where('type', '=', TYPE)
        .where('id', '>', cursor - LOOKBACK)
        .execute();
      this.#cursor = cursor;
      this.#seen.clear();
      for (const row of existing) this.#seen.add(Number(row.id));
    }
    const subscriber = { skus, deliver };
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  /** Something was committed: read what is new (one read at a time; a wake during it reads again). */
  wake(): void {
    if (this.#subscribers.size === 0) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = this.#readNew()
      .catch(() => undefined) // the next commit wakes it again; nothing is marked seen
      .finally(() => {
        this.#reading = undefined;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** Resolves when no read is in progress (for a clean close). */
  async idle(): Promise<void> {
    while (this.#reading) await this.#reading;
  }

  async #readNew(): Promise<void> {
    const floor = Math.max(0, this.#cursor - LOOKBACK);
    const rows = await this.#db
      .selectFrom('outbox')
      .select(['id', 'sku', 'payload'])
      .where('type', '=', TYPE)
      .where('id', '>', floor)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const id = Number(row.id);
      if (this.#seen.has(id)) continue;
      this.#seen.add(id);
      if (id > this.#cursor) this.#cursor = id;
      const event = toEvent(row);
      for (const subscriber of this.#subscribers) {
        if (subscriber.skus.has(event.sku)) subscriber.deliver(event);
      }
    }
    for (const id of this.#seen) if (id <= this.#cursor - LOOKBACK) this.#seen.delete(id);
  }

  /**
   * What a page that last saw `afterId` missed: the newest record of each of
   * `skus` written after it (a record is state: the last one is all it needs).
   * The outbox keeps every row, so nothing after `afterId` is ever gone.
   */
  async replay(afterId: number, skus: readonly string[]): Promise<LiveEvent[]> {
    const rows = await this.#db
      .selectFrom('outbox')
      .select(['id', 'sku', 'payload'])
      .where('type', '=', TYPE)
      .where('id', '>', afterId)
      .where('sku', 'in', skus)
      .orderBy('id')
      .execute();
    const newest = new Map<string, LiveEvent>();
    for (const row of rows) {
      const event = toEvent(row);
      newest.delete(event.sku); // re-inserted last: the events stay in id order
      newest.set(event.sku, event);
    }
    return [...newest.values()];
  }
}
