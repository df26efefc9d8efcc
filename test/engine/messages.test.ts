/**
 * Capacity and quantity limits, their messages, payment terms, the moved
 * date, and decide()'s options.
 */
import { expect } from '@open-wc/testing';
import {
  capUnits,
  DEFAULT_CAP_THRESHOLD,
  incomingTotal,
  paymentMessage,
  remainingCapacity,
  type Message,
  type PaymentTerms,
} from '../../src/engine/index.js';
import { decisionTable, LA, PAGO_PAGO, record, run, WORKED_LOTS } from './helpers.js';

const FUTURE = '2027-03-12';
const LOT = [{ quantity: 50, date: '2027-01-15' }];
const PRE = { releaseDate: FUTURE };
const BACK = { allowBackorder: true, incoming: LOT };

describe('capacity: cap, reserved and what remains', () => {
  const table: [string, Record<string, unknown>, number | null, number | null][] = [
    ['cap 100, reserved 40: 60 remain', { cap: 100, reserved: 40 }, 100, 60],
    ['cap 100, nothing reserved: 100 remain', { cap: 100 }, 100, 100],
    [
      'cap "incoming" of 200 + 500, reserved 180: 520 remain',
      { cap: 'incoming', reserved: 180, incoming: WORKED_LOTS },
      700,
      520,
    ],
    ['cap "incoming" with no lots: 0', { cap: 'incoming' }, 0, 0],
    ['reserved beyond the cap: 0, never negative', { cap: 10, reserved: 25 }, 10, 0],
    ['cap null: unlimited', { cap: null, reserved: 25 }, null, null],
    ['no cap: unlimited', { reserved: 25 }, null, null],
    ['cap 0: nothing remains', { cap: 0 }, 0, 0],
  ];
  for (const [name, raw, cap, remaining] of table) {
    it(name, () => {
      const clean = record(raw);
      expect(capUnits(clean)).to.equal(cap);
      expect(remainingCapacity(clean)).to.equal(remaining);
    });
  }

  it('incomingTotal adds every lot', () => {
    expect(incomingTotal(record({ incoming: WORKED_LOTS }))).to.equal(700);
    expect(incomingTotal(record({}))).to.equal(0);
  });
});

describe('cap and quantity messages', () => {
  it(`DEFAULT_CAP_THRESHOLD is 10`, () => expect(DEFAULT_CAP_THRESHOLD).to.equal(10));

  decisionTable([
    {
      name: 'pre-order with 10 left (the default threshold): "Only 10 left to pre-order"',
      record: { ...PRE, cap: 100, reserved: 90 },
      expect: { remaining: 10, orderable: true },
      messages: ['onlyLeftToPreorder'],
    },
    {
      name: 'pre-order with 11 left: no count shown',
      record: { ...PRE, cap: 100, reserved: 89 },
      expect: { remaining: 11 },
      messages: [],
    },
    {
      name: 'pre-order with 15 left and lowStockThreshold 20: "Only 15 left to pre-order"',
      record: { ...PRE, cap: 100, reserved: 85, lowStockThreshold: 20 },
      messages: ['onlyLeftToPreorder'],
      expect: {},
    },
    {
      name: 'pre-order with 1 left and lowStockThreshold 0: no count shown',
      record: { ...PRE, cap: 100, reserved: 99, lowStockThreshold: 0 },
      messages: [],
      expect: { remaining: 1 },
    },
    {
      name: 'backorder with 4 left: "Only 4 left to backorder"',
      record: { ...BACK, cap: 4 },
      messages: ['onlyLeftToBackorder'],
      expect: { remaining: 4 },
    },
    {
      name: 'pre-order of 5 with 3 left: "Only 3 available to pre-order", not orderable',
      record: { ...PRE, cap: 100, reserved: 97 },
      options: { quantity: 5 },
      expect: { orderable: false, maxQuantity: 3, orderKind: 'preorder', status: 'preorder' },
      messages: ['onlyAvailableToPreorder'],
    },
    {
      name: 'pre-order of exactly the 3 left: orderable, "Only 3 left to pre-order"',
      record: { ...PRE, cap: 100, reserved: 97 },
      options: { quantity: 3 },
      expect: { orderable: true },
      messages: ['onlyLeftToPreorder'],
    },
    {
      name: 'backorder of 8 with 4 left: "Only 4 available to backorder"',
      record: { ...BACK, cap: 4 },
      options: { quantity: 8 },
      expect: { orderable: false, maxQuantity: 4 },
      messages: ['onlyAvailableToBackorder'],
    },
    {
      name: 'maxPerOrder 2, order of 2: orderable, "Limit 2 per order"',
      record: { ...PRE, maxPerOrder: 2 },
      options: { quantity: 2 },
      expect: { orderable: true, maxQuantity: 2 },
      messages: ['limitPerOrder'],
    },
    {
      name: 'maxPerOrder 2, order of 3: not orderable, "Limit 2 per order"',
      record: { ...PRE, maxPerOrder: 2 },
      options: { quantity: 3 },
      expect: { orderable: false, maxQuantity: 2 },
      messages: ['limitPerOrder'],
    },
    {
      name: 'maxQuantity is the smaller of maxPerOrder (5) and the room left (3)',
      record: { ...PRE, maxPerOrder: 5, cap: 3 },
      expect: { maxQuantity: 3 },
      messages: ['onlyLeftToPreorder', 'limitPerOrder'],
    },
    {
      name: 'in stock, maxPerOrder 2, order of 3 of 10: not orderable, "Limit 2 per order"',
      record: { onHand: 10, maxPerOrder: 2 },
      options: { quantity: 3 },
      expect: { orderable: false, maxQuantity: 2, orderKind: 'in_stock' },
      messages: ['limitPerOrder'],
    },
    {
      name: 'in stock, 3 on hand, lowStockThreshold 5: "Only 3 left"',
      record: { onHand: 3, lowStockThreshold: 5 },
      expect: { orderable: true, maxQuantity: 3 },
      messages: ['onlyLeft'],
    },
    {
      name: 'in stock at the threshold (5 of 5): "Only 5 left"',
      record: { onHand: 5, lowStockThreshold: 5 },
      messages: ['onlyLeft'],
      expect: {},
    },
    {
      name: 'in stock above the threshold (6 of 5): no count',
      record: { onHand: 6, lowStockThreshold: 5 },
      messages: [],
      expect: {},
    },
    {
      name: 'in stock with no threshold: stock counts stay private',
      record: { onHand: 1 },
      messages: [],
      expect: { maxQuantity: 1 },
    },
    {
      name: 'sold out: no quantity limit is stated (maxQuantity null), nothing orderable',
      record: { maxPerOrder: 2 },
      expect: { orderable: false, maxQuantity: null, orderKind: null },
      messages: [],
    },
    {
      name: 'a merchant message comes last, as plain text',
      record: { ...PRE, cap: 5, maxPerOrder: 1, message: '<b>Signed</b> copies' },
      expect: {},
      messages: ['onlyLeftToPreorder', 'limitPerOrder', 'merchantMessage'],
    },
  ]);

  it('the counts are the numbers the shopper sees', () => {
    const messages = run(
      { ...PRE, cap: 100, reserved: 97, maxPerOrder: 2 },
      { quantity: 5 },
    ).messages;
    expect(messages).to.deep.equal([
      { key: 'onlyAvailableToPreorder', count: 3 },
      { key: 'limitPerOrder', count: 2 },
    ]);
    expect(run({ onHand: 3, lowStockThreshold: 5 }).messages).to.deep.equal([
      { key: 'onlyLeft', count: 3 },
    ]);
    expect(run({ onHand: 2 }, { quantity: 3 }).messages).to.deep.equal([
      { key: 'onlyAvailable', count: 2 },
    ]);
    expect(run({ message: '<b>Signed</b>' }).messages).to.deep.equal([
      { key: 'merchantMessage', text: '<b>Signed</b>' },
    ]);
  });
});

describe('payment terms', () => {
  const terms: [string, PaymentTerms, Message | null][] = [
    ['full: pay in full', { mode: 'full' }, { key: 'payInFull' }],
    ['on_ship: pay when it ships', { mode: 'on_ship' }, { key: 'payOnShip' }],
    [
      'deposit 20%: a percent',
      { mode: 'deposit', depositPercent: 20 },
      { key: 'payDepositPercent', percent: 20 },
    ],
    [
      'deposit 20% of 49.99: an amount, to the cent',
      { mode: 'deposit', depositPercent: 20, price: 49.99 },
      { key: 'payDepositAmount', amount: 10 },
    ],
    [
      'deposit 15% of 33.33: 5.00 rounded from 4.9995',
      { mode: 'deposit', depositPercent: 15, price: 33.33 },
      { key: 'payDepositAmount', amount: 5 },
    ],
    [
      'deposit amount 15',
      { mode: 'deposit', depositAmount: 15 },
      { key: 'payDepositAmount', amount: 15 },
    ],
    [
      'deposit amount 80 on a price of 50: capped at 50',
      { mode: 'deposit', depositAmount: 80, price: 50 },
      { key: 'payDepositAmount', amount: 50 },
    ],
    [
      'deposit amount and percent: the amount wins',
      { mode: 'deposit', depositAmount: 10, depositPercent: 50, price: 100 },
      { key: 'payDepositAmount', amount: 10 },
    ],
    [
      'deposit with neither amount nor percent: "a deposit"',
      { mode: 'deposit' },
      { key: 'payDeposit' },
    ],
    [
      'deposit fields on mode full are ignored',
      { mode: 'full', depositPercent: 20 },
      { key: 'payInFull' },
    ],
  ];
  for (const [name, payment, expected] of terms) {
    it(name, () => expect(paymentMessage(payment)).to.deep.equal(expected));
  }
  it('no terms: no message', () => expect(paymentMessage(undefined)).to.equal(null));
  it('a huge deposit amount stays finite (no Infinity from rounding to cents)', () => {
    expect(paymentMessage({ mode: 'deposit', depositAmount: 1.7e306 })).to.deep.equal({
      key: 'payDepositAmount',
      amount: 1.7e306,
    });
  });
  it('a percent of a huge price stays finite', () => {
    const message = paymentMessage({ mode: 'deposit', depositPercent: 50, price: 1.7e308 });
    expect(message).to.deep.equal({ key: 'payDepositAmount', amount: 0.85e308 });
  });

  const deposit = { payment: { mode: 'deposit', depositPercent: 20 } };
  decisionTable([
    {
      name: 'shown for a pre-order',
      record: { ...PRE, ...deposit },
      expect: {},
      messages: ['payDepositPercent'],
    },
    {
      name: 'shown for a backorder',
      record: { ...BACK, ...deposit },
      expect: {},
      messages: ['payDepositPercent'],
    },
    {
      name: 'not shown for an in-stock order',
      record: { onHand: 5, ...deposit },
      expect: {},
      messages: [],
    },
    {
      name: 'not shown when sold out',
      record: { ...deposit },
      expect: { status: 'sold_out' },
      messages: [],
    },
    {
      name: 'not shown when coming soon',
      record: { ...PRE, allowPreorder: false, ...deposit },
      expect: { status: 'coming_soon' },
      messages: [],
    },
    {
      name: 'shown for a pre-order over its cap (terms of what could be ordered)',
      record: { ...PRE, cap: 1, ...deposit },
      options: { quantity: 2 },
      expect: { orderable: false },
      messages: ['onlyAvailableToPreorder', 'payDepositPercent'],
    },
  ]);
});

describe('the moved date (previousShip) and the release day', () => {
  const WORKED = { allowBackorder: true, reserved: 180, incoming: WORKED_LOTS };
  decisionTable([
    {
      name: 'promised 12 March, now 2 April: previousShip 12 March',
      record: { ...WORKED, previousExpectedDate: '2027-03-12' },
      options: { quantity: 30 },
      expect: { previousShip: '2027-03-12' },
    },
    {
      name: 'month precision, 3 March to 20 March: the month shown did not move, no previousShip',
      record: {
        status: 'preorder',
        expectedDate: '2027-03-20',
        datePrecision: 'month',
        previousExpectedDate: '2027-03-03',
      },
      expect: { previousShip: null },
    },
    {
      name: 'month precision, March to April: previousShip',
      record: {
        status: 'preorder',
        expectedDate: '2027-04-02',
        datePrecision: 'month',
        previousExpectedDate: '2027-03-30',
      },
      expect: { previousShip: '2027-03-30' },
    },
    {
      name: 'quarter precision, February to March (both Q1): no previousShip',
      record: {
        status: 'preorder',
        expectedDate: '2027-03-20',
        datePrecision: 'quarter',
        previousExpectedDate: '2027-02-01',
      },
      expect: { previousShip: null },
    },
    {
      name: 'week precision, Tuesday to Friday of the same week: no previousShip',
      record: {
        status: 'preorder',
        expectedDate: '2027-03-12',
        datePrecision: 'week',
        previousExpectedDate: '2027-03-09',
      },
      expect: { previousShip: null },
    },
    {
      name: 'week precision, Friday to the next Monday: previousShip',
      record: {
        status: 'preorder',
        expectedDate: '2027-03-15',
        datePrecision: 'week',
        previousExpectedDate: '2027-03-12',
      },
      expect: { previousShip: '2027-03-12' },
    },
    {
      name: 'promised 12 March and still 12 March: no previousShip',
      record: { ...WORKED, previousExpectedDate: '2027-03-12' },
      expect: { previousShip: null },
    },
    {
      name: 'a previous date with nothing promised now (to be confirmed): no previousShip',
      record: { ...WORKED, previousExpectedDate: '2027-03-12' },
      options: { quantity: 600 },
      expect: { previousShip: null, ship: { kind: 'tbc' } },
    },
    {
      name: 'a previous date for an in-stock order (ships now): no previousShip',
      record: { onHand: 3, previousExpectedDate: '2027-03-12' },
      expect: { previousShip: null },
    },
    {
      name: 'a previous date on a sold-out item: no previousShip',
      record: { previousExpectedDate: '2027-03-12' },
      expect: { previousShip: null },
    },
    {
      name: 'a window is compared by its first day',
      record: {
        ...BACK,
        previousExpectedDate: '2027-03-01',
        expectedDate: { earliest: '2027-03-10', latest: '2027-03-20' },
      },
      expect: { previousShip: '2027-03-01' },
    },
    {
      name: 'a window opening on the previous day: not moved',
      record: {
        ...BACK,
        previousExpectedDate: '2027-03-10',
        expectedDate: { earliest: '2027-03-10', latest: '2027-03-20' },
      },
      expect: { previousShip: null },
    },
    {
      name: 'a previous instant is read in the store zone (09:00Z = 11 March in Pago Pago)',
      record: { ...WORKED, previousExpectedDate: '2027-03-12T09:00:00Z' },
      options: { timeZone: PAGO_PAGO },
      expect: {
        previousShip: '2027-03-11',
        ship: { kind: 'day', day: '2027-03-12', precision: 'day' },
      },
    },
    {
      name: 'the same previous instant in Berlin is 12 March: not moved',
      record: { ...WORKED, previousExpectedDate: '2027-03-12T09:00:00Z' },
      expect: { previousShip: null },
    },
    {
      name: 'releaseDay is set for an unreleased product',
      record: { ...PRE },
      expect: { releaseDay: FUTURE },
    },
    {
      name: 'releaseDay is set for coming soon too',
      record: { ...PRE, allowPreorder: false },
      expect: { releaseDay: FUTURE },
    },
    {
      name: 'releaseDay is null once released',
      record: { releaseDate: '2026-01-01', onHand: 1 },
      expect: { releaseDay: null },
    },
    {
      name: 'releaseDay is null without a release date',
      record: { onHand: 1 },
      expect: { releaseDay: null },
    },
  ]);
});

describe('decide() options', () => {
  decisionTable([
    {
      name: 'quantity defaults to 1',
      record: { onHand: 1 },
      expect: { quantity: 1, orderable: true },
    },
    {
      name: 'quantity 0 is read as 1',
      record: { onHand: 1 },
      options: { quantity: 0 },
      expect: { quantity: 1 },
    },
    {
      name: 'a negative quantity is read as 1',
      record: { onHand: 1 },
      options: { quantity: -4 },
      expect: { quantity: 1 },
    },
    {
      name: 'a fractional quantity (2.5) is read as 1',
      record: { onHand: 1 },
      options: { quantity: 2.5 },
      expect: { quantity: 1 },
    },
    {
      name: 'NaN quantity is read as 1',
      record: { onHand: 1 },
      options: { quantity: Number.NaN },
      expect: { quantity: 1 },
    },
    {
      name: 'an unknown time zone: warned, and the runtime zone used',
      record: { onHand: 1 },
      options: { timeZone: 'Mars/Olympus_Mons' },
      expect: { status: 'in_stock' },
      warnings: ['unknown time zone'],
    },
    {
      name: 'an empty time zone name is unknown too',
      record: { onHand: 1 },
      options: { timeZone: '' },
      expect: { status: 'in_stock' },
      warnings: ['unknown time zone'],
    },
    {
      name: 'a known zone gives no warning',
      record: { onHand: 1 },
      options: { timeZone: LA },
      expect: {},
      warnings: [],
    },
  ]);

  it('the sku is carried', () => expect(run({ sku: 'ABC-9' }).sku).to.equal('ABC-9'));
});
