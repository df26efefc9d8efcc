// The service suite on the embedded database (SQLite in a temp folder).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite } from './suite.js';

defineSuite('SQLite', async () => {
  const data = await mkdtemp(join(tmpdir(), 'preorder-test-'));
  return { database: { data }, cleanup: () => rm(data, { recursive: true, force: true }) };
});
