/**
 * Storage: the database the service runs on, its migrations, and the one way
 * to change state (a transaction that holds its SKUs' locks to the end).
 */
import { type Kysely, sql } from 'kysely';
import { Changes } from './changes.js';
import { migrate } from './migrations.js';
import { CHANGES_CHANNEL, listenForChanges, openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

export type DatabaseKind = 'embedded' | 'postgres';
/** The database or one connection in a transaction: queries take either. */
export type Db = Kysely<Database>;

export interface Storage {
  kind: DatabaseKind;
  /** The file, or the server's URL without its password: for the start line and logs. */
  where: string;
  /** For reads: on SQLite a read-only connection that never waits for a writer. */
  read: Db;
  /** Moves after every write transaction, this instance's or (PostgreSQL) another's: the read cache's key. */
  changes: Changes;
  /** Runs `work` in one transaction; its effects and events commit together or not at all. */
  transaction<T>(work: (trx: Db) => Promise<T>): Promise<T>;
  /**
   * A write transaction for bookkeeping that is not availability (delivery
   * state): it notifies no instance, moves no read cache, and on SQLite does
   * not wait for the disk (synchronous NORMAL: a power cut may undo it, which
   * only repeats a delivery; a killed process loses nothing).
   */
  quietTransaction<T>(work: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** Folder of the embedded database. */
  data: string;
  /** A PostgreSQL server instead. */
  databaseUrl?: string | undefined;
}

/** PostgreSQL errors worth retrying the whole transaction for: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  const postgres = options.databaseUrl !== undefined && options.databaseUrl !== '';
  const kind: DatabaseKind = postgres ? 'postgres' : 'embedded';
  let db: Db;
  let read: Db;
  let where: string;
  let closeAll: () => Promise<void>;
  // SQLite: the folder is this process's alone, so its own commits are all the changes.
  const changes = new Changes(!postgres);
  if (postgres) {
    db = read = openPostgres(options.databaseUrl as string);
    where = withoutPassword(options.databaseUrl as string);
    const stopListening = await listenForChanges(options.databaseUrl as string, changes);
    closeAll = async () => {
      await stopListening();
      await db.destroy();
    };
  } else {
    const handles = openSqlite(options.data);
    ({ db, read } = handles);
    where = handles.file;
    closeAll = handles.close;
  }
  // SQLite takes the write lock at BEGIN, so two writers never both read then write.
  const begin = sql.raw(postgres ? 'begin' : 'begin immediate');
  // Delivered to every listening instance when (and only if) the transaction commits.
  const notify = postgres ? sql.raw(`notify ${CHANGES_CHANNEL}`) : undefined;
  try {
    await migrate(db as Kysely<unknown>, kind);
  } catch (error) {
    await closeAll();
    throw error;
  }
  // On SQLite the writer is one connection: a quiet transaction lowers its
  // sync level for itself only and restores it before the next user.
  const quietly = postgres ? undefined : sql.raw('pragma synchronous = NORMAL');
  const durably = postgres ? undefined : sql.raw('pragma synchronous = FULL');
  async function run<T>(work: (trx: Db) => Promise<T>, quiet: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.connection().execute(async (connection) => {
          if (quiet && quietly) await quietly.execute(connection);
          await begin.execute(connection);
          try {
            const result = await work(connection);
            if (notify && !quiet) await notify.execute(connection);
            await sql`commit`.execute(connection);
            return result;
          } catch (error) {
            await sql`rollback`.execute(connection).catch(() => undefined);
            throw error;
          } finally {
            // After the commit (or its failure): a read that began before it caches nothing.
            if (!quiet) changes.bump();
            if (quiet && durably) await durably.execute(connection);
          }
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt < ATTEMPTS && code && RETRYABLE.has(code)) continue;
        throw error;
      }
    }
  }
  return {
    kind,
    where,
    read,
    changes,
    transaction: (work) => run(work, false),
    quietTransaction: (work) => run(work, true),
    close: closeAll,
  };
}
