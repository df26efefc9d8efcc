/** German. */
import type { Catalog } from '../types.js';

export const de: Catalog = {
  addToCart: 'In den Warenkorb',
  preorder: 'Vorbestellen',
  backorder: 'Jetzt bestellen',
  soldOut: 'Ausverkauft',
  comingSoon: 'Demnächst erhältlich',
  discontinued: 'Nicht mehr erhältlich',
  notifyMe: 'Benachrichtigen',

  onlyLeftToPreorder: 'Nur noch {count} vorbestellbar',
  onlyLeftToBackorder: 'Nur noch {count} bestellbar',
  preordersFull: 'Keine Vorbestellungen mehr möglich',
  backordersFull: 'Keine Bestellungen mehr möglich',
  onlyLeft: 'Nur noch {count} auf Lager',
  onlyAvailable: 'Nur {count} verfügbar',
  onlyAvailableToPreorder: 'Nur {count} vorbestellbar',
  onlyAvailableToBackorder: 'Nur {count} bestellbar',
  limitPerOrder: 'Maximal {count} pro Bestellung',
  payInFull: 'Heute den vollen Betrag zahlen',
  payOnShip: 'Zahlung erst bei Versand',
  payDeposit: 'Heute eine Anzahlung, den Rest bei Versand',
  payDepositPercent: 'Heute {percent} anzahlen, den Rest bei Versand',
  payDepositAmount: 'Heute {amount} anzahlen, den Rest bei Versand',
  splitShipment: '{now} Stück sofort lieferbar, {later} Stück {when}',
  merchantMessage: '{text}',

  shipNow: 'Auf Lager, sofort versandbereit',
  shipDay: 'Versand voraussichtlich bis {date}',
  shipWeek: 'Versand voraussichtlich in der Woche vom {date}',
  shipMonth: 'Versand im {date}',
  shipQuarter: 'Versand im {date}',
  shipWindow: 'Versand {date}',
  shipTbc: 'Versanddatum wird noch bekannt gegeben',
  whenDay: 'voraussichtlich bis {date}',
  whenWeek: 'voraussichtlich in der Woche vom {date}',
  whenMonth: 'voraussichtlich im {date}',
  whenQuarter: 'voraussichtlich im {date}',
  whenWindow: 'voraussichtlich {date}',
  whenTbc: 'später (Termin folgt)',
  quarter: '{q}. Quartal {year}',
  dateRange: '{range}',
  release: 'Erscheint am {date}',
  moved: 'Neuer Termin: {date} (bisher {previous})',

  duration: '{m, plural, =0 {{h} Std.} other {{h, plural, =0 {} other {# Std. }}# Min.}}',
  orderWithin: 'Innerhalb von {time} bestellen, Versand noch heute',
  shipsOn: 'Versand am {date}',
  arrives: 'Lieferung {date}',

  explainPreorder:
    'Sichert Ihnen den Artikel vor dem Erscheinen; Versand, sobald er verfügbar ist. Sie zahlen wie angegeben und können bis zum Versand kostenlos stornieren.',
  explainBackorder:
    'Derzeit nicht auf Lager, Nachschub ist unterwegs. Versand der Reihe nach, sobald Ware eintrifft. Sie zahlen wie angegeben und können bis zum Versand kostenlos stornieren.',
  explainMixed:
    'Ein Teil wird sofort versandt, der Rest, sobald neue Ware eintrifft. Diesen Teil können Sie bis zum Versand kostenlos stornieren.',
  explainComingSoon: 'Noch nicht erschienen und noch nicht bestellbar.',
  explainSoldOut: 'Alle verfügbaren Stücke sind vergeben, derzeit sind keine Bestellungen möglich.',
  infoPreorder: 'Was ist eine Vorbestellung?',
  infoBackorder: 'Was bedeutet Nachlieferung?',
  infoMixed: 'Warum wird ein Teil später geliefert?',
  infoComingSoon: 'Was bedeutet „demnächst erhältlich“?',
  infoSoldOut: 'Warum ist der Artikel ausverkauft?',

  loading: 'Verfügbarkeit wird geladen…',
  unavailable: 'Verfügbarkeit konnte nicht geladen werden',
};
