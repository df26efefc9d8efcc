/**
 * "Notify me" (service.md s.2): POST /notify takes a sign-up (JSON, public,
 * rate-limited; 202 whatever the address's state, so the answer tells no one
 * who is on the list); the emailed links open GET pages that change nothing,
 * and only their form's POST confirms or unsubscribes. HTML pages, not JSON.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { verifySignupToken, type NotifyPurpose } from '../mail/notify-links.js';
import { type NotifyPageFacts, type NotifyPageKind, notifyPage } from '../mail/notify-pages.js';
import { PAGE_CSP } from '../mail/pages.js';
import { RuleError } from '../rules/errors.js';
import { type Signup, confirmSignup, findSignup, signUp, unsubscribe } from '../rules/notify.js';
import { productName } from '../mail/line-notice.js';
import type { RouteContext } from './context.js';
import { errors } from './responses.js';
import { notifyBody } from './schemas.js';

const STATUS: Record<NotifyPageKind, number> = { ask: 200, done: 200, already: 409, invalid: 403 };

/** A page's headers: the cancel pages' (strict CSP, no caching of a URL with a token, no Referer). */
function sendPage(
  reply: FastifyReply,
  kind: NotifyPageKind,
  facts: NotifyPageFacts,
  id = 0,
  token = '',
) {
  return reply
    .code(STATUS[kind])
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(notifyPage(kind, facts, id, token));
}

/** The tag as given if it is one (canonical form), else undefined. */
function localeTag(value: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

interface LinkFields {
  s?: string;
  t?: string;
}

export function notifyRoutes(app: FastifyInstance, ctx: RouteContext) {
  app.post<{ Body: { sku: string; email: string; locale?: string } }>(
    '/notify',
    {
      schema: {
        summary: '"Notify me": a sign-up, confirmed by an emailed link (double opt-in)',
        tags: ['public'],
        body: notifyBody,
        response: {
          202: {
            type: 'object',
            required: ['accepted'],
            properties: { accepted: { type: 'boolean', const: true } },
          },
          ...errors(400, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      if (!ctx.links)
        throw new RuleError(
          503,
          'notify_unavailable',
          'sign-ups need email: the service runs without --smtp-url',
        );
      const { sku, email } = request.body;
      const locale = localeTag(request.body.locale ?? 'en');
      if (!locale)
        return reply.code(400).send({
          error: 'invalid_input',
          message: `locale: expected a BCP 47 language tag such as en or de-AT, got ${JSON.stringify(request.body.locale)}`,
          field: 'locale',
          expected: 'a BCP 47 language tag such as en or de-AT',
          in: 'body',
        });
      const result = await signUp(
        ctx.storage,
        { sku, email, locale, ip: request.ip },
        ctx.clock,
        ctx.notifyLimits,
      );
      if (result.kind === 'limited')
        return reply
          .code(429)
          .header('retry-after', String(result.retryAfter))
          .send({
            error: 'rate_limited',
            message: `too many sign-ups from this ${result.per === 'ip' ? 'network address' : 'email address'}; try again in ${result.retryAfter} s`,
            per: result.per,
            retryAfter: result.retryAfter,
          });
      if (result.kind === 'unknown_sku')
        throw new RuleError(404, 'not_found', `no product with SKU ${JSON.stringify(sku)}`, {
          sku,
        });
      return reply.code(202).send({ accepted: true });
    },
  );

  const links = ctx.links;
  if (!links) return;
  const invalidFor = (purpose: NotifyPurpose): NotifyPageFacts => ({
    purpose,
    locale: null,
    labels: links.labels,
    email: '',
    product: '',
  });
  /** The sign-up the link names when its token verifies; else undefined. */
  const verified = async (purpose: NotifyPurpose, fields: LinkFields | undefined) => {
    if (!fields?.s || !/^[1-9]\d{0,9}$/.test(fields.s)) return undefined;
    const signup = await findSignup(ctx.storage.read, Number(fields.s));
    if (!signup || !verifySignupToken(purpose, signup, fields.t, links.secret)) return undefined;
    const row = await ctx.storage.read
      .selectFrom('products')
      .select('settings')
      .where('sku', '=', signup.sku)
      .executeTakeFirst();
    const facts: NotifyPageFacts = {
      purpose,
      locale: signup.locale,
      labels: links.labels,
      email: signup.email,
      product: row ? productName(row.settings, signup.sku) : signup.sku,
    };
    return { signup, facts };
  };
  const open: Record<NotifyPurpose, (signup: Signup) => boolean> = {
    confirm: (signup) => signup.status === 'pending',
    unsubscribe: (signup) => signup.status !== 'unsubscribed',
  };
  const act: Record<NotifyPurpose, (signup: Signup) => Promise<string>> = {
    confirm: (signup) => confirmSignup(ctx.storage, signup, ctx.clock),
    unsubscribe: (signup) => unsubscribe(ctx.storage, signup, ctx.clock),
  };

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    for (const purpose of ['confirm', 'unsubscribe'] as const) {
      const path = `/notify/${purpose}`;
      const hide = { schema: { hide: true } };
      scope.get<{ Querystring: LinkFields }>(path, hide, async (request, reply) => {
        const found = await verified(purpose, request.query);
        if (!found) return sendPage(reply, 'invalid', invalidFor(purpose));
        const { signup, facts } = found;
        if (!open[purpose](signup)) return sendPage(reply, 'already', facts);
        return sendPage(reply, 'ask', facts, signup.id, request.query.t);
      });
      scope.post<{ Body: LinkFields | undefined }>(path, hide, async (request, reply) => {
        const found = await verified(purpose, request.body);
        if (!found) return sendPage(reply, 'invalid', invalidFor(purpose));
        const outcome = await act[purpose](found.signup);
        return sendPage(reply, outcome === 'already' ? 'already' : 'done', found.facts);
      });
    }
  });
}
