/** The merchant's API: products, purchase orders, receipts and the queue. */
import type { FastifyInstance } from 'fastify';
import { type ProductInput, putProduct } from '../rules/products.js';
import {
  type PurchaseOrderChange,
  type PurchaseOrderInput,
  changePurchaseOrder,
  createPurchaseOrder,
} from '../rules/purchase-orders.js';
import { type ReceiptInput, receive } from '../rules/receipts.js';
import { productView, queueView } from '../rules/views.js';
import { adminGuard } from './auth.js';
import type { RouteContext } from './context.js';
import { errors, product, purchaseOrder, queue, receipt } from './responses.js';
import {
  idParams,
  productBody,
  purchaseOrderBody,
  purchaseOrderChangeBody,
  queueQuery,
  receiptBody,
  receiptHeaders,
  skuParams,
} from './schemas.js';

export const bearer = [{ bearer: [] }];

export function adminRoutes(app: FastifyInstance, ctx: RouteContext) {
  const onRequest = adminGuard(ctx.adminToken);
  const admin = { tags: ['admin'], security: bearer };
  /** Every admin route may answer 401 (no or wrong token) and 503 (no token configured). */
  const failures = (...codes: number[]) => errors(401, 503, ...codes);
  /** A route with a JSON body may also answer 413 (over 1 MiB) and 415 (not JSON). */
  const bodyFailures = (...codes: number[]) => failures(400, 413, 415, ...codes);

  app.put<{ Params: { sku: string }; Body: ProductInput }>(
    '/admin/products/:sku',
    {
      onRequest,
      schema: {
        ...admin,
        summary: 'Create or replace a product',
        params: skuParams,
        body: productBody,
        response: { 200: product, 201: product, ...bodyFailures() },
      },
    },
    async (request, reply) => {
      const { created } = await putProduct(
        ctx.storage,
        request.params.sku,
        request.body,
        ctx.clock,
      );
      return reply
        .code(created ? 201 : 200)
        .send(await productView(ctx.storage.read, request.params.sku));
    },
  );

  app.get<{ Params: { sku: string } }>(
    '/admin/products/:sku',
    {
      onRequest,
      schema: {
        ...admin,
        summary: 'A product with its queue summary',
        params: skuParams,
        response: { 200: product, ...failures(400, 404) },
      },
    },
    async (request) => productView(ctx.storage.read, request.params.sku),
  );

  app.post<{ Body: PurchaseOrderInput }>(
    '/admin/purchase-orders',
    {
      onRequest,
      schema: {
        ...admin,
        summary: 'Create a purchase order (inbound supply)',
        body: purchaseOrderBody,
        response: { 200: purchaseOrder, 201: purchaseOrder, ...bodyFailures(404, 409) },
      },
    },
    async (request, reply) => {
      const { statusCode, purchaseOrder } = await createPurchaseOrder(
        ctx.storage,
        request.body,
        ctx.clock,
      );
      return reply.code(statusCode).send(purchaseOrder);
    },
  );

  app.patch<{ Params: { id: string }; Body: PurchaseOrderChange }>(
    '/admin/purchase-orders/:id',
    {
      onRequest,
      schema: {
        ...admin,
        summary: 'Move or resize a purchase order',
        params: idParams,
        body: purchaseOrderChangeBody,
        response: { 200: purchaseOrder, ...bodyFailures(404, 409) },
      },
    },
    async (request) => changePurchaseOrder(ctx.storage, request.params.id, request.body, ctx.clock),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/purchase-orders/:id/cancel',
    {
      onRequest,
      schema: {
        ...admin,
        summary: 'Cancel a purchase order',
        params: idParams,
        response: { 200: purchaseOrder, ...failures(400, 404, 409) },
      },
    },
    async (request) =>
      changePurchaseOrder(ctx.storage, request.params.id, { cancel: true }, ctx.clock),
  );

  app.post<{ Body: ReceiptInput; Headers: { 'idempotency-key'?: string } }>(
    '/admin/receipts',
    {
      onRequest,
      schema: {
        ...admin,
        summary: 'Stock arrived: release it to the queue',
        body: receiptBody,
        headers: receiptHeaders,
        response: { 200: receipt, 201: receipt, ...bodyFailures(404, 409) },
      },
    },
    async (request, reply) => {
      const { statusCode, answer } = await receive(
        ctx.storage,
        request.body,
        request.headers['idempotency-key'],
        ctx.clock,
      );
      return reply.code(statusCode).send(answer);
    },
  );

  app.get<{ Params: { sku: string }; Querystring: { limit?: string; offset?: string } }>(
    '/admin/queue/:sku',
    {
      onRequest,
      schema: {
        ...admin,
        summary: "A SKU's queue in order, filled lines included",
        params: skuParams,
        querystring: queueQuery,
        response: { 200: queue, ...failures(400, 404) },
      },
    },
    async (request) => {
      await productView(ctx.storage.read, request.params.sku); // 404 for an unknown SKU
      const limit = Math.min(Number(request.query.limit ?? 1000), 10_000);
      return queueView(
        ctx.storage.read,
        request.params.sku,
        limit,
        Number(request.query.offset ?? 0),
      );
    },
  );
}
