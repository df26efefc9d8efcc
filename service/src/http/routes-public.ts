/** The public read path: records with ETags a CDN can serve, and the health check. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RuleError } from '../rules/errors.js';
import type { RouteContext } from './context.js';
import { availabilityQuery, skuParams } from './schemas.js';

/** True when the client's If-None-Match names this ETag (or `*`). */
function fresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

export function publicRoutes(app: FastifyInstance, ctx: RouteContext) {
  const cacheControl = `public, max-age=${ctx.maxAge}, stale-while-revalidate=${ctx.staleWhileRevalidate}`;
  const sendCached = (request: FastifyRequest, reply: FastifyReply, body: string, etag: string) => {
    reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'Origin');
    if (fresh(request, etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  };

  app.get<{ Querystring: { skus: string } }>(
    '/availability',
    {
      schema: {
        summary: 'Records of several SKUs (unknown ones left out)',
        tags: ['public'],
        querystring: availabilityQuery,
      },
    },
    async (request, reply) => {
      const skus = request.query.skus
        .split(',')
        .map((sku) => sku.trim())
        .filter(Boolean);
      if (!skus.length || skus.length > 100)
        throw new RuleError(
          400,
          'invalid_input',
          `skus: expected 1 to 100 comma-separated SKUs, got ${skus.length}`,
          { field: 'skus', expected: '1 to 100 comma-separated SKUs', in: 'querystring' },
        );
      const { records, etag } = await ctx.reader.read(skus);
      return sendCached(request, reply, `[${records.join(',')}]`, etag);
    },
  );

  app.get<{ Params: { sku: string } }>(
    '/availability/:sku',
    { schema: { summary: "One SKU's record", tags: ['public'], params: skuParams } },
    async (request, reply) => {
      const { records, etag } = await ctx.reader.read([request.params.sku]);
      if (!records.length)
        throw new RuleError(
          404,
          'not_found',
          `no product with SKU ${JSON.stringify(request.params.sku)}`,
          { sku: request.params.sku },
        );
      return sendCached(request, reply, records[0], etag);
    },
  );

  app.get(
    '/healthz',
    { schema: { summary: 'Liveness and the database in use', tags: ['public'] } },
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
