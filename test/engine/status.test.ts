/**
 * Contract s.4, rules 1-5: status derivation, in several store zones, with
 * labels (and "Notify me") as the button would show them.
 */
import {
  BERLIN,
  decisionTable,
  KIRITIMATI,
  LA,
  PAGO_PAGO,
  TODAY,
  TOMORROW,
  WORKED_LOTS,
} from './helpers.js';

const FUTURE = '2027-03-12';
const PAST = '2026-10-01';
const LOT = [{ quantity: 50, date: '2027-01-15' }];

describe('s.4 rule 1: an explicit status stands', () => {
  decisionTable([
    {
      name: 'explicit in_stock with no count: in stock, Add to cart, ships now',
      record: { status: 'in_stock' },
      expect: { status: 'in_stock', label: 'addToCart', orderable: true, ship: { kind: 'now' } },
    },
    {
      name: 'explicit preorder without a release date or supply: pre-order, date to be confirmed',
      record: { status: 'preorder' },
      expect: { status: 'preorder', label: 'preorder', orderable: true, ship: { kind: 'tbc' } },
    },
    {
      name: 'explicit backorder stands even with units on hand',
      record: { status: 'backorder', onHand: 5 },
      expect: { status: 'backorder', label: 'backorder', orderKind: 'backorder', orderable: true },
    },
    {
      name: 'explicit sold_out stands even with units on hand',
      record: { status: 'sold_out', onHand: 5, allowBackorder: true, incoming: LOT },
      expect: { status: 'sold_out', label: 'soldOut', orderable: false, ship: { kind: 'none' } },
      messages: [],
    },
    {
      name: 'explicit coming_soon stands even with units on hand and a past release',
      record: { status: 'coming_soon', onHand: 5, releaseDate: PAST },
      expect: { status: 'coming_soon', label: 'comingSoon', orderable: false },
    },
    {
      name: 'explicit discontinued stands over stock, supply and backorders',
      record: { status: 'discontinued', onHand: 5, allowBackorder: true, incoming: LOT },
      expect: { status: 'discontinued', label: 'discontinued', orderable: false, orderKind: null },
    },
    {
      name: 'explicit in_stock stands over a future release date',
      record: { status: 'in_stock', onHand: 4, releaseDate: FUTURE },
      expect: { status: 'in_stock', orderKind: 'in_stock', ship: { kind: 'now' } },
    },
    {
      name: 'explicit preorder with its cap reached (100 of 100): sold out, "Pre-orders are full"',
      record: { status: 'preorder', cap: 100, reserved: 100 },
      expect: { status: 'sold_out', label: 'soldOut', orderable: false, remaining: 0 },
      messages: ['preordersFull'],
    },
    {
      name: 'explicit backorder past an "incoming" cap (60 reserved of 50): sold out, "Backorders are full"',
      record: { status: 'backorder', cap: 'incoming', incoming: LOT, reserved: 60 },
      expect: { status: 'sold_out', orderable: false, remaining: 0 },
      messages: ['backordersFull'],
    },
    {
      name: 'explicit preorder with 1 unit of room left stays a pre-order',
      record: { status: 'preorder', cap: 100, reserved: 99 },
      expect: { status: 'preorder', remaining: 1, orderable: true },
      messages: ['onlyLeftToPreorder'],
    },
    {
      name: 'explicit sold_out with a full cap: sold out without a "full" message',
      record: { status: 'sold_out', cap: 10, reserved: 10 },
      expect: { status: 'sold_out' },
      messages: [],
    },
    {
      name: 'explicit coming_soon with cap 0 stays coming soon (caps bind pre-/backorders only)',
      record: { status: 'coming_soon', cap: 0 },
      expect: { status: 'coming_soon', label: 'comingSoon' },
    },
  ]);
});

describe('s.4 rule 2: release date after today', () => {
  decisionTable([
    {
      name: 'release tomorrow: pre-order, release day carried, ships on the release day',
      record: { releaseDate: TOMORROW },
      expect: {
        status: 'preorder',
        label: 'preorder',
        orderKind: 'preorder',
        orderable: true,
        releaseDay: TOMORROW,
        ship: { kind: 'day', day: TOMORROW, precision: 'day' },
      },
    },
    {
      name: 'future release with allowPreorder false: coming soon, not orderable',
      record: { releaseDate: FUTURE, allowPreorder: false },
      expect: { status: 'coming_soon', label: 'comingSoon', orderable: false, orderKind: null },
    },
    {
      name: 'future release beats stock on hand: pre-order, not in stock',
      record: { releaseDate: FUTURE, onHand: 50 },
      expect: { status: 'preorder', orderKind: 'preorder' },
    },
    {
      name: 'future release, cap 500 with 500 reserved: sold out, "Pre-orders are full"',
      record: { releaseDate: FUTURE, cap: 500, reserved: 500 },
      expect: { status: 'sold_out', orderable: false, remaining: 0, ship: { kind: 'none' } },
      messages: ['preordersFull'],
    },
    {
      name: 'future release, reserved (600) beyond the cap (500): sold out, remaining 0 not -100',
      record: { releaseDate: FUTURE, cap: 500, reserved: 600 },
      expect: { status: 'sold_out', remaining: 0 },
      messages: ['preordersFull'],
    },
    {
      name: 'future release, cap "incoming" with no supply at all: cap 0, sold out',
      record: { releaseDate: FUTURE, cap: 'incoming' },
      expect: { status: 'sold_out', remaining: 0 },
      messages: ['preordersFull'],
    },
    {
      name: 'future release, cap "incoming" = 200 with 150 reserved: pre-order, 50 remaining',
      record: {
        releaseDate: FUTURE,
        cap: 'incoming',
        reserved: 150,
        incoming: [{ quantity: 200, date: FUTURE }],
      },
      expect: { status: 'preorder', remaining: 50, maxQuantity: 50 },
    },
    {
      name: 'future release, cap null: unlimited pre-order',
      record: { releaseDate: FUTURE, cap: null, reserved: 1_000_000 },
      expect: { status: 'preorder', remaining: null, maxQuantity: null, orderable: true },
      messages: [],
    },
    {
      name: 'future release, no cap field: unlimited pre-order',
      record: { releaseDate: FUTURE, reserved: 5 },
      expect: { status: 'preorder', remaining: null },
    },
    {
      name: 'allowPreorder false wins over a reached cap: coming soon, not sold out',
      record: { releaseDate: FUTURE, allowPreorder: false, cap: 0 },
      expect: { status: 'coming_soon' },
      messages: [],
    },
    {
      name: 'allowPreorder true (the default, stated) with a future release: pre-order',
      record: { releaseDate: FUTURE, allowPreorder: true },
      expect: { status: 'preorder' },
    },
  ]);
});

describe('s.4 rule 2 edges: released today or before, instants, zones', () => {
  decisionTable([
    {
      name: 'release date today with stock: released, in stock, no release day',
      record: { releaseDate: TODAY, onHand: 5 },
      expect: { status: 'in_stock', releaseDay: null },
    },
    {
      name: 'release date in the past, nothing on hand, no backorders: sold out',
      record: { releaseDate: PAST, onHand: 0 },
      expect: { status: 'sold_out', releaseDay: null },
    },
    {
      name: 'release date today, nothing on hand, backorders with supply: backorder',
      record: { releaseDate: TODAY, onHand: 0, allowBackorder: true, incoming: LOT },
      expect: { status: 'backorder' },
    },
    {
      name: 'date-only release 27 Nov in Kiritimati (already the 27th there): released, in stock',
      record: { releaseDate: TOMORROW, onHand: 3 },
      options: { timeZone: KIRITIMATI },
      expect: { status: 'in_stock', releaseDay: null },
    },
    {
      name: 'date-only release 27 Nov in Pago Pago (still the 26th): pre-order',
      record: { releaseDate: TOMORROW, onHand: 3 },
      options: { timeZone: PAGO_PAGO },
      expect: { status: 'preorder', releaseDay: TOMORROW },
    },
    {
      name: 'date-only release 27 Nov in Los Angeles (still the 26th): pre-order',
      record: { releaseDate: TOMORROW, onHand: 3 },
      options: { timeZone: LA },
      expect: { status: 'preorder', releaseDay: TOMORROW },
    },
    {
      name: 'release instant one hour ahead (16:00Z) in Berlin: pre-order, ships today (its day)',
      record: { releaseDate: '2026-11-26T16:00:00Z', onHand: 3 },
      expect: {
        status: 'preorder',
        releaseDay: TODAY,
        ship: { kind: 'day', day: TODAY, precision: 'day' },
      },
    },
    {
      name: 'release instant 16:00Z is 06:00 on the 27th in Kiritimati: release day the 27th',
      record: { releaseDate: '2026-11-26T16:00:00Z', onHand: 3 },
      options: { timeZone: KIRITIMATI },
      expect: { status: 'preorder', releaseDay: TOMORROW },
    },
    {
      name: 'release instant 16:00Z is 05:00 on the 26th in Pago Pago: release day the 26th',
      record: { releaseDate: '2026-11-26T16:00:00Z', onHand: 3 },
      options: { timeZone: PAGO_PAGO },
      expect: { status: 'preorder', releaseDay: TODAY },
    },
    {
      name: 'release instant one minute ago (14:59Z): released in every zone, in stock',
      record: { releaseDate: '2026-11-26T14:59:00Z', onHand: 3 },
      options: { timeZone: PAGO_PAGO },
      expect: { status: 'in_stock', releaseDay: null },
    },
    {
      name: 'release 2027-03-12T09:00:00Z at 08:59Z that day: still a pre-order in Berlin',
      record: { releaseDate: '2027-03-12T09:00:00Z', onHand: 3 },
      options: { now: Date.UTC(2027, 2, 12, 8, 59) },
      expect: { status: 'preorder', releaseDay: '2027-03-12' },
    },
    {
      name: 'release 2027-03-12T09:00:00Z at exactly 09:00Z: released, in stock',
      record: { releaseDate: '2027-03-12T09:00:00Z', onHand: 3 },
      options: { now: Date.UTC(2027, 2, 12, 9, 0) },
      expect: { status: 'in_stock' },
    },
    {
      name: 'release 2027-03-12T10:00:00+01:00 (normalised to 09:00Z) at 08:59Z: pre-order',
      record: { releaseDate: '2027-03-12T10:00:00+01:00', onHand: 3 },
      options: { now: Date.UTC(2027, 2, 12, 8, 59) },
      expect: { status: 'preorder' },
    },
    {
      name: 'date-only release 2027-03-12 at 08:59Z in Berlin (the 12th): released',
      record: { releaseDate: '2027-03-12', onHand: 3 },
      options: { now: Date.UTC(2027, 2, 12, 8, 59) },
      expect: { status: 'in_stock' },
    },
    {
      name: 'date-only release 2027-03-12 at 08:59Z in Pago Pago (still the 11th): pre-order',
      record: { releaseDate: '2027-03-12', onHand: 3 },
      options: { now: Date.UTC(2027, 2, 12, 8, 59), timeZone: PAGO_PAGO },
      expect: { status: 'preorder', releaseDay: '2027-03-12' },
    },
    {
      name: 'date-only release 2026-11-27 at 02:00Z on the 27th: Berlin released, LA not yet',
      record: { releaseDate: TOMORROW, onHand: 3 },
      options: { now: Date.UTC(2026, 10, 27, 2, 0), timeZone: LA },
      expect: { status: 'preorder' },
    },
    {
      name: 'same record and moment in Berlin (03:00 on the 27th): released',
      record: { releaseDate: TOMORROW, onHand: 3 },
      options: { now: Date.UTC(2026, 10, 27, 2, 0), timeZone: BERLIN },
      expect: { status: 'in_stock' },
    },
  ]);
});

describe('s.4 rules 3-5: released items', () => {
  decisionTable([
    {
      name: 'rule 3: one unit on hand: in stock, Add to cart',
      record: { onHand: 1 },
      expect: { status: 'in_stock', label: 'addToCart', orderKind: 'in_stock', orderable: true },
      messages: [],
    },
    {
      name: 'rule 5: a bare record (sku only): sold out',
      record: {},
      expect: { status: 'sold_out', label: 'soldOut', orderable: false, ship: { kind: 'none' } },
    },
    {
      name: 'rule 4: 0 on hand, backorders, a supply lot: backorder, ships with the lot',
      record: { onHand: 0, allowBackorder: true, incoming: LOT },
      expect: {
        status: 'backorder',
        label: 'backorder',
        orderKind: 'backorder',
        orderable: true,
        ship: { kind: 'day', day: '2027-01-15', precision: 'day' },
      },
    },
    {
      name: 'rule 4: 0 on hand, backorders, only an expected date: backorder on that date',
      record: { onHand: 0, allowBackorder: true, expectedDate: '2027-01-20' },
      expect: { status: 'backorder', ship: { kind: 'day', day: '2027-01-20', precision: 'day' } },
    },
    {
      name: 'rule 4: 0 on hand, backorders, only an expected window: backorder in that window',
      record: {
        allowBackorder: true,
        expectedDate: { earliest: '2027-01-10', latest: '2027-01-20' },
      },
      expect: {
        status: 'backorder',
        ship: { kind: 'window', earliest: '2027-01-10', latest: '2027-01-20', precision: 'day' },
      },
    },
    {
      name: 'rule 5: backorders allowed but no supply and no date: sold out, no "full" message',
      record: { onHand: 0, allowBackorder: true },
      expect: { status: 'sold_out', orderable: false },
      messages: [],
    },
    {
      name: 'rule 5: backorders allowed, only empty lots (quantity 0): sold out',
      record: { allowBackorder: true, incoming: [{ quantity: 0, date: '2027-01-15' }] },
      expect: { status: 'sold_out' },
    },
    {
      name: 'rule 5: allowBackorder false with supply on the way: sold out',
      record: { onHand: 0, allowBackorder: false, incoming: LOT },
      expect: { status: 'sold_out' },
    },
    {
      name: 'rule 5: allowBackorder absent (default false) with supply on the way: sold out',
      record: { onHand: 0, incoming: LOT, expectedDate: '2027-01-20' },
      expect: { status: 'sold_out' },
    },
    {
      name: 'rule 4 cap: backorders, cap 10 with 10 reserved: sold out, "Backorders are full"',
      record: { allowBackorder: true, incoming: LOT, cap: 10, reserved: 10 },
      expect: { status: 'sold_out', remaining: 0, orderable: false },
      messages: ['backordersFull'],
    },
    {
      name: 'rule 4 cap: cap "incoming" (700) fully reserved: sold out, "Backorders are full"',
      record: { allowBackorder: true, incoming: WORKED_LOTS, cap: 'incoming', reserved: 700 },
      expect: { status: 'sold_out', remaining: 0 },
      messages: ['backordersFull'],
    },
    {
      name: 'rule 4 cap: cap 0: sold out',
      record: { allowBackorder: true, incoming: LOT, cap: 0 },
      expect: { status: 'sold_out', remaining: 0 },
      messages: ['backordersFull'],
    },
    {
      name: 'rule 4 cap: cap null: unlimited backorder',
      record: { allowBackorder: true, incoming: LOT, cap: null, reserved: 9999 },
      expect: { status: 'backorder', remaining: null },
    },
    {
      name: 'rule 4 cap: 7 of cap 10 left: backorder with "Only 7 left to backorder"',
      record: { allowBackorder: true, incoming: LOT, cap: 10, reserved: 3 },
      expect: { status: 'backorder', remaining: 7, maxQuantity: 7 },
      messages: ['onlyLeftToBackorder'],
    },
  ]);
});

describe('labels: "Notify me" only for sold-out and coming-soon items', () => {
  const notify = { notify: true };
  decisionTable([
    {
      name: 'sold out with notify: Notify me',
      record: {},
      options: notify,
      expect: { status: 'sold_out', label: 'notifyMe' },
    },
    {
      name: 'coming soon with notify: Notify me',
      record: { releaseDate: FUTURE, allowPreorder: false },
      options: notify,
      expect: { status: 'coming_soon', label: 'notifyMe' },
    },
    {
      name: 'cap reached (sold out) with notify: Notify me',
      record: { releaseDate: FUTURE, cap: 0 },
      options: notify,
      expect: { status: 'sold_out', label: 'notifyMe' },
    },
    {
      name: 'pre-order with notify: still Pre-order',
      record: { releaseDate: FUTURE },
      options: notify,
      expect: { label: 'preorder' },
    },
    {
      name: 'backorder with notify: still Backorder',
      record: { allowBackorder: true, incoming: LOT },
      options: notify,
      expect: { label: 'backorder' },
    },
    {
      name: 'in stock with notify: still Add to cart',
      record: { onHand: 2 },
      options: notify,
      expect: { label: 'addToCart' },
    },
    {
      name: 'discontinued with notify: still No longer available',
      record: { status: 'discontinued' },
      options: notify,
      expect: { label: 'discontinued' },
    },
    {
      name: 'sold out with notify false: Sold out',
      record: {},
      options: { notify: false },
      expect: { label: 'soldOut' },
    },
  ]);
});
