/**
 * Expected dates (first come first served; the worked
 * example), the pre-order release floor, past dates, and the mixed
 * in-stock/backorder split.
 */
import { expect } from '@open-wc/testing';
import {
  queueShipDay,
  type DatePrecision,
  type ShipDate,
  type Split,
} from '../../src/engine/index.js';
import {
  decisionTable,
  KIRITIMATI,
  LA,
  PAGO_PAGO,
  run,
  TODAY,
  WORKED_LOTS,
  type DecisionCase,
} from './helpers.js';

const day = (d: string, precision: DatePrecision = 'day'): ShipDate => ({
  kind: 'day',
  day: d,
  precision,
});
const WORKED = { allowBackorder: true, reserved: 180, incoming: WORKED_LOTS };

describe('the worked example (180 reserved; 200 on 12 March, 500 on 2 April)', () => {
  const cases: DecisionCase[] = [];
  for (const [timeZone, zoneName] of [
    [undefined, 'Berlin'],
    [LA, 'Los Angeles'],
  ] as const) {
    const options = timeZone ? { timeZone } : {};
    cases.push(
      {
        name: `${zoneName}: an order of 1 (position 181) ships 12 March`,
        record: WORKED,
        options: { ...options, quantity: 1 },
        expect: { status: 'backorder', orderable: true, ship: day('2027-03-12') },
      },
      {
        name: `${zoneName}: an order of 20 (positions 181-200) ships 12 March`,
        record: WORKED,
        options: { ...options, quantity: 20 },
        expect: { ship: day('2027-03-12') },
      },
      {
        name: `${zoneName}: an order of 21 (last position 201) ships 2 April`,
        record: WORKED,
        options: { ...options, quantity: 21 },
        expect: { ship: day('2027-04-02') },
      },
      {
        name: `${zoneName}: an order of 30 ships 2 April`,
        record: WORKED,
        options: { ...options, quantity: 30 },
        expect: { ship: day('2027-04-02') },
      },
    );
  }
  decisionTable([
    ...cases,
    {
      name: 'an order of 520 (last position 700, the last unit of April) ships 2 April',
      record: WORKED,
      options: { quantity: 520 },
      expect: { ship: day('2027-04-02'), orderable: true },
    },
    {
      name: 'an order of 521 reaches past every lot: orderable (no cap), date to be confirmed',
      record: WORKED,
      options: { quantity: 521 },
      expect: { ship: { kind: 'tbc' }, orderable: true },
      warnings: [],
    },
    {
      name: 'with cap "incoming" (700), an order of 521 is refused; the 520 that fit ship 2 April',
      record: { ...WORKED, cap: 'incoming' },
      options: { quantity: 521 },
      expect: { orderable: false, maxQuantity: 520, ship: day('2027-04-02') },
      messages: ['onlyAvailableToBackorder'],
    },
    {
      name: 'lots given out of order are walked in date order: an order of 1 ships 12 March',
      record: { ...WORKED, incoming: [...WORKED_LOTS].reverse() },
      expect: { ship: day('2027-03-12') },
    },
    {
      name: 'lots out of order: an order of 21 ships 2 April',
      record: { ...WORKED, incoming: [...WORKED_LOTS].reverse() },
      options: { quantity: 21 },
      expect: { ship: day('2027-04-02') },
    },
    {
      name: 'no queue yet (reserved absent): 200 units ship 12 March, 201 on 2 April',
      record: { allowBackorder: true, incoming: WORKED_LOTS },
      options: { quantity: 201 },
      expect: { ship: day('2027-04-02') },
    },
    {
      name: 'lots as instants (09:00Z): the day in Berlin is 12 March',
      record: {
        ...WORKED,
        incoming: [
          { quantity: 200, date: '2027-03-12T09:00:00Z' },
          { quantity: 500, date: '2027-04-02T09:00:00Z' },
        ],
      },
      expect: { ship: day('2027-03-12') },
    },
    {
      name: 'lots as instants (09:00Z): the day in Pago Pago (UTC-11) is 11 March',
      record: {
        ...WORKED,
        incoming: [
          { quantity: 200, date: '2027-03-12T09:00:00Z' },
          { quantity: 500, date: '2027-04-02T09:00:00Z' },
        ],
      },
      options: { timeZone: PAGO_PAGO },
      expect: { ship: day('2027-03-11') },
    },
    {
      name: 'a lot at 2027-03-11T23:30Z is 12 March in Kiritimati',
      record: { ...WORKED, incoming: [{ quantity: 200, date: '2027-03-11T23:30:00Z' }] },
      options: { timeZone: KIRITIMATI },
      expect: { ship: day('2027-03-12') },
    },
    {
      name: 'a date-only lot stays 12 March in Kiritimati',
      record: WORKED,
      options: { timeZone: KIRITIMATI },
      expect: { ship: day('2027-03-12') },
    },
    {
      name: 'a date-only lot stays 12 March in Pago Pago',
      record: WORKED,
      options: { timeZone: PAGO_PAGO },
      expect: { ship: day('2027-03-12') },
    },
    {
      name: 'an explicit expectedDate wins over the lots (order of 1)',
      record: { ...WORKED, expectedDate: '2027-05-01' },
      expect: { ship: day('2027-05-01') },
    },
    {
      name: 'an explicit expectedDate wins even past every lot (order of 600)',
      record: { ...WORKED, expectedDate: '2027-05-01' },
      options: { quantity: 600 },
      expect: { ship: day('2027-05-01') },
    },
    {
      name: 'an explicit window wins over the lots',
      record: { ...WORKED, expectedDate: { earliest: '2027-03-10', latest: '2027-03-20' } },
      options: { quantity: 30 },
      expect: {
        ship: { kind: 'window', earliest: '2027-03-10', latest: '2027-03-20', precision: 'day' },
      },
    },
    {
      name: 'datePrecision "month" is carried on a computed day',
      record: { ...WORKED, datePrecision: 'month' },
      expect: { ship: day('2027-03-12', 'month') },
    },
    {
      name: 'datePrecision "quarter" is carried on an explicit window',
      record: {
        ...WORKED,
        datePrecision: 'quarter',
        expectedDate: { earliest: '2027-04-01', latest: '2027-06-30' },
      },
      expect: {
        ship: {
          kind: 'window',
          earliest: '2027-04-01',
          latest: '2027-06-30',
          precision: 'quarter',
        },
      },
    },
    {
      name: 'datePrecision "week" is carried on an explicit day',
      record: { ...WORKED, datePrecision: 'week', expectedDate: '2027-05-01' },
      expect: { ship: day('2027-05-01', 'week') },
    },
  ]);
});

describe('pre-orders never ship before their release day', () => {
  decisionTable([
    {
      name: 'no lots, no date: ships on the release day',
      record: { releaseDate: '2027-03-20' },
      expect: { ship: day('2027-03-20'), releaseDay: '2027-03-20' },
    },
    {
      name: 'a lot arriving before release (12 March, release 20 March): ships 20 March',
      record: { ...WORKED, releaseDate: '2027-03-20' },
      expect: { status: 'preorder', ship: day('2027-03-20') },
    },
    {
      name: 'a lot arriving after release (2 April, release 20 March): ships 2 April',
      record: { ...WORKED, releaseDate: '2027-03-20' },
      options: { quantity: 21 },
      expect: { ship: day('2027-04-02') },
    },
    {
      name: 'past every lot: to be confirmed, though the release day is known',
      record: { ...WORKED, releaseDate: '2027-03-20' },
      options: { quantity: 600 },
      expect: { ship: { kind: 'tbc' }, releaseDay: '2027-03-20' },
    },
    {
      name: 'an explicit expectedDate before the release day is lifted to the release day',
      record: { releaseDate: '2027-03-20', expectedDate: '2027-02-01' },
      expect: { ship: day('2027-03-20') },
      warnings: ['before the release day'],
    },
    {
      name: 'an explicit window opening before release opens on the release day',
      record: {
        releaseDate: '2027-03-20',
        expectedDate: { earliest: '2027-03-01', latest: '2027-03-31' },
      },
      expect: {
        ship: { kind: 'window', earliest: '2027-03-20', latest: '2027-03-31', precision: 'day' },
      },
    },
    {
      name: 'an explicit window wholly before release collapses onto the release day',
      record: {
        releaseDate: '2027-03-20',
        expectedDate: { earliest: '2027-03-01', latest: '2027-03-05' },
      },
      expect: {
        ship: { kind: 'window', earliest: '2027-03-20', latest: '2027-03-20', precision: 'day' },
      },
    },
    {
      name: 'an explicit expectedDate after release stands as given',
      record: { releaseDate: '2027-03-20', expectedDate: '2027-04-15' },
      expect: { ship: day('2027-04-15') },
      warnings: [],
    },
    {
      name: 'a release instant sets the floor at its store-zone day (Kiritimati: 13 March)',
      record: { releaseDate: '2027-03-12T12:00:00Z', incoming: WORKED_LOTS },
      options: { timeZone: KIRITIMATI },
      expect: { releaseDay: '2027-03-13', ship: day('2027-03-13') },
    },
    {
      name: 'a lot that arrived early (dated in the past) for a future release: ships on release',
      record: { releaseDate: '2027-03-20', incoming: [{ quantity: 50, date: '2026-11-01' }] },
      expect: { ship: day('2027-03-20') },
      warnings: [],
    },
  ]);
});

describe('dates already gone are never promised', () => {
  decisionTable([
    {
      name: 'an explicit expectedDate in the past: to be confirmed, with a warning',
      record: { allowBackorder: true, expectedDate: '2026-11-01' },
      expect: { status: 'backorder', ship: { kind: 'tbc' } },
      warnings: ['in the past'],
    },
    {
      name: 'an explicit expectedDate of today is still a promise',
      record: { allowBackorder: true, expectedDate: TODAY },
      expect: { ship: day(TODAY) },
      warnings: [],
    },
    {
      name: 'a window that closed yesterday: to be confirmed, with a warning',
      record: {
        allowBackorder: true,
        expectedDate: { earliest: '2026-11-01', latest: '2026-11-25' },
      },
      expect: { ship: { kind: 'tbc' } },
      warnings: ['in the past'],
    },
    {
      name: 'a window still open (opened 1 Nov, closes 30 Nov) stands',
      record: {
        allowBackorder: true,
        expectedDate: { earliest: '2026-11-01', latest: '2026-11-30' },
      },
      expect: {
        ship: { kind: 'window', earliest: '2026-11-01', latest: '2026-11-30', precision: 'day' },
      },
    },
    {
      name: 'the covering lot is dated in the past: to be confirmed, with a warning',
      record: { allowBackorder: true, incoming: [{ quantity: 10, date: '2026-11-01' }] },
      expect: { status: 'backorder', ship: { kind: 'tbc' } },
      warnings: ['overdue'],
    },
    {
      name: 'a lot dated today covers the order: ships today',
      record: { allowBackorder: true, incoming: [{ quantity: 10, date: TODAY }] },
      expect: { ship: day(TODAY) },
    },
    {
      name: 'an overdue lot ahead in the queue delays an order covered by a later lot too',
      record: {
        allowBackorder: true,
        reserved: 5,
        incoming: [
          { quantity: 10, date: '2026-11-01' },
          { quantity: 10, date: '2026-12-20' },
        ],
      },
      options: { quantity: 10 },
      expect: { ship: { kind: 'tbc' } },
      warnings: ['overdue'],
    },
    {
      name: 'an instant (25 Nov 20:00Z) is a past day in Berlin at 26 Nov 10:00Z: to be confirmed',
      record: { allowBackorder: true, expectedDate: '2026-11-25T20:00:00Z' },
      options: { now: Date.UTC(2026, 10, 26, 10, 0) },
      expect: { ship: { kind: 'tbc' } },
      warnings: ['in the past'],
    },
    {
      name: 'the same instant and moment in Pago Pago (both still the 25th there): promised',
      record: { allowBackorder: true, expectedDate: '2026-11-25T20:00:00Z' },
      options: { timeZone: PAGO_PAGO, now: Date.UTC(2026, 10, 26, 10, 0) },
      expect: { ship: day('2026-11-25') },
      warnings: [],
    },
  ]);
});

describe('mixed orders: part from stock, the rest backordered (s.4)', () => {
  const split = (now: number, later: number, ship: ShipDate): Split => ({ now, later, ship });
  const mixed = { onHand: 2, allowBackorder: true, reserved: 180, incoming: WORKED_LOTS };
  decisionTable([
    {
      name: 'an order of 2 with 2 on hand ships now, no split',
      record: mixed,
      options: { quantity: 2 },
      expect: { orderKind: 'in_stock', ship: { kind: 'now' }, split: null },
      messages: [],
    },
    {
      name: '"2 ship now, 3 ship by 12 March": the 3 take queue positions 181-183',
      record: mixed,
      options: { quantity: 5 },
      expect: {
        status: 'in_stock',
        orderKind: 'mixed',
        orderable: true,
        ship: day('2027-03-12'),
        split: split(2, 3, day('2027-03-12')),
      },
      messages: ['splitShipment'],
    },
    {
      name: '2 now and 20 backordered (last position 200) ship by 12 March',
      record: mixed,
      options: { quantity: 22 },
      expect: { split: split(2, 20, day('2027-03-12')) },
    },
    {
      name: '2 now and 21 backordered (last position 201) ship by 2 April',
      record: mixed,
      options: { quantity: 23 },
      expect: { split: split(2, 21, day('2027-04-02')), ship: day('2027-04-02') },
    },
    {
      name: 'the split is limited by the backorder cap: 2 + 520 of cap "incoming" fit',
      record: { ...mixed, cap: 'incoming' },
      options: { quantity: 522 },
      expect: { orderable: true, maxQuantity: 522, orderKind: 'mixed' },
    },
    {
      name: 'past the backorder cap (2 + 521): not orderable, "Only 522 available"',
      record: { ...mixed, cap: 'incoming' },
      options: { quantity: 523 },
      expect: { orderable: false, orderKind: null, split: null, ship: { kind: 'none' } },
      messages: ['onlyAvailable'],
    },
    {
      name: 'backorder cap reached: only the 2 on hand can be ordered',
      record: { ...mixed, cap: 180 },
      options: { quantity: 3 },
      expect: { orderable: false, maxQuantity: 2 },
      messages: ['onlyAvailable'],
    },
    {
      name: 'more than on hand, backorders off: not orderable, "Only 2 available"',
      record: { onHand: 2 },
      options: { quantity: 3 },
      expect: { status: 'in_stock', orderable: false, orderKind: null, maxQuantity: 2 },
      messages: ['onlyAvailable'],
    },
    {
      name: 'backorders on but no supply and no date: the rest cannot queue, "Only 2 available"',
      record: { onHand: 2, allowBackorder: true },
      options: { quantity: 3 },
      expect: { orderable: false, maxQuantity: 2, split: null },
      messages: ['onlyAvailable'],
    },
    {
      name: 'backorders on with only an expected date: the rest ships by that date',
      record: { onHand: 2, allowBackorder: true, expectedDate: '2027-01-20' },
      options: { quantity: 3 },
      expect: { orderKind: 'mixed', split: split(2, 1, day('2027-01-20')) },
    },
    {
      name: 'the split carries payment terms (a queued part is paid as a backorder)',
      record: { ...mixed, payment: { mode: 'full' } },
      options: { quantity: 5 },
      messages: ['splitShipment', 'payInFull'],
      expect: { orderKind: 'mixed' },
    },
    {
      name: 'a split over maxPerOrder is stated but not orderable',
      record: { ...mixed, maxPerOrder: 4 },
      options: { quantity: 5 },
      expect: { orderKind: 'mixed', orderable: false, maxQuantity: 4 },
      messages: ['splitShipment', 'limitPerOrder'],
    },
  ]);

  it('the split message names both parts and the date', () => {
    expect(run(mixed, { quantity: 5 }).messages[0]).to.deep.equal({
      key: 'splitShipment',
      now: 2,
      later: 3,
      ship: day('2027-03-12'),
    });
  });
});

describe('queueShipDay()', () => {
  const table: [string, Parameters<typeof queueShipDay>, string | null][] = [
    ['empty lots: null', [[], 0, 1], null],
    ['position 1 in a lot of 1', [[{ quantity: 1, date: '2027-01-01' }], 0, 1], '2027-01-01'],
    ['position 2 past a lot of 1: null', [[{ quantity: 1, date: '2027-01-01' }], 1, 1], null],
    [
      'zero-quantity lots are skipped',
      [
        [
          { quantity: 0, date: '2027-01-01' },
          { quantity: 5, date: '2027-02-01' },
        ],
        0,
        1,
      ],
      '2027-02-01',
    ],
    [
      'two lots on one day add up',
      [
        [
          { quantity: 3, date: '2027-01-01' },
          { quantity: 3, date: '2027-01-01' },
        ],
        4,
        2,
      ],
      '2027-01-01',
    ],
  ];
  for (const [name, args, expected] of table) {
    it(name, () => expect(queueShipDay(...args)).to.equal(expected));
  }
});
