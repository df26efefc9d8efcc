/** Orders: placed (all lines or none), read with their basis and history, cancelled. */
import type { FastifyInstance } from 'fastify';
import { cancelOrder } from '../rules/cancel.js';
import { type OrderInput, placeOrder } from '../rules/orders.js';
import { orderView } from '../rules/views.js';
import { adminGuard } from './auth.js';
import type { RouteContext } from './context.js';
import { bearer } from './routes-admin.js';
import { errors, order, orderAnswer } from './responses.js';
import { idParams, orderBody } from './schemas.js';

export function orderRoutes(app: FastifyInstance, ctx: RouteContext) {
  const onRequest = adminGuard(ctx.adminToken);
  const orders = { tags: ['orders'], security: bearer };
  /** 401 (no or wrong token), 503 (no token configured), and the route's own. */
  const failures = (...codes: number[]) => errors(401, 503, ...codes);

  app.post<{ Body: OrderInput }>(
    '/orders',
    {
      onRequest,
      schema: {
        ...orders,
        summary: 'Place an order: all lines or none',
        body: orderBody,
        response: { 200: orderAnswer, 201: orderAnswer, ...failures(400, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { statusCode, answer } = await placeOrder(ctx.storage, request.body, ctx.clock);
      return reply.code(statusCode).send(answer);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/orders/:id',
    {
      onRequest,
      schema: {
        ...orders,
        summary: 'An order: each line with its status, promise, basis and history',
        params: idParams,
        response: { 200: order, ...failures(400, 404) },
      },
    },
    async (request) => orderView(ctx.storage.read, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/orders/:id/cancel',
    {
      onRequest,
      schema: {
        ...orders,
        summary: 'Cancel an order: later orders move up',
        params: idParams,
        response: { 200: order, ...failures(400, 404) },
      },
    },
    async (request) => {
      await cancelOrder(ctx.storage, request.params.id, ctx.clock);
      return orderView(ctx.storage.read, request.params.id);
    },
  );
}
