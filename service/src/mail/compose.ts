/**
 * The delay email of one promise.changed, in the customer's locale, in the
 * product page's words: the date line is the text layer's formatMoved ("Now
 * expected 2 April 2027 (was 12 March 2027)"), the rest the mail catalog's
 * strings, each overridable by the merchant's labels.
 */
import type { DatePrecision } from 'preorder-elements/engine';
import {
  type LabelOverrides,
  type MailLabels,
  formatMoved,
  formatShipDate,
  loadLocale,
  mailText,
  textLocale,
} from 'preorder-elements/text';
import { escapeHtml, htmlDocument } from './html.js';
import type { MailMessage } from './mailer.js';

export interface DelayNotice {
  to: string;
  /** The customer's locale as stored (any tag; unknown: English). */
  locale: string | null;
  product: string;
  orderId: string;
  previous: string | null;
  current: string | null;
  /** The stated precision of the current promise. */
  precision: DatePrecision;
  cancelUrl: string;
}

/** The date line: moved, newly dated, or no longer dated. */
function dateLine(notice: DelayNotice, options: { locale: string; labels?: LabelOverrides }) {
  const { current, previous, precision } = notice;
  if (current === null) return formatShipDate({ kind: 'tbc' }, options) ?? '';
  const ship = { kind: 'day', day: current, precision } as const;
  return (
    (previous !== null ? formatMoved(ship, previous, options) : null) ??
    formatShipDate(ship, options) ??
    ''
  );
}

export async function composeDelayNotice(
  notice: DelayNotice,
  labels?: MailLabels,
): Promise<MailMessage> {
  const locale = notice.locale ?? 'en';
  // The element catalogs other than English load on first use (once per process).
  await loadLocale(locale);
  const options = { locale, labels };
  const params = { product: notice.product, orderId: notice.orderId };
  const say = (key: Parameters<typeof mailText>[0]) => mailText(key, params, options);
  const moved = dateLine(notice, { locale, labels: labels as LabelOverrides | undefined });
  const subject = say('mailMovedSubject');
  const link = say('mailCancelLink');
  const text = [
    say('mailGreeting'),
    '',
    say('mailMovedIntro'),
    moved,
    '',
    say('mailCancelOffer'),
    `${link}: ${notice.cancelUrl}`,
    '',
    say('mailSignoff'),
    '',
  ].join('\n');
  const p = (content: string) => `<p>${content}</p>`;
  const body = [
    p(escapeHtml(say('mailGreeting'))),
    p(`${escapeHtml(say('mailMovedIntro'))}<br><strong>${escapeHtml(moved)}</strong>`),
    p(escapeHtml(say('mailCancelOffer'))),
    p(`<a href="${escapeHtml(notice.cancelUrl)}">${escapeHtml(link)}</a>`),
    p(escapeHtml(say('mailSignoff'))),
  ].join('\n');
  const html = htmlDocument(textLocale({ locale }), subject, body);
  return { to: notice.to, subject, text, html };
}
