import { expect } from '@open-wc/testing';
import { LABEL_KEYS, type LabelKey, type Message } from '../../src/engine/index.js';
import {
  CATALOGS,
  describe as describeDecision,
  translate,
  type TextKey,
} from '../../src/text/index.js';
import { decision, inWindow, LOCALES, NBSP, NNBSP, onDay, plain } from './helpers.js';

const LABELS: readonly LabelKey[] = LABEL_KEYS;

const EXPECTED_LABELS: Record<(typeof LOCALES)[number], string[]> = {
  en: [
    'Add to cart',
    'Pre-order',
    'Backorder',
    'Sold out',
    'Coming soon',
    'No longer available',
    'Notify me',
  ],
  de: [
    'In den Warenkorb',
    'Vorbestellen',
    'Jetzt bestellen',
    'Ausverkauft',
    'Demnächst erhältlich',
    'Nicht mehr erhältlich',
    'Benachrichtigen',
  ],
  fr: [
    'Ajouter au panier',
    'Précommander',
    'Commander en réassort',
    'Épuisé',
    'Bientôt disponible',
    'Plus disponible',
    'Me prévenir',
  ],
  es: [
    'Añadir al carrito',
    'Reservar',
    'Encargar',
    'Agotado',
    'Próximamente',
    'Ya no disponible',
    'Avísame',
  ],
  ja: [
    'カートに入れる',
    '予約注文',
    'お取り寄せ',
    '売り切れ',
    '近日発売',
    '販売終了',
    '入荷お知らせを受け取る',
  ],
};

/** Every message key, with plural forms (1 and more) where the count varies. */
const MESSAGES: Message[] = [
  { key: 'onlyLeftToPreorder', count: 12 },
  { key: 'onlyLeftToPreorder', count: 1 },
  { key: 'onlyLeftToBackorder', count: 3 },
  { key: 'onlyLeftToBackorder', count: 1 },
  { key: 'preordersFull' },
  { key: 'backordersFull' },
  { key: 'onlyLeft', count: 3 },
  { key: 'onlyLeft', count: 1 },
  { key: 'onlyAvailable', count: 2 },
  { key: 'onlyAvailable', count: 1 },
  { key: 'onlyAvailableToPreorder', count: 2 },
  { key: 'onlyAvailableToPreorder', count: 1 },
  { key: 'onlyAvailableToBackorder', count: 2 },
  { key: 'onlyAvailableToBackorder', count: 1 },
  { key: 'limitPerOrder', count: 2 },
  { key: 'limitPerOrder', count: 1200 },
  { key: 'payInFull' },
  { key: 'payOnShip' },
  { key: 'payDeposit' },
  { key: 'payDepositPercent', percent: 20 },
  { key: 'payDepositPercent', percent: 12.5 },
  { key: 'payDepositAmount', amount: 40 },
  { key: 'splitShipment', now: 2, later: 3, ship: onDay('2027-04-02') },
  { key: 'splitShipment', now: 1, later: 1, ship: onDay('2027-04-02', 'week') },
  { key: 'splitShipment', now: 2, later: 3, ship: onDay('2027-04-02', 'month') },
  { key: 'splitShipment', now: 2, later: 3, ship: onDay('2027-04-02', 'quarter') },
  { key: 'splitShipment', now: 2, later: 3, ship: inWindow('2027-04-02', '2027-04-09') },
  { key: 'splitShipment', now: 2, later: 3, ship: { kind: 'tbc' } },
  { key: 'merchantMessage', text: '<b>Ships in a gift box</b> {count} & more' },
];

const EXPECTED_MESSAGES: Record<(typeof LOCALES)[number], string[]> = {
  en: [
    'Only 12 left to pre-order',
    'Only 1 left to pre-order',
    'Only 3 left to backorder',
    'Only 1 left to backorder',
    'Pre-orders are full',
    'Backorders are full',
    'Only 3 left',
    'Only 1 left',
    'Only 2 available',
    'Only 1 available',
    'Only 2 available to pre-order',
    'Only 1 available to pre-order',
    'Only 2 available to backorder',
    'Only 1 available to backorder',
    'Limit 2 per order',
    'Limit 1,200 per order',
    'Pay in full today',
    'Nothing to pay until it ships',
    'Pay a deposit today, the rest when it ships',
    'Pay 20% today, the rest when it ships',
    'Pay 12.5% today, the rest when it ships',
    'Pay $40.00 today, the rest when it ships',
    '2 ship now, 3 ship by April 2, 2027',
    '1 ships now, 1 ships the week of March 29, 2027',
    '2 ship now, 3 ship in April 2027',
    '2 ship now, 3 ship in Q2 2027',
    '2 ship now, 3 ship April 2 – 9, 2027',
    '2 ship now, 3 ship later, date to be confirmed',
    '<b>Ships in a gift box</b> {count} & more',
  ],
  de: [
    'Nur noch 12 vorbestellbar',
    'Nur noch 1 vorbestellbar',
    'Nur noch 3 bestellbar',
    'Nur noch 1 bestellbar',
    'Keine Vorbestellungen mehr möglich',
    'Keine Bestellungen mehr möglich',
    'Nur noch 3 auf Lager',
    'Nur noch 1 auf Lager',
    'Nur 2 verfügbar',
    'Nur 1 verfügbar',
    'Nur 2 vorbestellbar',
    'Nur 1 vorbestellbar',
    'Nur 2 bestellbar',
    'Nur 1 bestellbar',
    'Maximal 2 pro Bestellung',
    'Maximal 1.200 pro Bestellung',
    'Heute den vollen Betrag zahlen',
    'Zahlung erst bei Versand',
    'Heute eine Anzahlung, den Rest bei Versand',
    `Heute 20${NBSP}% anzahlen, den Rest bei Versand`,
    `Heute 12,5${NBSP}% anzahlen, den Rest bei Versand`,
    `Heute 40,00${NBSP}$ anzahlen, den Rest bei Versand`,
    '2 Stück sofort lieferbar, 3 Stück voraussichtlich bis 2. April 2027',
    '1 Stück sofort lieferbar, 1 Stück voraussichtlich in der Woche vom 29. März 2027',
    '2 Stück sofort lieferbar, 3 Stück voraussichtlich im April 2027',
    '2 Stück sofort lieferbar, 3 Stück voraussichtlich im 2. Quartal 2027',
    '2 Stück sofort lieferbar, 3 Stück voraussichtlich 2.–9. April 2027',
    '2 Stück sofort lieferbar, 3 Stück später (Termin folgt)',
    '<b>Ships in a gift box</b> {count} & more',
  ],
  fr: [
    'Plus que 12 en précommande',
    'Plus que 1 en précommande',
    'Plus que 3 en réassort',
    'Plus que 1 en réassort',
    'Précommandes complètes',
    'Réassort complet, plus de commandes possibles',
    'Plus que 3 en stock',
    'Plus que 1 en stock',
    'Seulement 2 disponibles',
    'Seulement 1 disponible',
    'Seulement 2 disponibles en précommande',
    'Seulement 1 disponible en précommande',
    'Seulement 2 disponibles en réassort',
    'Seulement 1 disponible en réassort',
    'Limité à 2 par commande',
    `Limité à 1${NNBSP}200 par commande`,
    'Paiement intégral aujourd’hui',
    'Rien à payer avant l’expédition',
    'Acompte aujourd’hui, solde à l’expédition',
    `Acompte de 20${NBSP}% aujourd’hui, solde à l’expédition`,
    `Acompte de 12,5${NBSP}% aujourd’hui, solde à l’expédition`,
    `Acompte de 40,00${NBSP}$US aujourd’hui, solde à l’expédition`,
    '2 expédiés maintenant, 3 d’ici le 2 avril 2027',
    '1 expédié maintenant, 1 la semaine du 29 mars 2027',
    '2 expédiés maintenant, 3 en avril 2027',
    '2 expédiés maintenant, 3 au 2e trimestre 2027',
    '2 expédiés maintenant, 3 plus tard (2–9 avril 2027)',
    '2 expédiés maintenant, 3 plus tard (date à confirmer)',
    '<b>Ships in a gift box</b> {count} & more',
  ],
  es: [
    'Solo quedan 12 para reservar',
    'Solo queda 1 para reservar',
    'Solo quedan 3 para encargar',
    'Solo queda 1 para encargar',
    'Reservas agotadas',
    'No se admiten más encargos',
    'Solo quedan 3',
    'Solo queda 1',
    'Solo hay 2 disponibles',
    'Solo hay 1 disponible',
    'Solo hay 2 disponibles para reservar',
    'Solo hay 1 disponible para reservar',
    'Solo hay 2 disponibles para encargar',
    'Solo hay 1 disponible para encargar',
    'Máximo 2 por pedido',
    'Máximo 1200 por pedido',
    'Pago completo hoy',
    'No pagas nada hasta el envío',
    'Paga un anticipo hoy y el resto en el envío',
    `Paga el 20${NBSP}% hoy y el resto en el envío`,
    `Paga el 12,5${NBSP}% hoy y el resto en el envío`,
    `Paga 40,00${NBSP}US$ hoy y el resto en el envío`,
    '2 se envían ahora, 3 para el 2 de abril de 2027',
    '1 se envía ahora, 1 la semana del 29 de marzo de 2027',
    '2 se envían ahora, 3 en abril de 2027',
    '2 se envían ahora, 3 en el segundo trimestre de 2027',
    '2 se envían ahora, 3 más tarde (2–9 de abril de 2027)',
    '2 se envían ahora, 3 más tarde (fecha por confirmar)',
    '<b>Ships in a gift box</b> {count} & more',
  ],
  ja: [
    '予約受付 残り12点',
    '予約受付 残り1点',
    'お取り寄せ受付 残り3点',
    'お取り寄せ受付 残り1点',
    '予約数が上限に達しました',
    'お取り寄せ数が上限に達しました',
    '残り3点',
    '残り1点',
    'ご注文可能数は2点です',
    'ご注文可能数は1点です',
    '予約可能数は2点です',
    '予約可能数は1点です',
    'お取り寄せ可能数は2点です',
    'お取り寄せ可能数は1点です',
    '1回のご注文につき2点まで',
    '1回のご注文につき1,200点まで',
    'ご注文時に全額お支払い',
    '発送までお支払いは不要です',
    '本日は内金をお支払い、残金は発送時',
    '本日は20%の内金をお支払い、残金は発送時',
    '本日は12.5%の内金をお支払い、残金は発送時',
    '本日は内金$40.00をお支払い、残金は発送時',
    '2点は今すぐ発送、3点は2027年4月2日までに発送予定',
    '1点は今すぐ発送、1点は2027年3月29日の週に発送予定',
    '2点は今すぐ発送、3点は2027年4月発送予定',
    '2点は今すぐ発送、3点は2027年第2四半期発送予定',
    '2点は今すぐ発送、3点は2027年4月2日～4月9日発送予定',
    '2点は今すぐ発送、3点は後日発送（日程未定）',
    '<b>Ships in a gift box</b> {count} & more',
  ],
};

const EXPECTED_STATES: Record<(typeof LOCALES)[number], [string, string]> = {
  en: ['Loading availability…', 'Availability could not be loaded'],
  de: ['Verfügbarkeit wird geladen…', 'Verfügbarkeit konnte nicht geladen werden'],
  fr: ['Chargement de la disponibilité…', 'Impossible de charger la disponibilité'],
  es: ['Cargando disponibilidad…', 'No se pudo cargar la disponibilidad'],
  ja: ['在庫状況を読み込んでいます…', '在庫状況を読み込めませんでした'],
};

/** Parameter names a key's template may use (what the text layer passes). */
const PARAMS: Partial<Record<TextKey, string[]>> = {
  payDepositPercent: ['percent'],
  payDepositAmount: ['amount'],
  splitShipment: ['now', 'later', 'when'],
  merchantMessage: ['text'],
  quarter: ['q', 'year'],
  dateRange: ['range', 'start', 'end'],
  moved: ['date', 'previous'],
  duration: ['h', 'm'],
  orderWithin: ['time'],
};
const paramsOf = (key: TextKey) =>
  PARAMS[key] ??
  (/^(only|limit)/.test(key)
    ? ['count']
    : /^(ship|when|release|arrives)/.test(key)
      ? ['date']
      : []);

/** Parameter names in a template, plural branches included; throws on unbalanced braces. */
function names(template: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '}') throw new Error(`stray } in ${template}`);
    if (template[i] !== '{') continue;
    let depth = 0;
    let end = i;
    for (; end < template.length; end++) {
      if (template[end] === '{') depth++;
      else if (template[end] === '}' && --depth === 0) break;
    }
    if (depth !== 0) throw new Error(`unclosed { in ${template}`);
    const body = template.slice(i + 1, end);
    const plural = /^(\w+), plural,(.*)$/s.exec(body);
    if (plural) {
      found.push(plural[1]!);
      for (const branch of plural[2]!.matchAll(/(?:=\d+|zero|one|two|few|many|other) \{/g)) {
        let d = 0;
        let j = branch.index! + branch[0].length - 1;
        const start = j;
        for (; j < plural[2]!.length; j++) {
          if (plural[2]![j] === '{') d++;
          else if (plural[2]![j] === '}' && --d === 0) break;
        }
        found.push(...names(plural[2]!.slice(start + 1, j)));
      }
    } else {
      expect(body, `placeholder in ${template}`).to.match(/^\w+$/);
      found.push(body);
    }
    i = end;
  }
  return found;
}

describe('catalogs', () => {
  const keys = Object.keys(CATALOGS.en).sort();

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, each a non-empty string`, () => {
      const catalog = CATALOGS[locale]!;
      expect(Object.keys(catalog).sort()).to.deep.equal(keys);
      for (const key of keys)
        expect(catalog[key as TextKey], key)
          .to.be.a('string')
          .and.not.equal('');
    });

    it(`${locale} templates use only the parameters the layer passes, with balanced braces`, () => {
      for (const key of keys as TextKey[]) {
        for (const name of names(CATALOGS[locale]![key])) {
          expect(paramsOf(key), `${locale}.${key} uses {${name}}`).to.include(name);
        }
      }
    });
  }
});

describe('labels, messages and states in every locale', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every button label`, () => {
      expect(LABELS.map((label) => translate(label, {}, { locale }))).to.deep.equal(
        EXPECTED_LABELS[locale],
      );
      // describe() picks the same label.
      for (const [i, label] of LABELS.entries()) {
        expect(describeDecision(decision({ label }), { locale }).label).to.equal(
          EXPECTED_LABELS[locale][i],
        );
      }
    });

    it(`${locale}: every message, one string per entry in order`, () => {
      const { messages } = describeDecision(decision({ messages: MESSAGES }), { locale });
      expect(messages.map(plain)).to.deep.equal(EXPECTED_MESSAGES[locale]);
    });

    it(`${locale}: loading and error states`, () => {
      expect([
        translate('loading', {}, { locale }),
        translate('unavailable', {}, { locale }),
      ]).to.deep.equal(EXPECTED_STATES[locale]);
    });
  }

  it('keeps markup and braces in a merchant message as literal text', () => {
    const text = '<img src=x onerror=alert(1)> {text} {count, plural, other {#}} # &amp;';
    for (const locale of LOCALES) {
      const { messages } = describeDecision(
        decision({ messages: [{ key: 'merchantMessage', text }] }),
        { locale },
      );
      expect(messages).to.deep.equal([text]);
    }
  });

  it('gives an empty string (never a throw) for a message key the catalog does not know', () => {
    const unknown = { key: 'somethingNew', count: 2 } as unknown as Message;
    const { messages } = describeDecision(decision({ messages: [{ key: 'payInFull' }, unknown] }));
    expect(messages).to.deep.equal(['Pay in full today', '']);
  });
});
