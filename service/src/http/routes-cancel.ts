/**
 * The delay email's cancel link (service.md s.4): GET shows what will be
 * cancelled and a confirm button; only the form's POST cancels, through the
 * cancel rule. A token that does not verify answers 403, a line already
 * cancelled 409: never a second cancel. HTML pages, not JSON.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { loadLocale, type MailLabels } from 'preorder-elements/text';
import { readLineNotice } from '../mail/line-notice.js';
import { verifyLineToken } from '../mail/links.js';
import { PAGE_CSP, type PageFacts, type PageKind, cancelPage } from '../mail/pages.js';
import { cancelLine } from '../rules/cancel.js';
import { RuleError } from '../rules/errors.js';
import type { RouteContext } from './context.js';

export interface LinkOptions {
  secret: string;
  labels?: MailLabels | undefined;
}

interface Params {
  id: string;
  line: string;
}

const STATUS: Record<PageKind, number> = {
  confirm: 200,
  cancelled: 200,
  already: 409,
  invalid: 403,
};

function sendPage(reply: FastifyReply, kind: PageKind, facts: PageFacts, token?: string) {
  return (
    reply
      .code(STATUS[kind])
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      // The token is in the URL: kept out of caches and of other sites' Referer.
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(cancelPage(kind, facts, token))
  );
}

export function cancelRoutes(app: FastifyInstance, ctx: RouteContext, links: LinkOptions) {
  /** The line the link names when its token verifies for it; else undefined. */
  async function verified(params: Params, token: unknown) {
    if (!/^[1-9]\d{0,8}$/.test(params.line)) return undefined;
    const line = Number(params.line);
    const row = await readLineNotice(ctx.storage.read, params.id, line);
    if (!row || !verifyLineToken({ orderId: params.id, line, seq: row.seq }, token, links.secret))
      return undefined;
    await loadLocale(row.customer_locale);
    const facts: PageFacts = {
      locale: row.customer_locale,
      labels: links.labels,
      orderId: params.id,
      product: row.product,
      quantity: row.quantity,
    };
    return { line, cancelled: row.status === 'cancelled', facts };
  }
  // An unverified link shows nothing of the order, in English (its customer is unknown).
  const invalid = { locale: null, labels: links.labels, orderId: '', product: '', quantity: 0 };

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const path = '/orders/:id/lines/:line/cancel';
    const hide = { schema: { hide: true } };

    scope.get<{ Params: Params; Querystring: { token?: string } }>(
      path,
      hide,
      async (req, reply) => {
        const token = req.query.token;
        const found = await verified(req.params, token);
        if (!found) return sendPage(reply, 'invalid', invalid);
        return sendPage(reply, found.cancelled ? 'already' : 'confirm', found.facts, token);
      },
    );

    scope.post<{ Params: Params; Body: { token?: string } | undefined }>(
      path,
      hide,
      async (req, reply) => {
        const found = await verified(req.params, req.body?.token);
        if (!found) return sendPage(reply, 'invalid', invalid);
        try {
          const done = await cancelLine(ctx.storage, req.params.id, found.line, ctx.clock);
          return sendPage(reply, done ? 'cancelled' : 'already', found.facts);
        } catch (error) {
          if (error instanceof RuleError && error.statusCode === 404)
            return sendPage(reply, 'invalid', invalid);
          throw error;
        }
      },
    );
  });
}
