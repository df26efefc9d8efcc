#!/usr/bin/env node
/**
 * `preorder-service serve`: prints `listening on http://HOST:PORT` and the
 * database; on SIGTERM or SIGINT it stops taking requests, finishes those in
 * flight and the webhook deliveries under way, closes the database and exits 0.
 */
import { parseArgs } from 'node:util';
import { OPTIONS, resolveRaw, toServiceOptions, usage } from './options.js';
import { startService } from './service.js';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(OPTIONS.map((o) => [o.flag, { type: 'string' as const }])),
        // Each repeat is one more target.
        'webhook-url': { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    process.stderr.write(`preorder-service: ${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || command !== 'serve') {
    process.stdout.write(usage());
    return parsed.values.help ? 0 : 2;
  }
  let options;
  try {
    // A repeated --webhook-url arrives as a list: joined into the comma list WEBHOOK_URLS takes.
    const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
    const flags = Object.fromEntries(
      OPTIONS.map(({ flag }) => {
        const value = values[flag];
        return [flag, Array.isArray(value) ? value.join(',') : (value as string | undefined)];
      }),
    );
    options = toServiceOptions(resolveRaw(flags, process.env));
  } catch (error) {
    process.stderr.write(`preorder-service: ${(error as Error).message}\n`);
    return 2;
  }
  let service;
  try {
    service = await startService(options);
  } catch (error) {
    process.stderr.write(`preorder-service: ${(error as Error).message}\n`);
    return 1;
  }
  const database =
    service.storage.kind === 'postgres'
      ? `PostgreSQL ${service.storage.where}`
      : `embedded SQLite ${service.storage.where}`;
  process.stdout.write(`listening on ${service.url}\ndatabase: ${database}\n`);
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      service.app.log.info({ signal }, 'shutting down');
      service.close().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`preorder-service: closing failed: ${(error as Error).message}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
