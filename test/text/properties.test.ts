import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decide, validateRecord } from '../../src/engine/index.js';
import {
  CATALOGS,
  describe as describeDecision,
  describeDispatch,
  formatDay,
  formatShipDate,
  translate,
  type TextKey,
} from '../../src/text/index.js';

const KEYS = Object.keys(CATALOGS.en) as TextKey[];
const tag = fc.oneof(
  fc.constantFrom(
    'en',
    'de',
    'fr',
    'es',
    'ja',
    'de-AT',
    'en-GB',
    'pt-BR',
    'ja-JP-u-ca-japanese',
    'x-!!',
    '',
    '__proto__',
  ),
  fc.string(),
);
const day = fc.oneof(
  fc
    .date({
      min: new Date(Date.UTC(1000, 0, 1)),
      max: new Date(Date.UTC(9999, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.string(),
);
const params = fc.dictionary(
  fc.oneof(fc.constantFrom('count', 'date', 'text', '__proto__', 'constructor'), fc.string()),
  fc.oneof(fc.string(), fc.double(), fc.integer()),
);

describe('properties: the text layer never throws and always gives strings', () => {
  it('translate(): any key, template, params, locale and overrides', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...KEYS), fc.string()),
        tag,
        fc.oneof(
          fc.string(),
          fc.constantFrom('{n, plural, one {# x} other {# y}}', '{{{', '}{', '{a}{b, plural,}'),
        ),
        params,
        (key, locale, template, values) => {
          const labels = JSON.parse(JSON.stringify({ [locale]: { [key]: template } })) as never;
          const text = translate(key as TextKey, values, { locale, labels });
          expect(text).to.be.a('string');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('formatDay() and formatShipDate(): any day, any locale', () => {
    fc.assert(
      fc.property(
        day,
        day,
        tag,
        fc.constantFrom('day', 'week', 'month', 'quarter'),
        (a, b, locale, precision) => {
          expect(formatDay(a, { locale })).to.be.a('string');
          expect(formatShipDate({ kind: 'day', day: a, precision }, { locale })).to.be.a('string');
          expect(
            formatShipDate({ kind: 'window', earliest: a, latest: b, precision }, { locale }),
          ).to.be.a('string');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('describe(): every decision the engine makes from any record', () => {
    const record = fc.record(
      {
        sku: fc.constant('SKU'),
        status: fc.constantFrom(
          'in_stock',
          'preorder',
          'backorder',
          'sold_out',
          'coming_soon',
          'discontinued',
          'bogus',
        ),
        onHand: fc.oneof(fc.nat(20), fc.integer()),
        releaseDate: fc.constantFrom('2027-02-01', '2027-03-12', '2027-03-12T09:00:00Z', 'soon'),
        incoming: fc.array(
          fc.record({
            quantity: fc.nat(50),
            date: fc.constantFrom('2027-03-12', '2027-04-02', '2026-12-01'),
          }),
          { maxLength: 3 },
        ),
        reserved: fc.nat(60),
        cap: fc.oneof(fc.nat(60), fc.constant('incoming'), fc.constant(null)),
        allowPreorder: fc.boolean(),
        allowBackorder: fc.boolean(),
        expectedDate: fc.oneof(
          fc.constantFrom('2027-03-20', '2027-01-01'),
          fc.record({
            earliest: fc.constant('2027-03-10'),
            latest: fc.constantFrom('2027-03-20', '2027-05-01'),
          }),
        ),
        datePrecision: fc.constantFrom('day', 'week', 'month', 'quarter'),
        previousExpectedDate: fc.constantFrom('2027-03-12', '2027-02-20'),
        maxPerOrder: fc.nat(5),
        lowStockThreshold: fc.nat(10),
        payment: fc.record(
          {
            mode: fc.constantFrom('full', 'deposit', 'on_ship'),
            depositPercent: fc.double({ min: 0, max: 100, noNaN: true }),
            depositAmount: fc.double({ min: 0, max: 1e6, noNaN: true }),
            price: fc.double({ min: 0, max: 1e6, noNaN: true }),
          },
          { requiredKeys: ['mode'] },
        ),
        message: fc.string(),
      },
      { requiredKeys: ['sku'] },
    );
    fc.assert(
      fc.property(
        record,
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        tag,
        fc.constantFrom('USD', 'EUR', 'JPY', 'xx', ''),
        (input, quantity, notify, locale, currency) => {
          const valid = validateRecord(input).record;
          if (!valid) return;
          const d = decide(valid, {
            now: Date.UTC(2027, 2, 1, 12),
            timeZone: 'UTC',
            quantity,
            notify,
          });
          const text = describeDecision(d, { locale, currency });
          expect(text.label).to.be.a('string').and.not.equal('');
          expect(text.messages).to.have.length(d.messages.length);
          for (const message of text.messages) expect(message).to.be.a('string');
          expect(text.ship === null).to.equal(d.ship.kind === 'none');
          expect(text.explanation === null).to.equal(text.infoLabel === null);
          if (d.previousShip) expect(text.moved).to.be.a('string');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('describeDispatch(): any minutes and days', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 2000 }), fc.double()),
        day,
        day,
        fc.option(fc.record({ earliest: day, latest: day })),
        tag,
        (minutesLeft, shipDay, today, arrival, locale) => {
          const text = describeDispatch({ shipDay, minutesLeft }, today, arrival, { locale });
          expect(text.dispatch).to.be.a('string');
          expect(text.arrival === null).to.equal(arrival === null);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
