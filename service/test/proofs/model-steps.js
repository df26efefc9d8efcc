/**
 * The random steps of the model test: what a merchant and shoppers do to two
 * SKUs (products, purchase orders, orders, Shopify orders, receipts,
 * cancellations), as fast-check arbitraries and the HTTP calls that perform
 * them. Steps may be refused (409, 404; a Shopify order never is): the
 * model does not predict outcomes, it checks after
 * each one that the record and the service agree. A 5xx is always a failure.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { expectStatus, request } from './harness.js';

/** The service under the model runs with this --shopify-secret: Shopify orders are steps too. */
export const SHOPIFY_SECRET = 'model-shopify-secret';
let shopifyOrders = 0;

const FIRST_DAY = Date.UTC(2027, 0, 1);
const DAY_MS = 86_400_000;
/** A day of 2027-2028 (always ahead of the clock), or now and then one gone by (an overdue lot). */
export const dayArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .integer({ min: 0, max: 500 })
      .map((n) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constant('2026-06-01') },
);
const precisionArb = fc.constantFrom('day', 'week', 'month');
const skuArb = fc.integer({ min: 0, max: 1 });
const pickArb = fc.nat({ max: 20 });

export const productArb = fc.record(
  {
    status: fc.constantFrom('preorder', 'backorder', 'sold_out'),
    releaseDate: dayArb,
    onHand: fc.integer({ min: 0, max: 6 }),
    cap: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constant('incoming'), fc.constant(null)),
    allowPreorder: fc.boolean(),
    allowBackorder: fc.boolean(),
    datePrecision: precisionArb,
    maxPerOrder: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: ['onHand', 'cap'] },
);

export const stepArb = fc.oneof(
  fc.record({ type: fc.constant('product'), sku: skuArb, settings: productArb }),
  fc.record(
    {
      type: fc.constant('purchaseOrder'),
      sku: skuArb,
      quantity: fc.integer({ min: 1, max: 20 }),
      expectedDate: dayArb,
      datePrecision: precisionArb,
    },
    { requiredKeys: ['type', 'sku', 'quantity', 'expectedDate'] },
  ),
  fc.record({ type: fc.constant('movePurchaseOrder'), pick: pickArb, expectedDate: dayArb }),
  fc.record({
    type: fc.constant('resizePurchaseOrder'),
    pick: pickArb,
    // A purchase order keeps at least 1 unit (none is a cancel: 400 otherwise, see bad-input).
    quantity: fc.integer({ min: 1, max: 25 }),
  }),
  fc.record({ type: fc.constant('cancelPurchaseOrder'), pick: pickArb }),
  {
    arbitrary: fc.record({
      type: fc.constant('order'),
      priority: fc.integer({ min: 0, max: 2 }),
      lines: fc.array(fc.record({ sku: skuArb, quantity: fc.integer({ min: 1, max: 8 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('receipt'),
      sku: skuArb,
      quantity: fc.integer({ min: 1, max: 15 }),
      againstPick: fc.option(pickArb),
    }),
    weight: 2,
  },
  fc.record({ type: fc.constant('cancelOrder'), pick: pickArb }),
  {
    // A paid Shopify order: never refused, what the cap or stock cannot cover oversold.
    arbitrary: fc.record({
      type: fc.constant('shopifyOrder'),
      lines: fc.array(fc.record({ sku: skuArb, quantity: fc.integer({ min: 1, max: 8 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    weight: 2,
  },
);

/** A run: both products first (so they exist), then the random steps, each with a seed for its probe quantity. */
export const runArb = fc.record({
  products: fc.tuple(productArb, productArb),
  steps: fc.array(fc.record({ step: stepArb, probeSeed: fc.nat() }), {
    minLength: 1,
    maxLength: 10,
  }),
});

const pick = (list, index) => (list.length ? list[index % list.length] : undefined);

/** Performs one step on `skus`; `made` keeps the purchase orders and orders created so far. */
export async function perform(api, skus, step, made, newId) {
  const what = `${step.type} ${JSON.stringify(step)}`;
  const ok = (answer, statuses) => expectStatus(answer, statuses, what);
  switch (step.type) {
    case 'product':
      return ok(await api.putProduct(skus[step.sku], step.settings), [200, 201]);
    case 'purchaseOrder': {
      const { sku, quantity, expectedDate, datePrecision } = step;
      const answer = ok(
        await api.createPurchaseOrder({
          id: newId('po'),
          sku: skus[sku],
          quantity,
          expectedDate,
          datePrecision,
        }),
        201,
      );
      made.purchaseOrders.push({ id: answer.body.id, sku: skus[sku] });
      return answer;
    }
    case 'movePurchaseOrder': {
      const po = pick(made.purchaseOrders, step.pick);
      if (!po) return null;
      return ok(
        await api.changePurchaseOrder(po.id, { expectedDate: step.expectedDate }),
        [200, 409],
      );
    }
    case 'resizePurchaseOrder': {
      const po = pick(made.purchaseOrders, step.pick);
      if (!po) return null;
      return ok(await api.changePurchaseOrder(po.id, { quantity: step.quantity }), [200, 409]);
    }
    case 'cancelPurchaseOrder': {
      const po = pick(made.purchaseOrders, step.pick);
      if (!po) return null;
      return ok(await api.cancelPurchaseOrder(po.id), [200, 409]);
    }
    case 'order': {
      const id = newId('order');
      const lines = step.lines.map((line) => ({ sku: skus[line.sku], quantity: line.quantity }));
      const answer = ok(
        await api.order({ id, priority: step.priority, customer: {}, lines }),
        [201, 409],
      );
      if (answer.status === 201) made.orders.push(id);
      return answer;
    }
    case 'receipt': {
      const sku = skus[step.sku];
      const against =
        step.againstPick === null
          ? undefined
          : pick(
              made.purchaseOrders.filter((po) => po.sku === sku),
              step.againstPick,
            );
      const receipt = {
        sku,
        quantity: step.quantity,
        ...(against ? { purchaseOrderId: against.id } : {}),
      };
      return ok(await api.receive(receipt, newId('receipt')), [201, 409]);
    }
    case 'shopifyOrder': {
      const id = `${Date.now()}${String(++shopifyOrders).padStart(6, '0')}`;
      const raw = JSON.stringify({
        id: Number(id),
        admin_graphql_api_id: `gid://shopify/Order/${id}`,
        line_items: step.lines.map((line) => ({ sku: skus[line.sku], quantity: line.quantity })),
      });
      const signature = createHmac('sha256', SHOPIFY_SECRET).update(raw).digest('base64');
      const answer = ok(
        await request(api.base, 'POST', '/webhooks/shopify/orders-create', {
          body: raw,
          token: null,
          headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': signature },
        }),
        201,
      );
      // Nothing dropped: every unit asked for is recorded, covered or oversold.
      for (const sku of skus) {
        const units = (lines) =>
          lines.reduce((sum, l) => sum + (l.sku === sku ? l.quantity : 0), 0);
        const asked = units(step.lines.map((l) => ({ sku: skus[l.sku], quantity: l.quantity })));
        if (units(answer.body.lines) !== asked)
          throw new Error(`${what}: ${asked} units of ${sku} asked, recorded ${answer.text}`);
      }
      made.orders.push(id);
      return answer;
    }
    case 'cancelOrder': {
      const id = pick(made.orders, step.pick);
      if (!id) return null;
      return ok(await api.cancelOrder(id), 200);
    }
    default:
      throw new Error(`unknown step ${what}`);
  }
}
