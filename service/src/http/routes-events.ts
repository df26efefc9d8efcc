/**
 * `GET /events?skus=A,B`: Server-Sent Events, one `event: availability` with
 * the record as `data:` for each change of a SKU asked for, `id:` the outbox
 * row's id (the same on every instance). A first connection starts with each
 * SKU's current record (no `id:`); `Last-Event-ID` (the header the browser's
 * EventSource sends when it reconnects, or `?lastEventId=`) replays instead
 * what was missed. Heartbeat comments keep proxies from closing an
 * idle stream; a client that cannot keep up (its buffer over the bound) is
 * disconnected, and resumes from its last id when it reconnects.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { LiveEvent, LiveFeed } from '../live/feed.js';
import type { RouteContext } from './context.js';
import { errors } from './responses.js';
import { parseSkuList } from './sku-list.js';

export interface LiveOptions {
  feed: LiveFeed;
  /** A comment line this often, ms. */
  heartbeatMs: number;
  /** Bytes a connection may have waiting to be sent before it is dropped. */
  maxBufferBytes: number;
}

/** The browser's EventSource waits this long before reconnecting, ms. */
const RETRY_MS = 3000;

const frame = (event: LiveEvent) =>
  `id: ${event.id}\nevent: availability\ndata: ${event.record}\n\n`;

function lastEventId(header: unknown, query: unknown): number | undefined {
  const value = typeof header === 'string' ? header : typeof query === 'string' ? query : '';
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export function eventRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { live } = ctx;
  const open = new Set<ServerResponse>();
  // A stream never ends by itself: closing the server ends them (the client reconnects elsewhere).
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
    await live.feed.idle();
  });

  app.get<{ Querystring: { skus: string; lastEventId?: string } }>(
    '/events',
    {
      logLevel: 'warn',
      schema: {
        summary: 'Server-Sent Events: each change of these SKUs’ records',
        tags: ['public'],
        querystring: {
          type: 'object',
          required: ['skus'],
          properties: {
            skus: { type: 'string', description: 'comma list of URL-encoded SKUs, 1 to 100' },
            lastEventId: { type: 'string', description: 'as the Last-Event-ID header' },
          },
        },
        response: {
          200: {
            description: 'the stream: `event: availability` with a record as `data:`',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const skus = parseSkuList(request.url);
      const after = lastEventId(request.headers['last-event-id'], request.query.lastEventId);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>), // CORS, set on request
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no', // nginx: pass each event on at once
        'x-request-id': request.id,
      });
      raw.write(`retry: ${RETRY_MS}\n\n`);
      open.add(raw);

      let lastSent = after ?? 0;
      const send = (event: LiveEvent) => {
        if (raw.destroyed || event.id <= lastSent) return;
        lastSent = event.id;
        raw.write(frame(event));
        // A client that reads slower than we write: dropped, it resumes from its last id.
        if (raw.writableLength > live.maxBufferBytes) raw.destroy();
      };
      // Live events wait while what was missed is replayed, so the order holds.
      let waiting: LiveEvent[] | undefined = [];
      const unsubscribe = await live.feed.subscribe(new Set(skus), (event) =>
        waiting ? waiting.push(event) : send(event),
      );
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), live.heartbeatMs);
      heartbeat.unref();
      raw.once('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(raw);
      });

      try {
        if (after !== undefined) (await live.feed.replay(after, skus)).forEach(send);
        // A first connection gets each SKU's record as it is now, so nothing changed between the
        // page's fetch and this stream is lost. No id: it moves nobody's Last-Event-ID.
        else
          for (const record of (await ctx.reader.read(skus)).records)
            raw.write(`event: availability\ndata: ${record}\n\n`);
      } catch (error) {
        request.log.error({ err: error }, 'events: replay failed');
        raw.destroy();
      }
      const pending = waiting;
      waiting = undefined;
      pending.forEach(send);
    },
  );
}
