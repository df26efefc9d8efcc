/**
 * The demo catalog as the availability service holds it: the same records the
 * mock serves (catalog.ts), turned into what a merchant would enter: products,
 * purchase orders for their incoming lots, and shoppers' orders for their
 * reserved units. demo/server.mjs loads this through Vite and seeds a fresh
 * embedded database with it, so both demos tell the same story and neither
 * goes stale (every date is relative to `now`).
 */
import { CARDS, PRODUCT, VARIANTS, buildCatalog } from './catalog.js';
import type { RawRecord } from './scenarios.js';

/** The record fields that are a product's own settings (service.md s.2, PUT /admin/products). */
export const PRODUCT_FIELDS = [
  'status',
  'releaseDate',
  'onHand',
  'cap',
  'allowPreorder',
  'allowBackorder',
  'datePrecision',
  'maxPerOrder',
  'lowStockThreshold',
  'payment',
  'message',
] as const;

/** The SKUs the service holds: the product page's variants and the collection. */
export const SERVICE_SKUS: readonly string[] = [
  ...new Set([...VARIANTS.map((v) => v.sku), ...CARDS.map((c) => c.sku)]),
];

export interface ServiceSeed {
  products: Record<string, unknown>[];
  purchaseOrders: { id: string; sku: string; quantity: number; expectedDate: string }[];
  orders: {
    id: string;
    customer: { email: string; locale: string };
    lines: { sku: string; quantity: number }[];
  }[];
}

const LOCALES = ['en', 'de', 'fr', 'es', 'ja'];
/** Order sizes, in turn, so a queue holds several shoppers with different quantities. */
const SIZES = [2, 1, 3, 1, 4, 1, 2, 5];

function titleOf(sku: string): string {
  const variant = VARIANTS.find((v) => v.sku === sku);
  if (variant) return `${PRODUCT.title}, ${variant.name}`;
  return CARDS.find((c) => c.sku === sku)?.name ?? sku;
}

/** Splits `units` into orders of the SIZES pattern. */
function ordersFor(sku: string, units: number, seed: ServiceSeed): void {
  let left = units;
  for (let i = 0; left > 0; i++) {
    const quantity = Math.min(left, SIZES[i % SIZES.length] ?? 1);
    const n = seed.orders.length + 1;
    seed.orders.push({
      id: `DEMO-${String(n).padStart(4, '0')}`,
      customer: { email: `shopper${n}@example.com`, locale: LOCALES[n % LOCALES.length] ?? 'en' },
      lines: [{ sku, quantity }],
    });
    left -= quantity;
  }
}

export function buildServiceSeed(now: number): ServiceSeed {
  const seed: ServiceSeed = { products: [], purchaseOrders: [], orders: [] };
  const records = new Map(buildCatalog(now).map((record) => [record.sku, record]));
  for (const sku of SERVICE_SKUS) {
    const record: RawRecord | undefined = records.get(sku);
    if (!record) continue;
    const product: Record<string, unknown> = { sku, title: titleOf(sku) };
    for (const field of PRODUCT_FIELDS) {
      if (record[field] !== undefined) product[field] = record[field];
    }
    seed.products.push(product);
    const lots = Array.isArray(record.incoming) ? (record.incoming as unknown[]) : [];
    lots.forEach((lot, i) => {
      const { quantity, date } = lot as { quantity: number; date: string };
      // Ids allow [A-Za-z0-9._:~-] only (a SKU may hold a comma).
      const id = `PO-${sku.replace(/[^A-Za-z0-9._:~-]/g, '-')}-${i + 1}`;
      seed.purchaseOrders.push({ id, sku, quantity, expectedDate: date });
    });
    if (typeof record.reserved === 'number') ordersFor(sku, record.reserved, seed);
  }
  return seed;
}
