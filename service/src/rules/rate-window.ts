/**
 * A fixed-window counter in the database: each hit adds one to its key's
 * row for the current window, in the caller's transaction. Kept in the
 * database rather than in memory (as @fastify/rate-limit keeps it without a
 * Redis) so that a limit holds across every instance sharing PostgreSQL.
 */
import { sql } from 'kysely';
import type { Db } from '../storage/db.js';

export interface Window {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

/** Counts one hit for each key; answers the seconds until the window ends if any key is over its limit, else null. */
export async function hit(
  trx: Db,
  keys: readonly { key: string; window: Window }[],
  now: number,
): Promise<{ key: string; retryAfter: number } | null> {
  let over: { key: string; retryAfter: number } | null = null;
  const startOf = (window: Window) => Math.floor(now / window.windowMs) * window.windowMs;
  // Windows already ended (every key's) are of no use: dropped as we go (indexed by window_start).
  const oldest = Math.min(...keys.map(({ window }) => startOf(window)));
  await trx
    .deleteFrom('notify_rate')
    .where('window_start', '<', new Date(oldest).toISOString())
    .execute();
  for (const { key, window } of keys) {
    const start = startOf(window);
    const startIso = new Date(start).toISOString();
    const row = await trx
      .insertInto('notify_rate')
      .values({ key, window_start: startIso, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`notify_rate.hits + 1` }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (row.hits > window.limit && !over)
      over = { key, retryAfter: Math.max(1, Math.ceil((start + window.windowMs - now) / 1000)) };
  }
  return over;
}
