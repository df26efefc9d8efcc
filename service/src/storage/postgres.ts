/** PostgreSQL through `pg`: a pool shared by reads and writes. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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
