// The service suite on PostgreSQL: a fresh database per run, dropped after.
// Server: PREORDER_TEST_POSTGRES (default postgres://postgres@127.0.0.1:5432/postgres).
// Not reachable: skipped with a note on a laptop, a failure in CI (CI=true).
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { defineSuite } from './suite.js';

const server = process.env.PREORDER_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HOW = `start PostgreSQL 15 on 127.0.0.1:5432 (user postgres, trust auth) or set PREORDER_TEST_POSTGRES, then run: npm run test:postgres -w service`;

async function admin(statement) {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

let reachable = true;
let reason = '';
try {
  await admin('select 1');
} catch (error) {
  reachable = false;
  reason = error.message || error.code || String(error);
}

if (reachable) {
  defineSuite('PostgreSQL', async () => {
    const name = `preorder_test_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      database: { data: '', databaseUrl: url.toString() },
      cleanup: () => admin(`drop database if exists ${name} with (force)`),
    };
  });
} else if (process.env.CI === 'true') {
  test('PostgreSQL is reachable (required in CI)', () => {
    throw new Error(`PostgreSQL at ${server} is not reachable (${reason}); ${HOW}`);
  });
} else {
  const note = `PostgreSQL suite skipped: ${server} is not reachable (${reason}). To run it, ${HOW}`;
  console.log(note);
  test('service on PostgreSQL', { skip: note }, () => {});
}
