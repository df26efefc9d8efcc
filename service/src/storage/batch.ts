/**
 * Set-based writes for work over many rows (a receipt that moves 100,000
 * promises): each chunk of rows goes to the database as one JSON array
 * parameter, read back as a table (SQLite's json_each, PostgreSQL's
 * json_array_elements), by one INSERT ... SELECT or UPDATE ... FROM. The
 * statement's text is the same for every chunk: no per-row SQL to build,
 * parse or plan.
 */
import { type RawBuilder, SqliteAdapter, sql } from 'kysely';
import type { Db } from './db.js';
import type { Database } from './schema.js';

/** Rows per statement: bounds the parameter's size (a few MiB) and the memory of one statement. */
export const CHUNK = 5000;

export type ColumnType = 'integer' | 'text';
/** The columns written, in the order of each row's values. */
export type Columns = Record<string, ColumnType>;
type Value = string | number | null;

/** The chunk as a table `v` of (value: the row as a JSON array, key: its index), for either database. */
function table(trx: Db, rows: readonly Value[][]): RawBuilder<unknown> {
  const json = JSON.stringify(rows);
  return trx.getExecutor().adapter instanceof SqliteAdapter
    ? sql`json_each(${json}) as v`
    : sql`json_array_elements(cast(${json} as json)) with ordinality as v(value, key)`;
}

/** The i-th value of a row of `v`, as its column's type. */
const field = (i: number, type: ColumnType) =>
  sql`cast(v.value ->> ${sql.lit(i)} as ${sql.raw(type)})`;

function* chunks<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let start = 0; start < rows.length; start += CHUNK) yield rows.slice(start, start + CHUNK);
}

/** Inserts the rows (values in `columns`' order), in the order given: ids follow it. */
export async function insertRows(
  trx: Db,
  into: keyof Database,
  columns: Columns,
  rows: readonly Value[][],
): Promise<void> {
  const names = Object.entries(columns);
  const list = sql.join(names.map(([name]) => sql.id(name)));
  const values = sql.join(names.map(([, type], i) => field(i, type)));
  for (const part of chunks(rows))
    await sql`insert into ${sql.table(into)} (${list}) select ${values} from ${table(trx, part)} order by v.key`.execute(
      trx,
    );
}

/** Sets `columns` of the order lines named by each row's first value (seq), the rest in `columns`' order. */
export async function updateLines(
  trx: Db,
  columns: Columns,
  rows: readonly Value[][],
): Promise<void> {
  const sets = sql.join(
    Object.entries(columns).map(([name, type], i) => sql`${sql.id(name)} = ${field(i + 1, type)}`),
  );
  for (const part of chunks(rows))
    await sql`update order_lines set ${sets} from ${table(trx, part)} where order_lines.seq = ${field(0, 'integer')}`.execute(
      trx,
    );
}
