/** French. Non-breaking spaces before « : ? » and inside guillemets, as French typography wants. */
import type { Catalog } from '../types.js';

export const fr: Catalog = {
  addToCart: 'Ajouter au panier',
  preorder: 'Précommander',
  backorder: 'Commander en réassort',
  soldOut: 'Épuisé',
  comingSoon: 'Bientôt disponible',
  discontinued: 'Plus disponible',
  notifyMe: 'Me prévenir',

  onlyLeftToPreorder: 'Plus que {count} en précommande',
  onlyLeftToBackorder: 'Plus que {count} en réassort',
  preordersFull: 'Précommandes complètes',
  backordersFull: 'Réassort complet, plus de commandes possibles',
  onlyLeft: 'Plus que {count} en stock',
  onlyAvailable: '{count, plural, one {Seulement # disponible} other {Seulement # disponibles}}',
  onlyAvailableToPreorder:
    '{count, plural, one {Seulement # disponible en précommande} other {Seulement # disponibles en précommande}}',
  onlyAvailableToBackorder:
    '{count, plural, one {Seulement # disponible en réassort} other {Seulement # disponibles en réassort}}',
  limitPerOrder: 'Limité à {count} par commande',
  payInFull: 'Paiement intégral aujourd’hui',
  payOnShip: 'Rien à payer avant l’expédition',
  payDeposit: 'Acompte aujourd’hui, solde à l’expédition',
  payDepositPercent: 'Acompte de {percent} aujourd’hui, solde à l’expédition',
  payDepositAmount: 'Acompte de {amount} aujourd’hui, solde à l’expédition',
  splitShipment: '{now, plural, one {# expédié} other {# expédiés}} maintenant, {later} {when}',
  merchantMessage: '{text}',

  shipNow: 'En stock, prêt à être expédié',
  shipDay: 'Expédition prévue d’ici le {date}',
  shipWeek: 'Expédition prévue la semaine du {date}',
  shipMonth: 'Expédition prévue en {date}',
  shipQuarter: 'Expédition prévue au {date}',
  shipWindow: 'Expédition prévue\u00a0: {date}',
  shipTbc: 'Date d’expédition à confirmer',
  whenDay: 'd’ici le {date}',
  whenWeek: 'la semaine du {date}',
  whenMonth: 'en {date}',
  whenQuarter: 'au {date}',
  whenWindow: 'plus tard ({date})',
  whenTbc: 'plus tard (date à confirmer)',
  quarter: '{q, plural, =1 {1er} other {#e}} trimestre {year}',
  dateRange: '{range}',
  firstOfMonth: '1er',
  release: 'Sortie le {date}',
  moved: 'Nouvelle date\u00a0: {date} (précédemment {previous})',

  duration: '{m, plural, =0 {{h} h} other {{h, plural, =0 {} other {# h }}# min}}',
  orderWithin: 'Commandez dans les {time} pour une expédition aujourd’hui',
  shipsOn: 'Expédition le {date}',
  arrives: 'Livraison {date}',

  explainPreorder:
    'Réserve cet article avant sa sortie\u00a0; expédition dès qu’il est disponible.',
  explainBackorder:
    'En rupture pour le moment, un réassort est en route. Expédition dans l’ordre des commandes, dès réception du stock.',
  explainMixed: 'Une partie part tout de suite, le reste dès réception du réassort.',
  explainComingSoon: 'Pas encore sorti, pas encore ouvert à la commande.',
  explainSoldOut:
    'Tous les exemplaires disponibles ont été commandés, plus de commandes pour le moment.',
  infoPreorder: 'Qu’est-ce qu’une précommande\u202f?',
  infoBackorder: 'Qu’est-ce qu’une commande en réassort\u202f?',
  infoMixed: 'Pourquoi une partie est-elle expédiée plus tard\u202f?',
  infoComingSoon: 'Que signifie «\u00a0bientôt disponible\u00a0»\u202f?',
  infoSoldOut: 'Pourquoi cet article est-il épuisé\u202f?',

  loading: 'Chargement de la disponibilité…',
  unavailable: 'Impossible de charger la disponibilité',
};
