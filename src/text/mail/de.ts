/** Deutsche Mail-Texte (Schlüssel und Parameter wie in en.ts). */
import type { MailCatalog } from './keys.js';

export const mailDe: MailCatalog = {
  mailMovedSubject: 'Neuer voraussichtlicher Termin für {product} (Bestellung {orderId})',
  mailGreeting: 'Hallo,',
  mailMovedIntro:
    'Der voraussichtliche Termin für {product} in Ihrer Bestellung {orderId} hat sich geändert:',
  mailCancelOffer:
    'Wenn Sie nicht warten möchten, können Sie diesen Artikel stornieren. Der Rest Ihrer Bestellung bleibt unverändert.',
  mailCancelLink: 'Diese Position stornieren',
  mailSignoff: 'Vielen Dank für Ihre Geduld.',

  pageCancelTitle: '{product} stornieren?',
  pageCancelSummary:
    'Bestellung {orderId}: {count, plural, one {# Stück} other {# Stück}} {product} werden storniert.',
  pageCancelConfirm: 'Diese Position stornieren',
  pageCancelledTitle: 'Storniert',
  pageCancelledBody: '{product} in Bestellung {orderId} ist storniert.',
  pageAlreadyTitle: 'Bereits storniert',
  pageAlreadyBody:
    'Diese Position der Bestellung {orderId} war bereits storniert. Sonst wurde nichts geändert.',
  pageInvalidTitle: 'Dieser Link ist nicht gültig',
  pageInvalidBody: 'Bitte öffnen Sie den Link genau so, wie er in Ihrer E-Mail steht.',

  mailNotifyConfirmSubject: 'Bitte bestätigen: E-Mail, sobald {product} bestellbar ist',
  mailNotifyConfirmIntro:
    'Sie möchten per E-Mail erfahren, sobald {product} bestellbar ist. Bitte bestätigen Sie, dass dies Ihre Adresse ist:',
  mailNotifyConfirmLink: 'Meine Adresse bestätigen',
  mailNotifyIgnore:
    'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Es kommt nichts weiter.',
  mailNotifyAvailableSubject: '{product} ist jetzt bestellbar',
  mailNotifyAvailableBody:
    'Gute Nachricht: {product} ist jetzt bestellbar. Das ist die eine E-Mail, um die Sie gebeten haben; wir schreiben dazu nicht noch einmal.',
  mailNotifyUnsubscribe: 'Abmelden',
  pageNotifyConfirmTitle: 'E-Mail-Adresse bestätigen?',
  pageNotifyConfirmSummary: 'Wir schreiben einmal an {email}, sobald {product} bestellbar ist.',
  pageNotifyConfirmButton: 'Bestätigen',
  pageNotifyConfirmedTitle: 'Bestätigt',
  pageNotifyConfirmedBody: 'Wir schreiben Ihnen einmal, sobald {product} bestellbar ist.',
  pageNotifyUnsubscribeTitle: 'Abmelden?',
  pageNotifyUnsubscribeSummary: '{email} erhält keine E-Mail zu {product}.',
  pageNotifyUnsubscribeButton: 'Abmelden',
  pageNotifyUnsubscribedTitle: 'Abgemeldet',
  pageNotifyUnsubscribedBody: 'Sie erhalten keine E-Mail zu {product}.',
  pageNotifyAlreadyTitle: 'Nichts zu ändern',
  pageNotifyAlreadyBody: 'Dieser Link wurde bereits verwendet. Sonst wurde nichts geändert.',
};
