/**
 * The cancel link's pages, in the customer's locale: the confirmation (a
 * form that posts back, no script), its answer, "already cancelled", and
 * "not valid". Small, self-contained documents: one inline style allowed by
 * its hash, nothing loaded from anywhere.
 */
import { createHash } from 'node:crypto';
import { type MailKey, type MailLabels, mailText, textLocale } from 'preorder-elements/text';
import { escapeHtml, htmlDocument } from './html.js';

export const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}' +
  'button{font:inherit;padding:.5rem 1rem;border:2px solid #1a1a1a;border-radius:.25rem;background:#fff;color:#1a1a1a;cursor:pointer}' +
  'button:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}';

/** The pages' Content-Security-Policy: nothing but that one style; forms post to this origin only. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface PageFacts {
  locale: string | null;
  labels?: MailLabels | undefined;
  orderId: string;
  product: string;
  quantity: number;
}

export type PageKind = 'confirm' | 'cancelled' | 'already' | 'invalid';

const KEYS: Record<PageKind, [MailKey, MailKey]> = {
  confirm: ['pageCancelTitle', 'pageCancelSummary'],
  cancelled: ['pageCancelledTitle', 'pageCancelledBody'],
  already: ['pageAlreadyTitle', 'pageAlreadyBody'],
  invalid: ['pageInvalidTitle', 'pageInvalidBody'],
};

/** A page; `token` is posted back by the confirmation's form. */
export function cancelPage(kind: PageKind, facts: PageFacts, token = ''): string {
  const options = { locale: facts.locale, labels: facts.labels };
  const params = { orderId: facts.orderId, product: facts.product, count: facts.quantity };
  const [titleKey, bodyKey] = KEYS[kind];
  const title = mailText(titleKey, params, options);
  const heading = `<h1 id="title">${escapeHtml(title)}</h1>`;
  const summary = `<p id="summary">${escapeHtml(mailText(bodyKey, params, options))}</p>`;
  const body =
    kind === 'confirm'
      ? // Posted to this same path ("cancel", relative): works behind a proxy's prefix too.
        `<main><form method="post" action="cancel" aria-labelledby="title" aria-describedby="summary">${heading}${summary}` +
        `<input type="hidden" name="token" value="${escapeHtml(token)}">` +
        `<button type="submit">${escapeHtml(mailText('pageCancelConfirm', params, options))}</button></form></main>`
      : `<main>${heading}${summary}</main>`;
  return htmlDocument(textLocale({ locale: facts.locale ?? 'en' }), title, body, STYLE);
}
