/**
 * The HTTP server: Fastify with strict JSON in (1 MiB, application/json
 * only, no type coercion, unknown fields refused), one error shape out, a
 * request id on every log line and response, and the OpenAPI document.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { RouteContext } from './context.js';
import { registerCors } from './cors.js';
import { sendError } from './errors.js';
import { errorSchema } from './responses.js';
import { addFormats } from './formats.js';
import { adminRoutes } from './routes-admin.js';
import { cancelRoutes } from './routes-cancel.js';
import { eventRoutes } from './routes-events.js';
import { notifyRoutes } from './routes-notify.js';
import { orderRoutes } from './routes-orders.js';
import { publicRoutes } from './routes-public.js';
import { shopifyRoutes } from './routes-shopify.js';

export const BODY_LIMIT = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export async function buildApp(
  ctx: RouteContext,
  logger: FastifyServerOptions['logger'],
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            ...(typeof logger === 'object' ? logger : {}),
            // Never a token in the logs; bodies (emails) are not logged at all.
            redact: ['req.headers.authorization', 'req.headers["x-shopify-hmac-sha256"]'],
          },
    bodyLimit: BODY_LIMIT,
    // A proxy's request id is kept when it looks like one; else ours.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: {
      customOptions: {
        coerceTypes: false,
        removeAdditional: false,
        allErrors: false,
        verbose: true,
      },
      plugins: [addFormats as never],
    },
    return503OnClosing: true,
  });
  // While closing, each answer ends its connection: a kept-alive socket would
  // otherwise hold the close open until its keep-alive timeout (72 s).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  // JSON only (no text/plain); an empty JSON body is no body (POST .../cancel with a Content-Type).
  app.removeAllContentTypeParsers();
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    json(request, body as string, done);
  });

  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );

  await registerCors(app);
  // Shared schemas keep their own name in the document's components (not def-0).
  app.addSchema(errorSchema);
  await app.register(swagger, {
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'preorder-service',
        version: '0.1.0',
        description:
          'Products, purchase orders, the queue of pre-orders and backorders, receipts and promises.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'the admin token' },
        },
      },
    },
  });
  publicRoutes(app, ctx);
  eventRoutes(app, ctx);
  adminRoutes(app, ctx);
  orderRoutes(app, ctx);
  if (ctx.links) cancelRoutes(app, ctx, ctx.links);
  await shopifyRoutes(app, ctx);
  notifyRoutes(app, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
