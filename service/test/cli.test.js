// The command as an operator runs it: start line, the data folder's lock, SIGTERM, a restart after SIGKILL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const SEED = new URL('../seed.example.json', import.meta.url).pathname;
const data = await mkdtemp(join(tmpdir(), 'preorder-cli-'));
after(() => rm(data, { recursive: true, force: true }));

/** Starts `serve`; resolves with the child and its URL once it prints its start line. */
function serve(...args) {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data', data, '--log-level', 'warn', ...args],
    {
      env: { ...process.env, ADMIN_TOKEN: 'cli-token' },
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const started = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)\ndatabase: (.*)\n/.exec(out);
      if (url) resolve({ child, url: url[1], database: url[2] });
    });
    child.once('exit', (code) =>
      reject(Object.assign(new Error(`exited ${code}: ${err}`), { code, stderr: err })),
    );
  });
  return started;
}

test('serve prints its URL and database, locks its folder, and exits 0 on SIGTERM', async () => {
  const first = await serve('--seed', SEED);
  assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(first.database, /^embedded SQLite .*preorder\.sqlite$/);
  const health = await (await fetch(`${first.url}/healthz`)).json();
  assert.deepEqual(health, { ok: true, database: 'embedded' });
  const seeded = await (await fetch(`${first.url}/availability?skus=LAMP-OAK,MUG-BLUE`)).json();
  assert.deepEqual(
    seeded.map((r) => r.sku),
    ['LAMP-OAK', 'MUG-BLUE'],
  );

  const second = await serve().then(
    () => assert.fail('a second process opened the same folder'),
    (error) => error,
  );
  assert.equal(second.code, 1);
  assert.match(second.stderr, new RegExp(`in use by process ${first.child.pid}\\b`));

  first.child.kill('SIGTERM');
  const [code] = await once(first.child, 'exit');
  assert.equal(code, 0);
  assert.equal(existsSync(join(data, 'lock')), false);
});

test('after a SIGKILL the next start takes the stale lock over; the seed is not applied twice', async () => {
  const first = await serve('--seed', SEED);
  const headers = { authorization: 'Bearer cli-token', 'content-type': 'application/json' };
  const placed = await fetch(`${first.url}/orders`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id: 'cli-1', lines: [{ sku: 'MUG-BLUE', quantity: 2 }] }),
  });
  assert.equal(placed.status, 201);
  first.child.kill('SIGKILL');
  await once(first.child, 'exit');
  const again = await serve('--seed', SEED);
  const mug = await (await fetch(`${again.url}/availability/MUG-BLUE`)).json();
  assert.equal(mug.onHand, 1, 'the seed left the product as orders made it');
  again.child.kill('SIGTERM');
  assert.deepEqual(await once(again.child, 'exit'), [0, null]);
});

test('a bad option is named with what it expects', async () => {
  const error = await serve('--time-zone', 'Mars/Olympus').catch((e) => e);
  assert.equal(error.code, 2);
  assert.match(error.stderr, /--time-zone: expected an IANA time zone/);
});
