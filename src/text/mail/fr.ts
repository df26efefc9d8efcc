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
};
