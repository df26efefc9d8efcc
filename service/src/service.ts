/**
 * The service as a library: open the database (migrations run), load the
 * seed, build the HTTP server, listen; close in the reverse order.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './http/app.js';
import { RecordReader } from './rules/availability.js';
import type { Clock } from './rules/types.js';
import { loadSeed } from './seed.js';
import { type Storage, openStorage } from './storage/db.js';

export interface ServiceOptions {
  port: number;
  host: string;
  data: string;
  databaseUrl?: string | undefined;
  adminToken?: string | undefined;
  timeZone: string;
  seed?: string | undefined;
  /** Cache-Control of the public reads, seconds. */
  maxAge: number;
  staleWhileRevalidate: number;
  /** Records kept computed per product version; 0 computes each on every read. */
  recordCache: number;
  logger: FastifyServerOptions['logger'];
  /** The clock; tests pin it. Default Date.now. */
  now?: () => number;
}

export interface RunningService {
  app: FastifyInstance;
  storage: Storage;
  /** `http://host:port` as bound (port 0 resolved). */
  url: string;
  close(): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const storage = await openStorage({ data: options.data, databaseUrl: options.databaseUrl });
  try {
    const clock: Clock = { now: options.now ?? Date.now, timeZone: options.timeZone };
    if (options.seed) await loadSeed(storage, options.seed, clock);
    const app = await buildApp(
      {
        storage,
        clock,
        reader: new RecordReader(storage.read, options.recordCache),
        adminToken: options.adminToken || undefined,
        maxAge: options.maxAge,
        staleWhileRevalidate: options.staleWhileRevalidate,
      },
      options.logger,
    );
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | undefined;
    return {
      app,
      storage,
      url: `http://${host}:${port}`,
      // Stops taking requests, lets those in flight finish, then closes the database.
      close: () => (closing ??= app.close().then(() => storage.close())),
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
