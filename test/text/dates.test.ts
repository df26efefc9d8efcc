import { expect } from '@open-wc/testing';
import type { ShipDate } from '../../src/engine/index.js';
import { formatDay, formatDayRange, formatShipDate } from '../../src/text/index.js';
import { gb } from '../support/cldr.js';
import { inWindow, LOCALES, NBSP, onDay, plain } from './helpers.js';

describe('formatDay', () => {
  const table: [string, string, string, string][] = [
    // locale, long, month, weekday (2027-03-12 is a Friday)
    ['en', 'March 12, 2027', 'March 2027', 'Fri, March 12'],
    ['en-US', 'March 12, 2027', 'March 2027', 'Fri, March 12'],
    ['en-GB', '12 March 2027', 'March 2027', 'Fri 12 March'],
    ['de', '12. März 2027', 'März 2027', 'Fr., 12. März'],
    ['de-AT', '12. März 2027', 'März 2027', 'Fr., 12. März'],
    ['fr', '12 mars 2027', 'mars 2027', 'ven. 12 mars'],
    ['es', '12 de marzo de 2027', 'marzo de 2027', 'vie, 12 de marzo'],
    ['ja', '2027年3月12日', '2027年3月', '3月12日(金)'],
  ];
  for (const [locale, long, month, weekday] of table) {
    it(`formats 2027-03-12 in ${locale}`, () => {
      expect(formatDay('2027-03-12', { locale })).to.equal(long);
      expect(formatDay('2027-03-12', { locale }, 'long')).to.equal(long);
      expect(formatDay('2027-03-12', { locale }, 'month')).to.equal(month);
      const shown = formatDay('2027-03-12', { locale }, 'weekday');
      expect(locale === 'en-GB' ? gb(shown) : shown).to.equal(weekday);
    });
  }

  it('defaults to English (en = US forms) without a locale', () => {
    expect(formatDay('2027-03-12')).to.equal('March 12, 2027');
  });

  it('uses the regional forms of a full tag (de-AT says Jänner)', () => {
    expect(formatDay('2028-01-05', { locale: 'de-AT' })).to.equal('5. Jänner 2028');
    expect(formatDay('2028-01-05', { locale: 'de-DE' })).to.equal('5. Januar 2028');
  });

  describe('is the same calendar day whatever the time zone', () => {
    // The day is built as UTC midnight and formatted in UTC; these days sit on
    // year, month, leap-day and daylight-saving boundaries where a local-time
    // Date would slip to the day before (west of UTC) or after (east).
    const days: [string, string, string][] = [
      ['2027-01-01', '1 January 2027', 'Fri 1 January'],
      ['2027-12-31', '31 December 2027', 'Fri 31 December'],
      ['2026-12-31', '31 December 2026', 'Thu 31 December'],
      ['2027-02-28', '28 February 2027', 'Sun 28 February'],
      ['2027-03-01', '1 March 2027', 'Mon 1 March'],
      ['2028-02-29', '29 February 2028', 'Tue 29 February'],
      ['2027-03-14', '14 March 2027', 'Sun 14 March'], // US DST starts
      ['2027-03-28', '28 March 2027', 'Sun 28 March'], // EU DST starts
      ['2027-10-31', '31 October 2027', 'Sun 31 October'], // EU DST ends
      ['2027-11-07', '7 November 2027', 'Sun 7 November'], // US DST ends
      ['1999-12-31', '31 December 1999', 'Fri 31 December'],
      ['2100-01-01', '1 January 2100', 'Fri 1 January'],
    ];
    for (const [day, long, weekday] of days) {
      it(day, () => {
        expect(formatDay(day, { locale: 'en-GB' })).to.equal(long);
        expect(gb(formatDay(day, { locale: 'en-GB' }, 'weekday'))).to.equal(weekday);
        // Independent of the browser's zone: the same as formatting the UTC day.
        const [y, m, d] = day.split('-').map(Number);
        const utc = new Date(Date.UTC(y!, m! - 1, d!));
        expect(formatDay(day, { locale: 'en-GB' })).to.equal(
          utc.toLocaleDateString('en-GB', {
            timeZone: 'UTC',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          }),
        );
      });
    }

    it('names the boundary days in every locale', () => {
      const expected: Record<(typeof LOCALES)[number], [string, string]> = {
        en: ['January 1, 2027', 'December 31, 2027'],
        de: ['1. Januar 2027', '31. Dezember 2027'],
        fr: ['1er janvier 2027', '31 décembre 2027'],
        es: ['1 de enero de 2027', '31 de diciembre de 2027'],
        ja: ['2027年1月1日', '2027年12月31日'],
      };
      for (const locale of LOCALES) {
        expect([
          formatDay('2027-01-01', { locale }),
          formatDay('2027-12-31', { locale }),
        ]).to.deep.equal(expected[locale]);
      }
    });
  });

  it('returns anything that is not a real day as it is, never throwing', () => {
    for (const value of [
      '2027-02-30',
      '2027-13-01',
      '2027-00-10',
      '27-03-12',
      '12.03.2027',
      '',
      'garbage',
      '2027-3-1',
    ]) {
      expect(formatDay(value, { locale: 'de' })).to.equal(value);
    }
    expect(formatDay('2027-03-12T10:00:00Z')).to.equal('2027-03-12T10:00:00Z');
    expect(formatDay('0099-06-01', { locale: 'en-GB' })).to.equal('1 June 99');
  });
});

describe('formatDayRange', () => {
  it('formats a range in either order, and a single day when both ends are one', () => {
    expect(gb(plain(formatDayRange('2027-03-10', '2027-03-20', { locale: 'en-GB' })))).to.equal(
      '10 – 20 March 2027',
    );
    expect(gb(plain(formatDayRange('2027-03-20', '2027-03-10', { locale: 'en-GB' })))).to.equal(
      '10 – 20 March 2027',
    );
    expect(formatDayRange('2027-03-10', '2027-03-10', { locale: 'en-GB' })).to.equal(
      '10 March 2027',
    );
    expect(plain(formatDayRange('2027-12-28', '2028-01-04', { locale: 'en-GB' }))).to.equal(
      '28 December 2027 – 4 January 2028',
    );
  });

  it('repeats no year in Japanese, and keeps it across years', () => {
    expect(formatDayRange('2027-03-10', '2027-03-20', { locale: 'ja' })).to.equal(
      '2027年3月10日～3月20日',
    );
    expect(formatDayRange('2027-12-28', '2028-01-04', { locale: 'ja' })).to.equal(
      '2027年12月28日～2028年1月4日',
    );
    expect(formatDayRange('2027-03-05', '2027-03-09', { locale: 'ja' }, 'weekday')).to.equal(
      '3月5日(金)～3月9日(火)',
    );
  });

  it('falls back to the raw days when one is not a real day', () => {
    expect(formatDayRange('2027-03-10', 'soon', { locale: 'de' })).to.equal('2027-03-10 – soon');
  });
});

describe('formatShipDate', () => {
  const forms: [string, ShipDate][] = [
    ['now', { kind: 'now' }],
    ['day', onDay('2027-03-12')],
    ['week (Friday 12 March: the week of Monday 8 March)', onDay('2027-03-12', 'week')],
    ['month', onDay('2027-03-12', 'month')],
    ['quarter 1', onDay('2027-03-12', 'quarter')],
    ['quarter 4', onDay('2027-11-12', 'quarter')],
    ['window within a month', inWindow('2027-03-10', '2027-03-20')],
    ['window across months', inWindow('2027-03-25', '2027-04-05')],
    ['window, month precision', inWindow('2027-03-10', '2027-04-20', 'month')],
    ['window within one month, month precision', inWindow('2027-03-10', '2027-03-20', 'month')],
    ['window, quarter precision', inWindow('2027-02-10', '2027-05-20', 'quarter')],
    [
      'window within one quarter, quarter precision',
      inWindow('2027-01-10', '2027-03-20', 'quarter'),
    ],
    ['window of one day', inWindow('2027-03-12', '2027-03-12')],
    ['window, week precision (its days)', inWindow('2027-03-10', '2027-03-20', 'week')],
    ['tbc', { kind: 'tbc' }],
  ];
  const expected: Record<(typeof LOCALES)[number] | 'en-GB', string[]> = {
    en: [
      'In stock, ready to ship',
      'Expected to ship by March 12, 2027',
      'Expected to ship the week of March 8, 2027',
      'Ships in March 2027',
      'Ships in Q1 2027',
      'Ships in Q4 2027',
      'Ships March 10 – 20, 2027',
      'Ships March 25 – April 5, 2027',
      'Ships March – April 2027',
      'Ships in March 2027',
      'Ships Q1 2027 – Q2 2027',
      'Ships in Q1 2027',
      'Expected to ship by March 12, 2027',
      'Ships March 10 – 20, 2027',
      'Ship date to be confirmed',
    ],
    'en-GB': [
      'In stock, ready to ship',
      'Expected to ship by 12 March 2027',
      'Expected to ship the week of 8 March 2027',
      'Ships in March 2027',
      'Ships in Q1 2027',
      'Ships in Q4 2027',
      'Ships 10 – 20 March 2027',
      'Ships 25 March – 5 April 2027',
      'Ships March – April 2027',
      'Ships in March 2027',
      'Ships Q1 2027 – Q2 2027',
      'Ships in Q1 2027',
      'Expected to ship by 12 March 2027',
      'Ships 10 – 20 March 2027',
      'Ship date to be confirmed',
    ],
    de: [
      'Auf Lager, sofort versandbereit',
      'Versand voraussichtlich bis 12. März 2027',
      'Versand voraussichtlich in der Woche vom 8. März 2027',
      'Versand im März 2027',
      'Versand im 1. Quartal 2027',
      'Versand im 4. Quartal 2027',
      'Versand 10.–20. März 2027',
      'Versand 25. März – 5. April 2027',
      'Versand März–April 2027',
      'Versand im März 2027',
      'Versand 1. Quartal 2027 – 2. Quartal 2027',
      'Versand im 1. Quartal 2027',
      'Versand voraussichtlich bis 12. März 2027',
      'Versand 10.–20. März 2027',
      'Versanddatum wird noch bekannt gegeben',
    ],
    fr: [
      'En stock, prêt à être expédié',
      'Expédition prévue d’ici le 12 mars 2027',
      'Expédition prévue la semaine du 8 mars 2027',
      'Expédition prévue en mars 2027',
      'Expédition prévue au 1er trimestre 2027',
      'Expédition prévue au 4e trimestre 2027',
      `Expédition prévue${NBSP}: 10–20 mars 2027`,
      `Expédition prévue${NBSP}: 25 mars – 5 avril 2027`,
      `Expédition prévue${NBSP}: mars – avril 2027`,
      'Expédition prévue en mars 2027',
      `Expédition prévue${NBSP}: 1er trimestre 2027 – 2e trimestre 2027`,
      'Expédition prévue au 1er trimestre 2027',
      'Expédition prévue d’ici le 12 mars 2027',
      `Expédition prévue${NBSP}: 10–20 mars 2027`,
      'Date d’expédition à confirmer',
    ],
    es: [
      'En stock, listo para enviar',
      'Envío previsto para el 12 de marzo de 2027',
      'Envío previsto la semana del 8 de marzo de 2027',
      'Envío previsto en marzo de 2027',
      'Envío previsto en el primer trimestre de 2027',
      'Envío previsto en el cuarto trimestre de 2027',
      'Envío previsto: 10–20 de marzo de 2027',
      'Envío previsto: 25 de marzo – 5 de abril de 2027',
      'Envío previsto: marzo–abril de 2027',
      'Envío previsto en marzo de 2027',
      'Envío previsto: primer trimestre de 2027 – segundo trimestre de 2027',
      'Envío previsto en el primer trimestre de 2027',
      'Envío previsto para el 12 de marzo de 2027',
      'Envío previsto: 10–20 de marzo de 2027',
      'Fecha de envío por confirmar',
    ],
    ja: [
      '在庫あり・すぐに発送できます',
      '2027年3月12日までに発送予定',
      '2027年3月8日の週に発送予定',
      '2027年3月発送予定',
      '2027年第1四半期発送予定',
      '2027年第4四半期発送予定',
      '2027年3月10日～3月20日発送予定',
      '2027年3月25日～4月5日発送予定',
      '2027年3月～4月発送予定',
      '2027年3月発送予定',
      '2027年第1四半期～2027年第2四半期発送予定',
      '2027年第1四半期発送予定',
      '2027年3月12日までに発送予定',
      '2027年3月10日～3月20日発送予定',
      '発送日は未定です',
    ],
  };

  for (const locale of [...LOCALES, 'en-GB'] as const) {
    it(`states every kind and precision in ${locale}`, () => {
      const actual = forms.map(([, ship]) => plain(formatShipDate(ship, { locale })));
      if (locale === 'en-GB') actual.forEach((text, i) => (actual[i] = gb(text)));
      expect(actual).to.deep.equal(expected[locale]);
    });
  }

  it('has no text for none', () => {
    for (const locale of LOCALES)
      expect(formatShipDate({ kind: 'none' }, { locale })).to.equal(null);
  });

  it('puts the English "Ships in Q" in every quarter, and the French ordinal right', () => {
    const quarters = ['2027-01-01', '2027-04-01', '2027-07-31', '2027-12-31'].map((day) =>
      onDay(day, 'quarter'),
    );
    expect(quarters.map((ship) => formatShipDate(ship))).to.deep.equal([
      'Ships in Q1 2027',
      'Ships in Q2 2027',
      'Ships in Q3 2027',
      'Ships in Q4 2027',
    ]);
    expect(quarters.map((ship) => formatShipDate(ship, { locale: 'fr' }))).to.deep.equal([
      'Expédition prévue au 1er trimestre 2027',
      'Expédition prévue au 2e trimestre 2027',
      'Expédition prévue au 3e trimestre 2027',
      'Expédition prévue au 4e trimestre 2027',
    ]);
    expect(quarters.map((ship) => formatShipDate(ship, { locale: 'es' }))).to.deep.equal([
      'Envío previsto en el primer trimestre de 2027',
      'Envío previsto en el segundo trimestre de 2027',
      'Envío previsto en el tercer trimestre de 2027',
      'Envío previsto en el cuarto trimestre de 2027',
    ]);
  });

  it('starts the week on Monday, across month and year ends', () => {
    const weekOf = (day: string) => formatShipDate(onDay(day, 'week'), { locale: 'en-GB' });
    for (const day of ['2027-03-08', '2027-03-10', '2027-03-14']) {
      expect(weekOf(day)).to.equal('Expected to ship the week of 8 March 2027');
    }
    expect(weekOf('2027-03-15')).to.equal('Expected to ship the week of 15 March 2027');
    expect(weekOf('2027-01-01')).to.equal('Expected to ship the week of 28 December 2026');
    expect(weekOf('2027-04-03')).to.equal('Expected to ship the week of 29 March 2027');
  });

  it('orders a window given the wrong way round', () => {
    expect(
      gb(plain(formatShipDate(inWindow('2027-03-20', '2027-03-10'), { locale: 'en-GB' }))),
    ).to.equal('Ships 10 – 20 March 2027');
  });
});
