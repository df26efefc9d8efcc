/**
 * What a customer notice says of an order line and its product, read once
 * for the delay email (target.ts) and the cancel page (routes-cancel.ts):
 * one query, and one rule for the product's name.
 */
import type { Db } from '../storage/db.js';

/** The name a notice gives the product: its title when it has one, else its SKU. */
export function productName(settings: string, sku: string): string {
  const title = (JSON.parse(settings) as { title?: unknown }).title;
  return typeof title === 'string' && title ? title : sku;
}

/** The line with its order's customer and its product's name; undefined when there is none. */
export async function readLineNotice(db: Db, orderId: string, line: number) {
  const row = await db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .innerJoin('products', 'products.sku', 'order_lines.sku')
    .select([
      'order_lines.seq',
      'order_lines.status',
      'order_lines.quantity',
      'order_lines.sku',
      'order_lines.promise_precision',
      'orders.customer_email',
      'orders.customer_locale',
      'products.settings',
    ])
    .where('order_lines.order_id', '=', orderId)
    .where('order_lines.line', '=', line)
    .executeTakeFirst();
  if (!row) return undefined;
  const { settings, ...rest } = row;
  return { ...rest, product: productName(settings, row.sku) };
}
