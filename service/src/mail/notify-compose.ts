/**
 * The two "notify me" emails, in the sign-up's locale, from the mail
 * catalog (merchant labels override as for the delay email): the
 * confirmation (double opt-in) and the one "can now be ordered" notice,
 * each with its unsubscribe link. Plain-text and HTML parts.
 */
import { type MailKey, type MailLabels, mailText, textLocale } from 'preorder-elements/text';
import { escapeHtml, htmlDocument } from './html.js';
import type { MailMessage } from './mailer.js';

export interface NotifyMail {
  kind: 'confirm' | 'available';
  to: string;
  locale: string;
  product: string;
  /** The confirmation link (confirm only). */
  confirmUrl?: string | undefined;
  unsubscribeUrl: string;
}

export function composeNotifyMail(mail: NotifyMail, labels?: MailLabels): MailMessage {
  const options = { locale: mail.locale, labels };
  const say = (key: MailKey) => mailText(key, { product: mail.product, email: mail.to }, options);
  const link = (key: MailKey, url: string) => ({ label: say(key), url });
  const paragraphs =
    mail.kind === 'confirm'
      ? [
          say('mailNotifyConfirmIntro'),
          link('mailNotifyConfirmLink', mail.confirmUrl ?? ''),
          say('mailNotifyIgnore'),
        ]
      : [say('mailNotifyAvailableBody')];
  const unsubscribe = link('mailNotifyUnsubscribe', mail.unsubscribeUrl);
  const all = [say('mailGreeting'), ...paragraphs, unsubscribe];
  const subject = say(
    mail.kind === 'confirm' ? 'mailNotifyConfirmSubject' : 'mailNotifyAvailableSubject',
  );
  const text = `${all.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.url}`)).join('\n\n')}\n`;
  const body = all
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p)}</p>`
        : `<p><a href="${escapeHtml(p.url)}">${escapeHtml(p.label)}</a></p>`,
    )
    .join('\n');
  return {
    to: mail.to,
    subject,
    text,
    html: htmlDocument(textLocale({ locale: mail.locale }), subject, body),
  };
}
