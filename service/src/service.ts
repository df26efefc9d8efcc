/**
 * The service as a library: open the database (migrations run), load the
 * seed, build the HTTP server, listen; close in the reverse order.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { DeliveryDb } from './delivery/store.js';
import { type WebhookOptions, WebhookWorker } from './delivery/worker.js';
import { buildApp } from './http/app.js';
import { LiveFeed } from './live/feed.js';
import { type MailOptions, mailPieces } from './mail/setup.js';
import { RecordReader } from './rules/availability.js';
import type { NotifyLimits } from './rules/notify.js';
import type { Clock } from './rules/types.js';
import { loadSeed } from './seed.js';
import { type Storage, openStorage } from './storage/db.js';

export interface ServiceOptions {
  port: number;
  host: string;
  data: string;
  databaseUrl?: string | undefined;
  adminToken?: string | undefined;
  /** Enables /webhooks/shopify/* (their HMAC secret). */
  shopifySecret?: string | undefined;
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
  /** `GET /events`: a heartbeat comment this often, ms (default 15 s). */
  heartbeatMs?: number;
  /** Webhook targets and delivery settings; none: events wait in the outbox. */
  webhooks?: WebhookOptions | undefined;
  /** POST /notify's rate limits; default NOTIFY_LIMITS. */
  notifyLimits?: NotifyLimits | undefined;
  /** Delay emails and their cancel links (delivered with the webhooks' retry settings). */
  mail?: MailOptions | undefined;
}

export interface RunningService {
  app: FastifyInstance;
  storage: Storage;
  /** `http://host:port` as bound (port 0 resolved). */
  url: string;
  /** The webhook worker, when targets are configured. */
  webhooks: WebhookWorker | undefined;
  close(): Promise<void>;
}

/**
 * The worker's database: reads on storage.read, writes in quiet transactions
 * (delivery state is not availability: no NOTIFY, no read cache moved, no
 * worker woken by its own writes; on SQLite no wait for the disk).
 */
function deliveryDb(storage: Storage): DeliveryDb {
  return { kind: storage.kind, read: storage.read, write: storage.quietTransaction };
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const opened = await openStorage({ data: options.data, databaseUrl: options.databaseUrl });
  let webhooks: WebhookWorker | undefined;
  let stopFeed = () => {};
  const mail = options.mail && mailPieces(options.mail, options.webhooks);
  // What the routes and the seed write through: each commit wakes the worker at once.
  const storage: Storage = {
    ...opened,
    transaction: (work) => opened.transaction(work).finally(() => webhooks?.wake()),
  };
  try {
    const clock: Clock = { now: options.now ?? Date.now, timeZone: options.timeZone };
    if (options.seed) await loadSeed(storage, options.seed, clock);
    // Live pages: each commit (here, or another instance's NOTIFY) wakes the feed.
    const feed = new LiveFeed(storage.read);
    stopFeed = storage.changes.onChange(() => feed.wake());
    const app = await buildApp(
      {
        storage,
        clock,
        reader: new RecordReader(storage.read, options.recordCache),
        adminToken: options.adminToken || undefined,
        shopifySecret: options.shopifySecret || undefined,
        maxAge: options.maxAge,
        staleWhileRevalidate: options.staleWhileRevalidate,
        live: { feed, heartbeatMs: options.heartbeatMs ?? 15_000, maxBufferBytes: 1024 * 1024 },
        links: mail?.links,
        notifyLimits: options.notifyLimits,
      },
      options.logger,
    );
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    const url = `http://${host}:${port}`;
    if (options.webhooks || mail) {
      webhooks = new WebhookWorker(
        deliveryDb(opened),
        options.webhooks ?? (mail?.delivery as WebhookOptions),
        app.log.child({ component: 'webhooks' }),
        mail ? [mail.target(opened.read, url), mail.notifyTarget(opened.read, url)] : [],
      );
      await webhooks.start();
    }
    let closing: Promise<void> | undefined;
    return {
      app,
      storage,
      url,
      webhooks,
      // Stops taking requests and deliveries, lets those in flight finish, then closes the database.
      close: () =>
        (closing ??= Promise.all([app.close(), webhooks?.close()]).then(async () => {
          stopFeed();
          await mail?.mailer.close();
          return opened.close();
        })),
    };
  } catch (error) {
    await webhooks?.close();
    await mail?.mailer.close();
    await opened.close();
    throw error;
  }
}
