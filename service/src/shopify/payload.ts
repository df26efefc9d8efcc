/**
 * A Shopify order webhook's body (the REST Admin API's Order resource, as
 * the orders/create and orders/cancelled topics send it) read into the
 * service's order: the id, the line items with their SKUs and properties,
 * the customer. Only what the service uses is read; everything else in
 * Shopify's payload is left alone.
 */
import type { OrderInput } from '../rules/orders.js';
import type { OrderLineInput, Shown } from '../rules/plan.js';
import { RuleError } from '../rules/errors.js';

/** The line-item properties `<order-button>` writes (its `field-name` and `date-field-name`). */
export const ORDER_TYPE_PROPERTY = '_order_type';
export const EXPECTED_DATE_PROPERTY = '_expected_date';

const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const ORDER_GID = /^gid:\/\/shopify\/Order\/(\d{1,20})$/;

const invalid = (field: string, expected: string) =>
  new RuleError(400, 'invalid_input', `${field}: expected ${expected}`, {
    field,
    expected,
    in: 'body',
  });

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The order id as a string. Shopify's ids are 64-bit: a JSON number past
 * 2^53 loses digits when parsed, so the exact id is read from the string
 * `admin_graphql_api_id` (gid://shopify/Order/<id>) when it is there.
 */
export function shopifyOrderId(body: unknown): string {
  if (!isObject(body)) throw invalid('(body)', 'a Shopify order object');
  const gid =
    typeof body.admin_graphql_api_id === 'string'
      ? ORDER_GID.exec(body.admin_graphql_api_id)
      : null;
  if (gid) return gid[1] as string;
  if (typeof body.id === 'number' && Number.isSafeInteger(body.id) && body.id > 0)
    return String(body.id);
  if (typeof body.id === 'string' && /^\d{1,20}$/.test(body.id)) return body.id;
  throw invalid('id', 'the Shopify order id (a positive integer, or admin_graphql_api_id)');
}

/** `_order_type` and `_expected_date` of a line item's properties ([{ name, value }]), if any. */
function shownOf(properties: unknown, at: string): Shown | undefined {
  if (properties === undefined || properties === null) return undefined;
  if (!Array.isArray(properties)) throw invalid(`${at}.properties`, 'an array of { name, value }');
  const value = (name: string) => {
    const found = properties.find((p) => isObject(p) && p.name === name) as Json | undefined;
    return typeof found?.value === 'string' && found.value !== '' ? found.value.slice(0, 64) : null;
  };
  const shown = {
    orderType: value(ORDER_TYPE_PROPERTY),
    expectedDate: value(EXPECTED_DATE_PROPERTY),
  };
  return shown.orderType === null && shown.expectedDate === null ? undefined : shown;
}

/** The line items that name a SKU, in order; items without one (gift cards, tips) are left out. */
function lineItems(body: Json): OrderLineInput[] {
  if (!Array.isArray(body.line_items)) throw invalid('line_items', 'an array of line items');
  const lines: OrderLineInput[] = [];
  body.line_items.forEach((item: unknown, i) => {
    const at = `line_items[${i}]`;
    if (!isObject(item)) throw invalid(at, 'a line item object');
    if (item.sku === null || item.sku === undefined || item.sku === '') return;
    if (typeof item.sku !== 'string' || item.sku.length > 128)
      throw invalid(`${at}.sku`, 'a string of at most 128 characters');
    const { quantity } = item;
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0)
      throw invalid(`${at}.quantity`, 'a whole number of units');
    if (quantity === 0) return; // a removed line (order edits leave them at 0)
    const shown = shownOf(item.properties, at);
    lines.push({ sku: item.sku, quantity, ...(shown ? { shown } : {}) });
  });
  return lines;
}

/** The Shopify order as the service's order (its lines not yet filtered to managed SKUs). */
export function shopifyOrder(body: unknown): OrderInput {
  const id = shopifyOrderId(body);
  const order = body as Json;
  const customer = isObject(order.customer) ? order.customer : {};
  const email = [customer.email, order.email, order.contact_email].find(
    (value): value is string =>
      typeof value === 'string' && EMAIL.test(value) && value.length <= 320,
  );
  const locale =
    typeof order.customer_locale === 'string' && LOCALE.test(order.customer_locale)
      ? order.customer_locale
      : undefined;
  const created = typeof order.created_at === 'string' ? Date.parse(order.created_at) : NaN;
  return {
    id,
    ...(Number.isNaN(created) ? {} : { placedAt: new Date(created).toISOString() }),
    customer: { ...(email ? { email } : {}), ...(locale ? { locale } : {}) },
    lines: lineItems(order),
  };
}
