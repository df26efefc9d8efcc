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
};
