import { expect } from '@open-wc/testing';
import { decide, type AvailabilityRecord, type Decision } from '../../src/engine/index.js';
import { CATALOGS, describe as describeDecision, describeDispatch } from '../../src/text/index.js';
import { gb } from '../support/cldr.js';
import { decision, inWindow, LOCALES, NBSP, onDay, plain } from './helpers.js';

// 1 March 2027, noon UTC; the store is in UTC.
const NOW = Date.UTC(2027, 2, 1, 12);
const GB = { locale: 'en-GB' };

function decideAt(record: Omit<AvailabilityRecord, 'sku'>, quantity = 1, notify = false): Decision {
  return decide({ sku: 'SKU-1', ...record }, { now: NOW, timeZone: 'UTC', quantity, notify });
}

describe('describe() on engine decisions', () => {
  it('a capped pre-order with a deposit', () => {
    const d = decideAt({
      releaseDate: '2027-03-12',
      incoming: [
        { quantity: 200, date: '2027-03-12' },
        { quantity: 500, date: '2027-04-02' },
      ],
      reserved: 690,
      cap: 'incoming',
      payment: { mode: 'deposit', depositPercent: 20 },
    });
    expect(describeDecision(d, GB)).to.deep.equal({
      label: 'Pre-order',
      messages: ['Only 10 left to pre-order', 'Pay 20% today, the rest when it ships'],
      ship: { text: 'Expected to ship by 2 April 2027', datetime: '2027-04-02' },
      moved: null,
      release: 'Release date 12 March 2027',
      explanation: CATALOGS.en.explainPreorder,
      infoLabel: 'What is a pre-order?',
    });
  });

  it('a backorder paid in full, with a limit per order', () => {
    const d = decideAt({
      onHand: 0,
      allowBackorder: true,
      incoming: [{ quantity: 50, date: '2027-03-20' }],
      maxPerOrder: 2,
      payment: { mode: 'full' },
    });
    expect(describeDecision(d, GB)).to.deep.equal({
      label: 'Backorder',
      messages: ['Limit 2 per order', 'Pay in full today'],
      ship: { text: 'Expected to ship by 20 March 2027', datetime: '2027-03-20' },
      moved: null,
      release: null,
      explanation: CATALOGS.en.explainBackorder,
      infoLabel: 'What is a backorder?',
    });
  });

  it('a mixed order: part from stock, part backordered', () => {
    const d = decideAt(
      {
        onHand: 2,
        allowBackorder: true,
        incoming: [{ quantity: 100, date: '2027-04-02' }],
        payment: { mode: 'on_ship' },
      },
      5,
    );
    const text = describeDecision(d, GB);
    expect(text.label).to.equal('Add to cart');
    expect(text.messages).to.deep.equal([
      '2 ship now, 3 ship by 2 April 2027',
      'Nothing to pay until it ships',
    ]);
    expect(text.ship).to.deep.equal({
      text: 'Expected to ship by 2 April 2027',
      datetime: '2027-04-02',
    });
    expect(text.explanation).to.equal(CATALOGS.en.explainMixed);
    expect(text.infoLabel).to.equal('Why does part of my order ship later?');
  });

  it('a deposit as a share of a known price is stated in money', () => {
    const d = decideAt({
      releaseDate: '2027-03-12',
      payment: { mode: 'deposit', depositPercent: 20, price: 200 },
    });
    expect(describeDecision(d, GB).messages).to.deep.equal([
      'Pay US$40.00 today, the rest when it ships',
    ]);
    expect(describeDecision(d, { locale: 'en-US' }).messages).to.deep.equal([
      'Pay $40.00 today, the rest when it ships',
    ]);
    expect(describeDecision(d, { locale: 'de', currency: 'EUR' }).messages).to.deep.equal([
      `Heute 40,00${NBSP}€ anzahlen, den Rest bei Versand`,
    ]);
    expect(describeDecision(d, { locale: 'ja', currency: 'JPY' }).messages).to.deep.equal([
      '本日は内金￥40をお支払い、残金は発送時',
    ]);
  });

  it('pre-orders full: sold out, with the reason; "Notify me" when a form exists', () => {
    const record = { releaseDate: '2027-03-12', cap: 100, reserved: 100 };
    const text = describeDecision(decideAt(record), GB);
    expect(text).to.deep.equal({
      label: 'Sold out',
      messages: ['Pre-orders are full'],
      ship: null,
      moved: null,
      release: null,
      explanation: CATALOGS.en.explainSoldOut,
      infoLabel: 'Why is this sold out?',
    });
    expect(describeDecision(decideAt(record, 1, true), GB).label).to.equal('Notify me');
  });

  it('backorders full', () => {
    const d = decideAt({
      onHand: 0,
      allowBackorder: true,
      incoming: [{ quantity: 5, date: '2027-03-20' }],
      cap: 'incoming',
      reserved: 5,
    });
    expect(describeDecision(d, GB).messages).to.deep.equal(['Backorders are full']);
  });

  it('coming soon: its release day and what coming soon means', () => {
    const text = describeDecision(
      decideAt({ releaseDate: '2027-03-12', allowPreorder: false }),
      GB,
    );
    expect(text.label).to.equal('Coming soon');
    expect(text.ship).to.equal(null);
    expect(text.release).to.equal('Release date 12 March 2027');
    expect(text.explanation).to.equal(CATALOGS.en.explainComingSoon);
    expect(text.infoLabel).to.equal('What does coming soon mean?');
  });

  it('plainly in stock: no explanation; low stock says how many', () => {
    const text = describeDecision(decideAt({ onHand: 3, lowStockThreshold: 5 }), GB);
    expect(text).to.deep.equal({
      label: 'Add to cart',
      messages: ['Only 3 left'],
      ship: { text: 'In stock, ready to ship', datetime: '' },
      moved: null,
      release: null,
      explanation: null,
      infoLabel: null,
    });
  });

  it('more than can be had: says how many are available', () => {
    const text = describeDecision(decideAt({ onHand: 2 }, 5), GB);
    expect(text.messages).to.deep.equal(['Only 2 available']);
    expect(text.explanation).to.equal(null);
    const capped = describeDecision(
      decideAt({ releaseDate: '2027-03-12', cap: 10, reserved: 8 }, 5),
      GB,
    );
    expect(capped.messages).to.deep.equal(['Only 2 available to pre-order']);
  });

  it('discontinued: no longer available, nothing to explain', () => {
    const text = describeDecision(decideAt({ status: 'discontinued' }), GB);
    expect(text.label).to.equal('No longer available');
    expect(text.explanation).to.equal(null);
    expect(text.infoLabel).to.equal(null);
  });

  it('a moved date: now and before', () => {
    const d = decideAt({
      releaseDate: '2027-03-12',
      expectedDate: '2027-04-02',
      previousExpectedDate: '2027-03-12',
    });
    expect(describeDecision(d, GB).moved).to.equal('Now expected 2 April 2027 (was 12 March 2027)');
  });

  it('the merchant note as plain text, markup and all', () => {
    const d = decideAt({ onHand: 5, message: '<script>alert(1)</script> Gift wrap {free}' });
    expect(describeDecision(d, GB).messages).to.deep.equal([
      '<script>alert(1)</script> Gift wrap {free}',
    ]);
  });
});

describe('describe(): ship datetime values for <time>', () => {
  const cases: [string, Decision['ship'], string | null][] = [
    ['day', onDay('2027-03-12'), '2027-03-12'],
    ['week: its Monday', onDay('2027-03-12', 'week'), '2027-03-08'],
    ['month', onDay('2027-03-12', 'month'), '2027-03'],
    ['quarter: the year', onDay('2027-03-12', 'quarter'), '2027'],
    ['window: the earliest day', inWindow('2027-03-10', '2027-03-20'), '2027-03-10'],
    ['reversed window: still the earliest day', inWindow('2027-03-20', '2027-03-10'), '2027-03-10'],
    ['window, month precision', inWindow('2027-03-10', '2027-04-20', 'month'), '2027-03'],
    ['window, quarter precision', inWindow('2027-03-10', '2027-08-20', 'quarter'), '2027'],
    ['now: none', { kind: 'now' }, ''],
    ['tbc: none', { kind: 'tbc' }, ''],
  ];
  for (const [name, ship, datetime] of cases) {
    it(name, () => {
      expect(describeDecision(decision({ ship })).ship?.datetime).to.equal(datetime);
    });
  }

  it('no ship text at all for none', () => {
    expect(describeDecision(decision({ ship: { kind: 'none' } })).ship).to.equal(null);
  });
});

describe('describe(): moved, release, explanation in every locale', () => {
  const moved = decision({
    ship: onDay('2027-04-02'),
    previousShip: '2027-03-12',
    releaseDay: '2027-03-12',
  });
  const expected: Record<(typeof LOCALES)[number], [string, string]> = {
    en: ['Now expected April 2, 2027 (was March 12, 2027)', 'Release date March 12, 2027'],
    de: ['Neuer Termin: 2. April 2027 (bisher 12. März 2027)', 'Erscheint am 12. März 2027'],
    fr: [
      `Nouvelle date${NBSP}: 2 avril 2027 (précédemment 12 mars 2027)`,
      'Sortie le 12 mars 2027',
    ],
    es: [
      'Nueva fecha: 2 de abril de 2027 (antes 12 de marzo de 2027)',
      'A la venta el 12 de marzo de 2027',
    ],
    ja: ['発送予定日変更：2027年4月2日（変更前：2027年3月12日）', '2027年3月12日発売'],
  };
  const infoLabels: Record<(typeof LOCALES)[number], string[]> = {
    en: [
      'What is a pre-order?',
      'What is a backorder?',
      'Why does part of my order ship later?',
      'Why is this sold out?',
      'What does coming soon mean?',
    ],
    de: [
      'Was ist eine Vorbestellung?',
      'Was bedeutet Nachlieferung?',
      'Warum wird ein Teil später geliefert?',
      'Warum ist der Artikel ausverkauft?',
      'Was bedeutet „demnächst erhältlich“?',
    ],
    fr: [
      'Qu’est-ce qu’une précommande\u202f?',
      'Qu’est-ce qu’une commande en réassort\u202f?',
      'Pourquoi une partie est-elle expédiée plus tard\u202f?',
      'Pourquoi cet article est-il épuisé\u202f?',
      `Que signifie «${NBSP}bientôt disponible${NBSP}»\u202f?`,
    ],
    es: [
      '¿Qué es una reserva?',
      '¿Qué es un encargo?',
      '¿Por qué parte del pedido se envía más tarde?',
      '¿Por qué está agotado?',
      '¿Qué significa «próximamente»?',
    ],
    ja: [
      '予約注文とは？',
      'お取り寄せとは？',
      '一部が後から発送される理由',
      '売り切れについて',
      '近日発売とは？',
    ],
  };
  const kinds: [
    Partial<Decision>,
    (
      | 'explainPreorder'
      | 'explainBackorder'
      | 'explainMixed'
      | 'explainSoldOut'
      | 'explainComingSoon'
    ),
  ][] = [
    [{ status: 'preorder', orderKind: 'preorder' }, 'explainPreorder'],
    [{ status: 'backorder', orderKind: 'backorder', label: 'backorder' }, 'explainBackorder'],
    [{ status: 'in_stock', orderKind: 'mixed', label: 'addToCart' }, 'explainMixed'],
    [{ status: 'sold_out', orderKind: null, label: 'soldOut' }, 'explainSoldOut'],
    [{ status: 'coming_soon', orderKind: null, label: 'comingSoon' }, 'explainComingSoon'],
  ];

  for (const locale of LOCALES) {
    it(locale, () => {
      const text = describeDecision(moved, { locale });
      expect([text.moved, text.release]).to.deep.equal(expected[locale]);
      for (const [i, [partial, key]] of kinds.entries()) {
        const kindText = describeDecision(decision(partial), { locale });
        expect(kindText.explanation, key).to.equal(CATALOGS[locale]![key]);
        expect(kindText.infoLabel, key).to.equal(infoLabels[locale][i]);
      }
    });
  }

  it('release only for coming-soon and pre-order items', () => {
    const releaseDay = '2027-03-12';
    expect(describeDecision(decision({ releaseDay, status: 'coming_soon' })).release).to.equal(
      'Release date March 12, 2027',
    );
    expect(
      describeDecision(decision({ releaseDay, status: 'sold_out', orderKind: null })).release,
    ).to.equal(null);
    expect(describeDecision(decision({ releaseDay: null })).release).to.equal(null);
  });

  it('moved at month and quarter precision, and days when both fall in one month', () => {
    const at = (ship: Decision['ship'], previousShip: string) =>
      describeDecision(decision({ ship, previousShip }), GB).moved;
    expect(at(onDay('2027-04-15', 'month'), '2027-03-12')).to.equal(
      'Now expected April 2027 (was March 2027)',
    );
    expect(at(onDay('2027-03-20', 'month'), '2027-03-12')).to.equal(
      'Now expected 20 March 2027 (was 12 March 2027)',
    );
    expect(at(onDay('2027-05-15', 'quarter'), '2027-03-12')).to.equal(
      'Now expected Q2 2027 (was Q1 2027)',
    );
    expect(at(onDay('2027-03-19', 'week'), '2027-03-12')).to.equal(
      'Now expected 19 March 2027 (was 12 March 2027)',
    );
    expect(gb(plain(at(inWindow('2027-04-02', '2027-04-09'), '2027-03-12')))).to.equal(
      'Now expected 2 – 9 April 2027 (was 12 March 2027)',
    );
    expect(at({ kind: 'tbc' }, '2027-03-12')).to.equal(null);
    expect(at(onDay('2027-04-02'), '')).to.equal(null);
  });
});

describe('describeDispatch', () => {
  const cases: [number | null, string, { earliest: string; latest: string } | null][] = [
    [130, '2027-03-09', { earliest: '2027-03-11', latest: '2027-03-15' }],
    [45, '2027-03-09', { earliest: '2027-03-29', latest: '2027-04-02' }],
    [120, '2027-03-09', { earliest: '2027-03-11', latest: '2027-03-11' }],
    [null, '2027-03-15', null],
  ];
  const expected: Record<(typeof LOCALES)[number], [string, string | null][]> = {
    en: [
      ['Order within 2 h 10 min to ship today', 'Arrives Thu, March 11 – Mon, March 15'],
      ['Order within 45 min to ship today', 'Arrives Mon, March 29 – Fri, April 2'],
      ['Order within 2 h to ship today', 'Arrives Thu, March 11'],
      ['Ships Mon, March 15', null],
    ],
    de: [
      [
        'Innerhalb von 2 Std. 10 Min. bestellen, Versand noch heute',
        'Lieferung Do., 11. – Mo., 15. März',
      ],
      [
        'Innerhalb von 45 Min. bestellen, Versand noch heute',
        'Lieferung Mo., 29. März – Fr., 2. April',
      ],
      ['Innerhalb von 2 Std. bestellen, Versand noch heute', 'Lieferung Do., 11. März'],
      ['Versand am Mo., 15. März', null],
    ],
    fr: [
      [
        'Commandez dans les 2 h 10 min pour une expédition aujourd’hui',
        'Livraison jeu. 11 – lun. 15 mars',
      ],
      [
        'Commandez dans les 45 min pour une expédition aujourd’hui',
        'Livraison lun. 29 mars – ven. 2 avril',
      ],
      ['Commandez dans les 2 h pour une expédition aujourd’hui', 'Livraison jeu. 11 mars'],
      ['Expédition le lun. 15 mars', null],
    ],
    es: [
      ['Envío hoy si pides en menos de 2 h 10 min', 'Entrega jue, 11 de marzo – lun, 15 de marzo'],
      ['Envío hoy si pides en menos de 45 min', 'Entrega lun, 29 de marzo – vie, 2 de abril'],
      ['Envío hoy si pides en menos de 2 h', 'Entrega jue, 11 de marzo'],
      ['Envío el lun, 15 de marzo', null],
    ],
    ja: [
      ['あと2時間10分以内のご注文で本日発送', '3月11日(木)～3月15日(月)お届け予定'],
      ['あと45分以内のご注文で本日発送', '3月29日(月)～4月2日(金)お届け予定'],
      ['あと2時間以内のご注文で本日発送', '3月11日(木)お届け予定'],
      ['3月15日(月)発送', null],
    ],
  };

  for (const locale of LOCALES) {
    it(locale, () => {
      const actual = cases.map(([minutesLeft, shipDay, arrival]) => {
        const text = describeDispatch({ shipDay, minutesLeft }, '2027-03-09', arrival, { locale });
        return [plain(text.dispatch), plain(text.arrival)];
      });
      expect(actual).to.deep.equal(expected[locale]);
    });
  }

  it('hours and minutes at the edges', () => {
    const within = (minutesLeft: number) =>
      describeDispatch({ shipDay: '2027-03-09', minutesLeft }, '2027-03-09', null, GB).dispatch;
    expect(within(1)).to.equal('Order within 1 min to ship today');
    expect(within(59)).to.equal('Order within 59 min to ship today');
    expect(within(60)).to.equal('Order within 1 h to ship today');
    expect(within(61)).to.equal('Order within 1 h 1 min to ship today');
    expect(within(23 * 60 + 59)).to.equal('Order within 23 h 59 min to ship today');
    expect(within(0.2)).to.equal('Order within 1 min to ship today');
  });

  it('never promises "today" for another day', () => {
    const text = describeDispatch(
      { shipDay: '2027-03-10', minutesLeft: 30 },
      '2027-03-09',
      null,
      GB,
    );
    expect(gb(text.dispatch)).to.equal('Ships Wed 10 March');
  });

  it('orders a reversed arrival window', () => {
    const text = describeDispatch(
      { shipDay: '2027-03-09', minutesLeft: null },
      '2027-03-09',
      { earliest: '2027-03-15', latest: '2027-03-11' },
      GB,
    );
    expect(gb(plain(text.arrival))).to.equal('Arrives Thu 11 March – Mon 15 March');
  });
});
