/**
 * The "notify me" links' pages: a confirmation of what the link will do (a
 * form that posts back, no script), its answer, "nothing to change", and
 * "not valid". The cancel pages' document, style and CSP (pages.ts).
 */
import { type MailKey, type MailLabels, mailText, textLocale } from 'preorder-elements/text';
import { escapeHtml, htmlDocument } from './html.js';
import type { NotifyPurpose } from './notify-links.js';
import { STYLE } from './pages.js';

export type NotifyPageKind = 'ask' | 'done' | 'already' | 'invalid';

export interface NotifyPageFacts {
  purpose: NotifyPurpose;
  locale: string | null;
  labels?: MailLabels | undefined;
  email: string;
  product: string;
}

const KEYS: Record<NotifyPurpose, Record<NotifyPageKind, [MailKey, MailKey]>> = {
  confirm: {
    ask: ['pageNotifyConfirmTitle', 'pageNotifyConfirmSummary'],
    done: ['pageNotifyConfirmedTitle', 'pageNotifyConfirmedBody'],
    already: ['pageNotifyAlreadyTitle', 'pageNotifyAlreadyBody'],
    invalid: ['pageInvalidTitle', 'pageInvalidBody'],
  },
  unsubscribe: {
    ask: ['pageNotifyUnsubscribeTitle', 'pageNotifyUnsubscribeSummary'],
    done: ['pageNotifyUnsubscribedTitle', 'pageNotifyUnsubscribedBody'],
    already: ['pageNotifyAlreadyTitle', 'pageNotifyAlreadyBody'],
    invalid: ['pageInvalidTitle', 'pageInvalidBody'],
  },
};

const BUTTON: Record<NotifyPurpose, MailKey> = {
  confirm: 'pageNotifyConfirmButton',
  unsubscribe: 'pageNotifyUnsubscribeButton',
};

/** A page; the ask page's form posts the sign-up `id` and `token` back to the same path. */
export function notifyPage(
  kind: NotifyPageKind,
  facts: NotifyPageFacts,
  id = 0,
  token = '',
): string {
  const options = { locale: facts.locale, labels: facts.labels };
  const params = { email: facts.email, product: facts.product };
  const say = (key: MailKey) => escapeHtml(mailText(key, params, options));
  const [titleKey, bodyKey] = KEYS[facts.purpose][kind];
  const heading = `<h1 id="title">${say(titleKey)}</h1>`;
  const summary = `<p id="summary">${say(bodyKey)}</p>`;
  const body =
    kind === 'ask'
      ? // Relative action ("confirm" from /notify/confirm): works behind a proxy's prefix too.
        `<main><form method="post" action="${facts.purpose}" aria-labelledby="title" aria-describedby="summary">${heading}${summary}` +
        `<input type="hidden" name="s" value="${id}">` +
        `<input type="hidden" name="t" value="${escapeHtml(token)}">` +
        `<button type="submit">${say(BUTTON[facts.purpose])}</button></form></main>`
      : `<main>${heading}${summary}</main>`;
  const title = mailText(titleKey, params, options);
  return htmlDocument(textLocale({ locale: facts.locale ?? 'en' }), title, body, STYLE);
}
