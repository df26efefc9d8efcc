/**
 * The admin token: a bearer token compared in constant time (over SHA-256
 * digests, so neither the length nor a prefix of it leaks through timing).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** An onRequest hook: 503 when no token is configured, 401 unless the request bears it. */
export function adminGuard(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!expected)
      return reply.code(503).send({
        error: 'admin_disabled',
        message: 'no admin token configured (start the service with --admin-token or ADMIN_TOKEN)',
      });
    const [scheme, given] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && given && timingSafeEqual(digest(given), expected))
      return;
    return reply.code(401).header('www-authenticate', 'Bearer').send({
      error: 'unauthorized',
      message: 'expected the header Authorization: Bearer <admin token>',
    });
  };
}
