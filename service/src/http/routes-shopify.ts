/**
 * Shopify's order webhooks (service.md s.2): orders/create records the
 * order (never refused: it is paid; what the cap or stock cannot cover is
 * oversold), orders/cancelled cancels it. Verified over the raw body, so
 * these routes live in a scope of their own whose JSON parser keeps the
 * bytes (Buffer); every other route keeps the strict JSON parser.
 * Without a secret they answer 503: Shopify retries them, so orders sent
 * before the secret is configured still arrive once it is.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cancelOrder } from '../rules/cancel.js';
import { RuleError } from '../rules/errors.js';
import { placeOrder } from '../rules/orders.js';
import { orderView } from '../rules/views.js';
import { shopifyOrder, shopifyOrderId } from '../shopify/payload.js';
import { SIGNATURE_HEADER, verifyShopify } from '../shopify/signature.js';
import { readProducts } from '../storage/queries.js';
import type { RouteContext } from './context.js';
import { errors, order, shopifyCreated, shopifyIgnored } from './responses.js';

const TOPICS = { create: 'orders/create', cancelled: 'orders/cancelled' } as const;

/** The verified body, parsed; or the 503/401/400 answer already sent (then undefined). */
async function verified(
  ctx: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  topic: string,
): Promise<unknown> {
  if (!ctx.shopifySecret) {
    await reply.code(503).send({
      error: 'shopify_disabled',
      message:
        'no Shopify webhook secret configured (start the service with --shopify-secret or SHOPIFY_WEBHOOK_SECRET)',
    });
    return undefined;
  }
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (!verifyShopify(raw, request.headers[SIGNATURE_HEADER], ctx.shopifySecret)) {
    await reply.code(401).send({
      error: 'unauthorized',
      message:
        'expected the header X-Shopify-Hmac-Sha256: the base64 HMAC-SHA256 of the body with the Shopify webhook secret',
    });
    return undefined;
  }
  const sent = request.headers['x-shopify-topic'];
  if (typeof sent === 'string' && sent !== topic)
    throw new RuleError(400, 'wrong_topic', `this URL takes ${topic} webhooks, not ${sent}`, {
      field: 'X-Shopify-Topic',
      expected: topic,
      in: 'headers',
    });
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (error) {
    throw new RuleError(
      400,
      'malformed_json',
      `the body is not valid JSON (${(error as Error).message})`,
    );
  }
}

const webhook = (summary: string, ok: Record<number, unknown>) => ({
  schema: {
    tags: ['shopify'],
    summary,
    description:
      'Shopify order webhook, verified by X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with --shopify-secret); the body is Shopify’s Order resource.',
    headers: {
      type: 'object',
      properties: { [SIGNATURE_HEADER]: { type: 'string' }, 'x-shopify-topic': { type: 'string' } },
    },
    response: { ...ok, ...errors(400, 401, 413, 415, 503) },
  },
});

export async function shopifyRoutes(app: FastifyInstance, ctx: RouteContext) {
  await app.register(async (scope) => {
    // This scope's own parser: the bytes as sent, which the signature covers.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    scope.post(
      '/webhooks/shopify/orders-create',
      webhook('Shopify orders/create: record the order (never refused; oversold lines marked)', {
        200: shopifyCreated,
        201: shopifyCreated,
      }),
      async (request, reply) => {
        const body = await verified(ctx, request, reply, TOPICS.create);
        if (body === undefined) return reply;
        const input = shopifyOrder(body);
        const managed = new Set(
          (await readProducts(ctx.storage.read, [...new Set(input.lines.map((l) => l.sku))])).map(
            (product) => product.sku,
          ),
        );
        const lines = input.lines.filter((line) => managed.has(line.sku));
        if (!lines.length) {
          request.log.info(
            { shopifyOrder: input.id },
            'Shopify order without a managed SKU: ignored',
          );
          return reply.code(200).send({
            id: input.id,
            lines: [],
            ignored: 'no line item with a SKU the service manages',
          });
        }
        const { statusCode, answer } = await placeOrder(
          ctx.storage,
          { ...input, lines },
          ctx.clock,
          {
            oversell: true,
          },
        );
        return reply.code(statusCode).send(answer);
      },
    );

    scope.post(
      '/webhooks/shopify/orders-cancelled',
      webhook(
        'Shopify orders/cancelled: cancel the order’s unshipped units (later orders move up)',
        {
          200: { type: 'object', anyOf: [order, shopifyIgnored] },
        },
      ),
      async (request, reply) => {
        const body = await verified(ctx, request, reply, TOPICS.cancelled);
        if (body === undefined) return reply;
        const id = shopifyOrderId(body);
        try {
          await cancelOrder(ctx.storage, id, ctx.clock);
        } catch (error) {
          if (!(error instanceof RuleError && error.code === 'not_found')) throw error;
          // Not one of ours (no managed SKU, or from before the service): Shopify needs a 2xx.
          request.log.info(
            { shopifyOrder: id },
            'Shopify cancellation of an unknown order: ignored',
          );
          return reply.code(200).send({ id, ignored: 'no order with this id' });
        }
        return reply.code(200).send(await orderView(ctx.storage.read, id));
      },
    );
  });
}
