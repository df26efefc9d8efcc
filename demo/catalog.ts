/**
 * The demo shop: one product with four variants (the product page) and a
 * collection of twelve products (the cards). Records are raw JSON as the
 * endpoint serves them, dated relative to `now` so the demo never goes stale.
 */
import type { AvailabilityRecord } from '../src/engine/types.js';
import { dayFrom, type RawRecord } from './scenarios.js';

export type Drawing =
  | 'lamp'
  | 'throw'
  | 'desk'
  | 'mugs'
  | 'floor-lamp'
  | 'side-table'
  | 'vase'
  | 'rug'
  | 'chair'
  | 'shelf'
  | 'cushion'
  | 'clock';

export interface Variant {
  sku: string;
  /** The finish, as the variant picker names it. */
  name: string;
  /** Shade colour in the drawing. */
  colour: string;
  price: number;
  /**
   * What a typical theme believes from its own inventory count: with nothing
   * on hand it says "Sold out", even for a pre-order. The element corrects it.
   */
  themeAvailable: boolean;
}

export interface CardProduct {
  sku: string;
  name: string;
  price: number;
  drawing: Drawing;
  colour: string;
}

export const PRODUCT = {
  title: 'Halden table lamp',
  description:
    'Hand-turned ash base, linen shade, warm 2700 K bulb included. Each finish is made in small runs by our workshop in Porto.',
};

export const VARIANTS: Variant[] = [
  { sku: 'LAMP-OAT', name: 'Oat', colour: '#d9c4a0', price: 129, themeAvailable: true },
  { sku: 'LAMP-MOSS', name: 'Moss', colour: '#6d7d4b', price: 149, themeAvailable: false },
  { sku: 'LAMP-RUST', name: 'Rust', colour: '#a4532b', price: 129, themeAvailable: false },
  { sku: 'LAMP-INK', name: 'Ink', colour: '#2b3440', price: 139, themeAvailable: false },
];

export const CARDS: CardProduct[] = [
  { sku: 'LAMP-OAT', name: 'Halden table lamp', price: 129, drawing: 'lamp', colour: '#d9c4a0' },
  { sku: 'THROW-FJORD', name: 'Fjord wool throw', price: 89, drawing: 'throw', colour: '#47708f' },
  { sku: 'DESK-SABLE', name: 'Sable writing desk', price: 649, drawing: 'desk', colour: '#6b4a35' },
  { sku: 'MUG-KILN-4', name: 'Kiln mugs, set of 4', price: 48, drawing: 'mugs', colour: '#c7674a' },
  {
    sku: 'LAMP-ATLAS',
    name: 'Atlas floor lamp',
    price: 289,
    drawing: 'floor-lamp',
    colour: '#e0b64a',
  },
  {
    sku: 'TABLE-DRIFT',
    name: 'Drift side table',
    price: 179,
    drawing: 'side-table',
    colour: '#9c8466',
  },
  { sku: 'VASE-PILLAR', name: 'Pillar vase', price: 39, drawing: 'vase', colour: '#7fa39b' },
  // A comma inside a SKU: batched requests encode it (%2C), so it stays one SKU.
  {
    sku: 'RUG-LOOM-160,230',
    name: 'Loom rug 160×230',
    price: 420,
    drawing: 'rug',
    colour: '#b5523b',
  },
  { sku: 'CHAIR-ARC', name: 'Arc lounge chair', price: 890, drawing: 'chair', colour: '#3f5e4a' },
  { sku: 'SHELF-STRATA', name: 'Strata shelf', price: 229, drawing: 'shelf', colour: '#8a6f55' },
  { sku: 'CUSHION-DUNE', name: 'Dune cushion', price: 35, drawing: 'cushion', colour: '#d2a86e' },
  { sku: 'CLOCK-ORBIT', name: 'Orbit wall clock', price: 75, drawing: 'clock', colour: '#2f3b52' },
];

const valid = (record: AvailabilityRecord): RawRecord => ({ ...record });

/** Every catalog record for the clock reading `now` (epoch ms). */
export function buildCatalog(now: number): RawRecord[] {
  const day = (days: number) => dayFrom(now, days);
  return [
    // The product page's variants.
    valid({
      sku: 'LAMP-OAT',
      onHand: 14,
      lowStockThreshold: 5,
      allowBackorder: true,
      incoming: [{ quantity: 40, date: day(30) }],
    }),
    valid({
      sku: 'LAMP-MOSS',
      releaseDate: day(40),
      incoming: [{ quantity: 200, date: day(38) }],
      reserved: 191,
      cap: 'incoming',
      payment: { mode: 'deposit', depositPercent: 20, price: 149 },
    }),
    valid({
      sku: 'LAMP-RUST',
      onHand: 0,
      allowBackorder: true,
      reserved: 10,
      incoming: [
        { quantity: 24, date: day(14) },
        { quantity: 60, date: day(42) },
      ],
      cap: 'incoming',
    }),
    valid({ sku: 'LAMP-INK', onHand: 0 }),
    // The collection.
    valid({
      sku: 'THROW-FJORD',
      releaseDate: day(25),
      incoming: [{ quantity: 300, date: day(24) }],
      reserved: 40,
      cap: 'incoming',
    }),
    valid({
      sku: 'DESK-SABLE',
      onHand: 0,
      allowBackorder: true,
      incoming: [{ quantity: 12, date: day(20) }],
      reserved: 3,
      cap: 'incoming',
    }),
    valid({ sku: 'MUG-KILN-4', onHand: 3, lowStockThreshold: 5 }),
    valid({ sku: 'LAMP-ATLAS', releaseDate: day(90), allowPreorder: false }),
    valid({ sku: 'TABLE-DRIFT', onHand: 0 }),
    valid({ sku: 'VASE-PILLAR', onHand: 60, lowStockThreshold: 5 }),
    valid({ sku: 'RUG-LOOM-160,230', status: 'discontinued', onHand: 0 }),
    valid({
      sku: 'CHAIR-ARC',
      releaseDate: day(60),
      incoming: [{ quantity: 80, date: day(58) }],
      reserved: 74,
      cap: 'incoming',
      payment: { mode: 'on_ship' },
    }),
    valid({ sku: 'SHELF-STRATA', onHand: 25, lowStockThreshold: 3 }),
    valid({
      sku: 'CUSHION-DUNE',
      onHand: 0,
      allowBackorder: true,
      incoming: [{ quantity: 100, date: day(10) }],
    }),
    valid({ sku: 'CLOCK-ORBIT', onHand: 2, lowStockThreshold: 3 }),
  ];
}
