/** PostgreSQL through `pg`: a pool shared by reads and writes, and a listener for other instances' changes. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Changes } from './changes.js';
import type { Database } from './schema.js';

// COUNT and SUM are bigint (int8), which pg gives as strings; our counts fit in a number.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPostgres(url: string, maxConnections = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The channel every write transaction notifies (at its commit) and every instance listens on. */
export const CHANGES_CHANNEL = 'preorder_changes';
const RECONNECT_MS = 1000;

/**
 * Keeps a connection listening on CHANGES_CHANNEL: each notification bumps
 * `changes`. While it is not connected `changes` says changes go unseen, and
 * it tries again every second. Resolves once the first attempt is over.
 */
export async function listenForChanges(url: string, changes: Changes) {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const attempt = new pg.Client({ connectionString: url, types });
    let down = false;
    const lost = () => {
      if (down) return;
      down = true;
      client = undefined;
      changes.seen(false);
      attempt.end().catch(() => undefined);
      if (!closed) retry = setTimeout(connect, RECONNECT_MS).unref();
    };
    attempt.on('notification', () => changes.bump());
    attempt.on('error', lost);
    attempt.on('end', lost);
    try {
      await attempt.connect();
      await attempt.query(`listen ${CHANGES_CHANNEL}`);
      if (closed) return void (await attempt.end());
      client = attempt;
      changes.seen(true);
    } catch {
      lost();
    }
  };
  await connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
