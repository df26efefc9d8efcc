/** Orders: placed (all lines or none), read with their basis and history, cancelled. */
import type { FastifyInstance } from 'fastify';
import { cancelOrder } from '../rules/cancel.js';
import { type OrderInput, placeOrder } from '../rules/orders.js';
import { orderView } from '../rules/views.js';
import { adminGuard } from './auth.js';
import type { RouteContext } from './context.js';
import { bearer } from './routes-admin.js';
import { idParams, orderBody } from './schemas.js';

export function orderRoutes(app: FastifyInstance, ctx: RouteContext) {
  const onRequest = adminGuard(ctx.adminToken);
  const orders = { tags: ['orders'], security: bearer };

  app.post<{ Body: OrderInput }>(
    '/orders',
    {
      onRequest,
      schema: { ...orders, summary: 'Place an order: all lines or none', body: orderBody },
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
      },
    },
    async (request) => orderView(ctx.storage.read, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/orders/:id/cancel',
    {
      onRequest,
      schema: { ...orders, summary: 'Cancel an order: later orders move up', params: idParams },
    },
    async (request) => {
      await cancelOrder(ctx.storage, request.params.id, ctx.clock);
      return orderView(ctx.storage.read, request.params.id);
    },
  );
}
