/** Textes des e-mails en français (clés et paramètres comme dans en.ts). */
import type { MailCatalog } from './keys.js';

export const mailFr: MailCatalog = {
  mailMovedSubject: 'Nouvelle date prévue pour {product} (commande {orderId})',
  mailGreeting: 'Bonjour,',
  mailMovedIntro: 'La date prévue de {product} dans votre commande {orderId} a changé :',
  mailCancelOffer:
    'Si vous préférez ne pas attendre, vous pouvez annuler cet article. Le reste de votre commande ne change pas.',
  mailCancelLink: 'Annuler cette ligne',
  mailSignoff: 'Merci de votre patience.',

  pageCancelTitle: 'Annuler {product} ?',
  pageCancelSummary:
    'Commande {orderId} : {count, plural, one {# unité} other {# unités}} de {product} {count, plural, one {sera annulée} other {seront annulées}}.',
  pageCancelConfirm: 'Annuler cette ligne',
  pageCancelledTitle: 'Annulé',
  pageCancelledBody: '{product} dans la commande {orderId} est annulé.',
  pageAlreadyTitle: 'Déjà annulé',
  pageAlreadyBody:
    'Cette ligne de la commande {orderId} était déjà annulée. Rien d’autre n’a été modifié.',
  pageInvalidTitle: 'Ce lien n’est pas valide',
  pageInvalidBody: 'Veuillez ouvrir le lien exactement tel qu’il figure dans votre e-mail.',

  mailNotifyConfirmSubject: 'Merci de confirmer : m’écrire quand {product} pourra être commandé',
  mailNotifyConfirmIntro:
    'Vous avez demandé à être prévenu par e-mail quand {product} pourra être commandé. Merci de confirmer que cette adresse est la vôtre :',
  mailNotifyConfirmLink: 'Confirmer mon adresse',
  mailNotifyIgnore:
    'Si vous n’avez rien demandé, ignorez cet e-mail : vous ne recevrez rien d’autre.',
  mailNotifyAvailableSubject: '{product} peut maintenant être commandé',
  mailNotifyAvailableBody:
    'Bonne nouvelle : {product} peut maintenant être commandé. C’est le seul e-mail que vous avez demandé ; nous ne vous écrirons plus à ce sujet.',
  mailNotifyUnsubscribe: 'Se désinscrire',
  pageNotifyConfirmTitle: 'Confirmer votre adresse e-mail ?',
  pageNotifyConfirmSummary:
    'Nous écrirons une fois à {email}, quand {product} pourra être commandé.',
  pageNotifyConfirmButton: 'Confirmer',
  pageNotifyConfirmedTitle: 'Confirmé',
  pageNotifyConfirmedBody: 'Nous vous écrirons une fois, quand {product} pourra être commandé.',
  pageNotifyUnsubscribeTitle: 'Se désinscrire ?',
  pageNotifyUnsubscribeSummary: '{email} ne recevra pas d’e-mail au sujet de {product}.',
  pageNotifyUnsubscribeButton: 'Se désinscrire',
  pageNotifyUnsubscribedTitle: 'Désinscrit',
  pageNotifyUnsubscribedBody: 'Vous ne recevrez aucun e-mail au sujet de {product}.',
  pageNotifyAlreadyTitle: 'Rien à changer',
  pageNotifyAlreadyBody: 'Ce lien a déjà été utilisé. Rien d’autre n’a été modifié.',
};
