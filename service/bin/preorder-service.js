#!/usr/bin/env node
// The `preorder-service` command. Committed (not built) so that `npm ci` links
// node_modules/.bin/preorder-service at install time; the real CLI is built
// into ../dist by `npm run build` (root) or `npm run build -w service`.
import { access } from 'node:fs/promises';

const cli = new URL('../dist/cli.js', import.meta.url);
try {
  await access(cli);
} catch {
  process.stderr.write(
    'preorder-service: the service is not built yet (service/dist/cli.js is missing).\n' +
      'Run `npm run build` at the repository root (or `npm run build -w service`), then try again.\n',
  );
  process.exit(1);
}
await import(cli.href);
