/**
 * The embedded database: SQLite in WAL mode in the data folder. One writing
 * connection (Kysely queues its users, and every write transaction begins
 * IMMEDIATE) and one read-only connection, so reads never wait for a write.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { lockFolder } from './lock.js';
import type { Database } from './schema.js';

export interface SqliteHandles {
  db: Kysely<Database>;
  read: Kysely<Database>;
  file: string;
  close(): Promise<void>;
}

export function openSqlite(folder: string): SqliteHandles {
  mkdirSync(folder, { recursive: true });
  const unlock = lockFolder(folder);
  const file = join(folder, 'preorder.sqlite');
  try {
    const writer = new SqliteDatabase(file);
    writer.pragma('journal_mode = WAL');
    // FULL: an answered 201 survives a power cut too, not only a killed process.
    writer.pragma('synchronous = FULL');
    writer.pragma('foreign_keys = ON');
    writer.pragma('busy_timeout = 5000');
    const reader = new SqliteDatabase(file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: writer }) });
    const read = new Kysely<Database>({ dialect: new SqliteDialect({ database: reader }) });
    return {
      db,
      read,
      file,
      async close() {
        await read.destroy();
        await db.destroy();
        // Kysely closes a database only once it has used it.
        if (reader.open) reader.close();
        if (writer.open) writer.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
