/**
 * Demo scenarios: one availability record per situation the elements handle,
 * in the raw JSON shape an endpoint returns (contract s.3). Every date is
 * relative to `now`, so the demo never goes stale; the same `now` always
 * gives the same records.
 */
import type { AvailabilityRecord } from '../src/engine/types.js';

/** A record as it travels over the wire: JSON, not yet validated. */
export type RawRecord = { sku: string } & Record<string, unknown>;

export interface Scenario {
  id: string;
  title: string;
  description: string;
  record: RawRecord;
}

const DAY_MS = 86_400_000;

/** The UTC calendar day `days` after the one `now` falls on, as `YYYY-MM-DD`. */
export function dayFrom(now: number, days: number): string {
  const today = new Date(now);
  const utcMidnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(utcMidnight + days * DAY_MS).toISOString().slice(0, 10);
}

/** Type-checks a well-formed record against the contract and hands it over as raw JSON. */
const valid = (record: AvailabilityRecord): RawRecord => ({ ...record });

/** Builds every scenario for the clock reading `now` (epoch ms). */
export function buildScenarios(now: number): Scenario[] {
  const day = (days: number) => dayFrom(now, days);
  return [
    {
      id: 'in-stock',
      title: 'In stock',
      description: 'Plenty on hand: a plain "Add to cart", no messages.',
      record: valid({ sku: 'DEMO-IN-STOCK', onHand: 48, lowStockThreshold: 5 }),
    },
    {
      id: 'low-stock',
      title: 'Low stock',
      description: '3 on hand with lowStockThreshold 5: "Only 3 left".',
      record: valid({ sku: 'DEMO-LOW-STOCK', onHand: 3, lowStockThreshold: 5 }),
    },
    {
      id: 'preorder',
      title: 'Pre-order with deposit',
      description:
        'Released in 100 days; two production lots; cap "incoming" (the planned supply); 20% deposit today.',
      record: valid({
        sku: 'DEMO-PREORDER',
        releaseDate: day(100),
        incoming: [
          { quantity: 300, date: day(90) },
          { quantity: 200, date: day(130) },
        ],
        reserved: 120,
        cap: 'incoming',
        payment: { mode: 'deposit', depositPercent: 20 },
      }),
    },
    {
      id: 'preorder-nearly-full',
      title: 'Pre-order nearly full',
      description: '493 of 500 planned units already reserved: "Only 7 left to pre-order".',
      record: valid({
        sku: 'DEMO-PREORDER-LAST',
        releaseDate: day(45),
        incoming: [{ quantity: 500, date: day(40) }],
        reserved: 493,
        cap: 'incoming',
      }),
    },
    {
      id: 'preorder-full',
      title: 'Pre-orders full',
      description: 'Cap of 250 reached: shows as sold out, "Pre-orders are full".',
      record: valid({
        sku: 'DEMO-PREORDER-FULL',
        releaseDate: day(45),
        incoming: [{ quantity: 250, date: day(40) }],
        reserved: 250,
        cap: 250,
      }),
    },
    {
      id: 'backorder',
      title: 'Backorder',
      description: 'Out of stock, backorders allowed, a purchase order of 120 arriving in 3 weeks.',
      record: valid({
        sku: 'DEMO-BACKORDER',
        onHand: 0,
        allowBackorder: true,
        incoming: [{ quantity: 120, date: day(21) }],
        reserved: 30,
        cap: 'incoming',
      }),
    },
    {
      id: 'backorder-deposit',
      title: 'Backorder with fixed deposit',
      description: 'A fixed 50.00 deposit on a 329.00 item; the rest is charged when it ships.',
      record: valid({
        sku: 'DEMO-BACKORDER-DEPOSIT',
        onHand: 0,
        allowBackorder: true,
        incoming: [{ quantity: 40, date: day(35) }],
        payment: { mode: 'deposit', depositAmount: 50, price: 329 },
      }),
    },
    {
      id: 'split',
      title: 'Mixed order (split shipment)',
      description:
        '2 on hand, backorders allowed. Quantity 1-2 ships now; set quantity to 5: "2 ship now, 3 ship by ...".',
      record: valid({
        sku: 'DEMO-SPLIT',
        onHand: 2,
        allowBackorder: true,
        incoming: [
          { quantity: 24, date: day(14) },
          { quantity: 60, date: day(42) },
        ],
        reserved: 10,
        cap: 'incoming',
      }),
    },
    {
      id: 'sold-out',
      title: 'Sold out',
      description: 'Nothing on hand, no backorders, no supply planned.',
      record: valid({ sku: 'DEMO-SOLD-OUT', onHand: 0 }),
    },
    {
      id: 'coming-soon',
      title: 'Coming soon',
      description: 'Unreleased and not yet taking pre-orders (allowPreorder false).',
      record: valid({ sku: 'DEMO-COMING-SOON', releaseDate: day(75), allowPreorder: false }),
    },
    {
      id: 'discontinued',
      title: 'Discontinued',
      description: 'An explicit status tag from the order system wins over derived rules.',
      record: valid({ sku: 'DEMO-DISCONTINUED', status: 'discontinued', onHand: 0 }),
    },
    {
      id: 'date-moved',
      title: 'Date moved',
      description: 'The purchase order slipped: the earlier promise is in previousExpectedDate.',
      record: valid({
        sku: 'DEMO-DATE-MOVED',
        onHand: 0,
        allowBackorder: true,
        incoming: [{ quantity: 80, date: day(30) }],
        previousExpectedDate: day(12),
      }),
    },
    {
      id: 'window',
      title: 'Explicit ship window',
      description: 'expectedDate { earliest, latest } wins over the computed date.',
      record: valid({
        sku: 'DEMO-WINDOW',
        releaseDate: day(60),
        incoming: [{ quantity: 400, date: day(55) }],
        expectedDate: { earliest: day(60), latest: day(70) },
        datePrecision: 'day',
      }),
    },
    {
      id: 'month',
      title: 'Month precision',
      description: 'datePrecision "month": "Ships in <month> <year>" rather than a day.',
      record: valid({
        sku: 'DEMO-MONTH',
        releaseDate: day(120),
        incoming: [{ quantity: 1000, date: day(125) }],
        datePrecision: 'month',
      }),
    },
    {
      id: 'quarter',
      title: 'Quarter precision',
      description: 'A far-off explicit date stated only to the quarter.',
      record: valid({
        sku: 'DEMO-QUARTER',
        releaseDate: day(200),
        expectedDate: day(240),
        datePrecision: 'quarter',
      }),
    },
    {
      id: 'limit',
      title: 'Per-order limit',
      description: 'maxPerOrder 2: "Limit 2 per order"; quantity 3 cannot be ordered.',
      record: valid({
        sku: 'DEMO-LIMIT',
        releaseDate: day(30),
        incoming: [{ quantity: 400, date: day(28) }],
        maxPerOrder: 2,
      }),
    },
    {
      id: 'pay-on-ship',
      title: 'Pay when it ships',
      description: 'payment mode "on_ship": nothing is charged until the order ships.',
      record: valid({
        sku: 'DEMO-PAY-ON-SHIP',
        releaseDate: day(50),
        incoming: [{ quantity: 300, date: day(50) }],
        payment: { mode: 'on_ship' },
      }),
    },
    {
      id: 'message',
      title: 'Merchant message',
      description: 'A merchant note is plain text: the markup inside it must show as characters.',
      record: valid({
        sku: 'DEMO-MESSAGE',
        onHand: 0,
        allowBackorder: true,
        incoming: [{ quantity: 15, date: day(25) }],
        message: 'Hand-made to order in our workshop. <img src=x onerror=alert(1)> shows as text.',
      }),
    },
    {
      id: 'queue',
      title: 'The queue (worked example)',
      description:
        '180 units reserved; lots of 200 and 500. Quantity 1 ships from the first lot; quantity 30 waits for the second.',
      record: valid({
        sku: 'DEMO-QUEUE',
        onHand: 0,
        allowBackorder: true,
        incoming: [
          { quantity: 200, date: day(40) },
          { quantity: 500, date: day(61) },
        ],
        reserved: 180,
        cap: 'incoming',
      }),
    },
    {
      id: 'messy',
      title: 'Messy record',
      description:
        'Fields of the wrong type or value are dropped one by one (see the problems); the rest still works.',
      record: {
        sku: 'DEMO-MESSY',
        onHand: '12',
        allowBackorder: true,
        incoming: [
          { quantity: 50, date: day(20) },
          { quantity: 'lots', date: 'soon' },
        ],
        cap: -5,
        datePrecision: 'fortnight',
      },
    },
  ];
}
