/** What a cart line is tagged with: the order kind and the expected ship date. */
import type { Decision, ShipDate } from '../engine/index.js';
import type { LineItem } from './events.js';

/** The ship date as a machine value: `2027-03-12`, `2027-03-10/2027-03-20`, or null. */
export function shipDateValue(ship: ShipDate): string | null {
  if (ship.kind === 'day') return ship.day;
  if (ship.kind === 'window') return `${ship.earliest}/${ship.latest}`;
  return null;
}

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
