/**
 * The two databases every proof runs on: SQLite in a fresh temporary folder,
 * and a fresh PostgreSQL database on the server at PG_URL, dropped after.
 * Without a reachable PostgreSQL the PostgreSQL proofs are skipped and say
 * so, unless PREORDER_REQUIRE_POSTGRES=1 (CI), which makes that a failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The server, as a URL without a database name. */
export const PG_SERVER = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REQUIRED = process.env.PREORDER_REQUIRE_POSTGRES === '1' || process.env.CI === 'true';

async function adminQuery(text) {
  const admin = new pg.Client({
    connectionString: `${PG_SERVER}/postgres`,
    connectionTimeoutMillis: 3000,
  });
  await admin.connect();
  try {
    return await admin.query(text);
  } finally {
    await admin.end();
  }
}

let reachable;
/** Why PostgreSQL cannot be used (a sentence), or null when it can. */
async function postgresProblem() {
  reachable ??= adminQuery('select 1').then(
    () => null,
    (error) => `PostgreSQL not reachable at ${PG_SERVER} (${error.message})`,
  );
  return reachable;
}

const sqlite = {
  name: 'SQLite',
  skip: async () => false,
  async create() {
    const data = await mkdtemp(join(tmpdir(), 'preorder-proof-'));
    return { data, drop: () => rm(data, { recursive: true, force: true }) };
  },
};

const postgres = {
  name: 'PostgreSQL',
  /** false, or the reason the PostgreSQL proofs are skipped (node:test prints it). */
  async skip() {
    const problem = await postgresProblem();
    if (!problem) return false;
    if (REQUIRED) throw new Error(`${problem}; PREORDER_REQUIRE_POSTGRES=1 requires it`);
    return `${problem}: skipped; start PostgreSQL 15 there (or set PG_URL) and run again`;
  },
  async create() {
    const name = `preorder_proof_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    return {
      databaseUrl: `${PG_SERVER}/${name}`,
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  },
};

export const DATABASES = [sqlite, postgres];

/** An SQL client on a proof's PostgreSQL database, for seeding and reading behind the service's back. */
export function pgClient(databaseUrl) {
  return new pg.Client({ connectionString: databaseUrl });
}
