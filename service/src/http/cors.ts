/** CORS `*` (no credentials) on the public routes only; the admin API is for servers. */
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const PUBLIC = /^\/(availability|healthz|openapi\.json|events|notify)(\/|\?|$)/;

export const isPublicPath = (url: string) => PUBLIC.test(url);

export async function registerCors(app: FastifyInstance) {
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request: FastifyRequest, callback) =>
      callback(
        null,
        isPublicPath(request.url)
          ? {
              origin: '*',
              methods: ['GET', 'HEAD', 'POST'],
              exposedHeaders: ['ETag'],
              maxAge: 86400,
              credentials: false,
            }
          : { origin: false },
      ),
  });
}
