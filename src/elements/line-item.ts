/** What a cart line is tagged with: the order kind and the expected ship date. */
import { shipDateValue, type Decision } from '../engine/index.js';
import type { LineItem } from './events.js';

export function lineItemFor(
  decision: Decision | null,
  fallbackSku: string | null,
  quantity: number,
  fields: { kind: string; date: string },
): LineItem {
  const orderType = decision?.orderable ? decision.orderKind : null;
  const expectedDate = decision && orderType ? shipDateValue(decision.ship) : null;
  const properties: Record<string, string> = {};
  if (orderType) properties[fields.kind] = orderType;
  if (expectedDate) properties[fields.date] = expectedDate;
  return { sku: decision?.sku ?? fallbackSku, quantity, orderType, expectedDate, properties };
}
