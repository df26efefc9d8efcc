/** CORS `*` (no credentials) on the public routes only; the admin API is for servers. */
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const PUBLIC = /^\/(availability|healthz|openapi\.json|events|notify)(\/|\?|$)/;

export const isPublicPath = (url: string) => PUBLIC.test(url);

/** The two answers the delegator gives, built once (not an object and arrays per request). */
const PUBLIC_CORS: FastifyCorsOptions = Object.freeze({
  origin: '*',
  methods: ['GET', 'HEAD', 'POST'],
  exposedHeaders: ['ETag'],
  maxAge: 86400,
  credentials: false,
});
const NO_CORS: FastifyCorsOptions = Object.freeze({ origin: false });

export async function registerCors(app: FastifyInstance) {
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request: FastifyRequest, callback) =>
      callback(null, isPublicPath(request.url) ? PUBLIC_CORS : NO_CORS),
  });
}
