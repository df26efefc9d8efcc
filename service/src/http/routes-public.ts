/**
 * The public read path: records with ETags a CDN can serve, and the health
 * check. An answer (body and ETag) is kept per list of SKUs asked and served,
 * 200 or 304, without the database while storage.changes says nothing was
 * written since it was computed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RuleError } from '../rules/errors.js';
import type { RouteContext } from './context.js';
import { errors, health, healthDown, notModified, record, records } from './responses.js';
import { availabilityQuery, skuParams } from './schemas.js';
import { parseSkuList } from './sku-list.js';

/** True when the client's If-None-Match names this ETag (or `*`). */
function fresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

interface Answer {
  body: Buffer;
  etag: string;
  generation: number;
}

/** Answers kept: the lists of SKUs a storefront asks are few (its pages), each a few KiB. */
const ANSWERS = 1000;

export function publicRoutes(app: FastifyInstance, ctx: RouteContext) {
  const cacheControl = `public, max-age=${ctx.maxAge}, stale-while-revalidate=${ctx.staleWhileRevalidate}`;
  const sendCached = (request: FastifyRequest, reply: FastifyReply, answer: Answer) => {
    reply
      .header('etag', answer.etag)
      .header('cache-control', cacheControl)
      .header('vary', 'Origin');
    if (fresh(request, answer.etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(answer.body);
  };
  // --record-cache 0 asks for every record computed on every read: no answers kept either.
  const keep = ctx.reader.caching;
  const answers = new Map<string, Answer>();
  const { changes } = ctx.storage;
  /** The answer kept for this URL, if nothing was written since it was computed. */
  const keptFor = (url: string) => {
    const kept = answers.get(url);
    return kept && kept.generation === changes.generation ? kept : undefined;
  };
  /** The kept answer for `key` (the URL) if nothing was written since; else `compute`'s, kept. */
  const answer = async (
    key: string,
    compute: () => Promise<{ body: string; etag: string } | undefined>,
  ): Promise<Answer | undefined> => {
    const generation = changes.generation;
    const kept = keptFor(key);
    if (kept) return kept;
    const computed = await compute();
    if (!computed) return undefined;
    const made = { body: Buffer.from(computed.body), etag: computed.etag, generation: -1 };
    // Kept only if no write ended while it was read (else it may predate that write).
    if (keep && generation !== null && changes.generation === generation) {
      made.generation = generation;
      answers.delete(key);
      answers.set(key, made);
      if (answers.size > ANSWERS) answers.delete(answers.keys().next().value as string);
    }
    return made;
  };

  /**
   * The read path at CDN scale: an answer kept for the very URL is sent before
   * its query is validated again (it was, when it was computed), and a
   * request's own log lines are warnings and errors only (not two info lines
   * per read; errors keep their request id).
   */
  const fast = {
    logLevel: 'warn' as const,
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      const kept = keptFor(request.url);
      if (kept) return sendCached(request, reply, kept);
    },
  };

  app.get<{ Querystring: { skus: string } }>(
    '/availability',
    {
      ...fast,
      schema: {
        summary: 'Records of several SKUs (unknown ones left out)',
        tags: ['public'],
        querystring: availabilityQuery,
        response: { 200: records, 304: notModified, ...errors(400) },
      },
    },
    async (request, reply) => {
      const found = await answer(request.url, async () => {
        const { records, etag } = await ctx.reader.read(parseSkuList(request.url));
        return { body: `[${records.join(',')}]`, etag };
      });
      return sendCached(request, reply, found as Answer);
    },
  );

  app.get<{ Params: { sku: string } }>(
    '/availability/:sku',
    {
      ...fast,
      schema: {
        summary: "One SKU's record",
        tags: ['public'],
        params: skuParams,
        response: { 200: record, 304: notModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const { sku } = request.params;
      const found = await answer(request.url, async () => {
        const { records, etag } = await ctx.reader.read([sku]);
        return records.length ? { body: records[0] as string, etag } : undefined;
      });
      if (!found)
        throw new RuleError(404, 'not_found', `no product with SKU ${JSON.stringify(sku)}`, {
          sku,
        });
      return sendCached(request, reply, found);
    },
  );

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and the database in use',
        tags: ['public'],
        response: { 200: health, ...errors(), 503: healthDown },
      },
    },
    async (_request, reply) => {
      try {
        await ctx.storage.read.selectFrom('products').select('sku').limit(1).execute();
        return { ok: true, database: ctx.storage.kind };
      } catch {
        return reply.code(503).send({
          ok: false,
          database: ctx.storage.kind,
          error: 'database_unreachable',
          message: 'the database does not answer',
        });
      }
    },
  );
}
