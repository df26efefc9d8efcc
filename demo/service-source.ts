/**
 * The merchant controls on the availability service (`npm start`): each
 * action is a call to its admin API (service.md s.2) through the demo
 * server's /service/ proxy, which adds the admin token. The page never holds
 * the token; the service decides, and the elements show what it serves.
 */
import { coveringLot, shiftDate } from './mock-actions.js';
import { demoFetch } from './network.js';
import type { RawRecord } from './scenarios.js';
import { PRODUCT_FIELDS, SERVICE_SKUS } from './service-seed.js';
import { configure } from '../src/index.js';
import { LIVE, ON_SERVICE, settings } from './state.js';

export type Outcome = { note: string } | { error: string };

export interface PurchaseOrder {
  id: string;
  sku: string;
  quantity: number;
  received: number;
  /** Units still to come (0 once closed or cancelled). */
  remaining: number;
  expectedDate: string;
  status: string;
}

export interface QueueLine {
  orderId: string;
  line: number;
  quantity: number;
  allocated: number;
  status: string;
  promise: { date: string } | null;
}

/** GET /admin/products/{sku}: the product's settings, its queue summary, purchase orders and record. */
export interface ProductView extends RawRecord {
  title?: string;
  queue: { waitingLines: number; filledLines: number; waitingUnits: number };
  purchaseOrders: PurchaseOrder[];
  record: RawRecord;
}

/** True when `sku` comes from the service (on `npm start`, the product page and the collection). */
export const onService = (sku: string) => ON_SERVICE && SERVICE_SKUS.includes(sku);

interface Reply<T> {
  ok: boolean;
  data: T & { message?: string; error?: string };
}

async function call<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && path === '/admin/receipts') {
    headers['Idempotency-Key'] = crypto.randomUUID(); // a retry would not receive twice
  }
  const response = await demoFetch(`/service${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  try {
    return { ok: response.ok, data: (await response.json()) as Reply<T>['data'] };
  } catch {
    return { ok: false, data: { error: `HTTP ${response.status}` } as Reply<T>['data'] };
  }
}

const sku = (value: string) => encodeURIComponent(value);
const refused = (data: { message?: string; error?: string }): Outcome => ({
  error: data.message ?? data.error ?? 'The service refused the change.',
});

export async function loadProduct(value: string): Promise<ProductView | { error: string }> {
  const reply = await call<ProductView>('GET', `/admin/products/${sku(value)}`);
  return reply.ok ? reply.data : (refused(reply.data) as { error: string });
}

/** The editor's fields that are a product's (queue and supply are the service's own). */
export async function saveProduct(
  value: string,
  title: string | undefined,
  patch: Record<string, unknown>,
): Promise<Outcome> {
  const product: Record<string, unknown> = title ? { title } : {};
  for (const [key, field] of Object.entries(patch)) {
    if (field !== null && (PRODUCT_FIELDS as readonly string[]).includes(key)) product[key] = field;
  }
  const reply = await call('PUT', `/admin/products/${sku(value)}`, product);
  return reply.ok ? { note: 'Product saved.' } : refused(reply.data);
}

const open = (view: ProductView) => view.purchaseOrders.filter((po) => po.remaining > 0);

/** The earliest open purchase order arrives in full. */
export async function receiveNext(view: ProductView): Promise<Outcome> {
  const po = open(view)[0];
  if (!po) return { error: `${view.sku as string} has no open purchase order to receive.` };
  const quantity = po.remaining;
  const reply = await call<{ allocated: { orderId: string; quantity: number }[] }>(
    'POST',
    '/admin/receipts',
    { sku: view.sku, quantity, purchaseOrderId: po.id },
  );
  if (!reply.ok) return refused(reply.data);
  const released = reply.data.allocated.reduce((sum, a) => sum + a.quantity, 0);
  const orders = new Set(reply.data.allocated.map((a) => a.orderId)).size;
  return {
    note: `${quantity} units of ${po.id} arrived: ${released} released to ${orders} waiting orders, ${quantity - released} on hand.`,
  };
}

/** The purchase order that brings the next order's units is late by `days`. */
export async function delayNext(view: ProductView, days: number): Promise<Outcome> {
  const lots = open(view);
  const late =
    lots[
      coveringLot(
        lots.map((po) => po.remaining),
        view.queue.waitingUnits + 1,
      )
    ];
  if (!late) return { error: `${view.sku as string} has no open purchase order to delay.` };
  return changePurchaseOrder(late.id, { expectedDate: shiftDate(late.expectedDate, days) });
}

export async function changePurchaseOrder(
  id: string,
  change: { expectedDate?: string; quantity?: number },
): Promise<Outcome> {
  const reply = await call<PurchaseOrder>(
    'PATCH',
    `/admin/purchase-orders/${encodeURIComponent(id)}`,
    change,
  );
  if (!reply.ok) return refused(reply.data);
  return { note: `${id}: ${reply.data.quantity} units due ${reply.data.expectedDate}.` };
}

let placed = 0;
/** A shopper's order of `quantity` units, answered with its kind and promise. */
export async function placeOrder(value: string, quantity: number): Promise<Outcome> {
  const id = `SHOP-${Date.now().toString(36)}-${++placed}`;
  const reply = await call<{
    lines: { quantity: number; kind: string; promise: { date?: string } | null }[];
  }>('POST', '/orders', {
    id,
    customer: { email: 'designer@example.com', locale: settings.locale },
    lines: [{ sku: value, quantity }],
  });
  if (!reply.ok) return refused(reply.data);
  const lines = reply.data.lines.map(
    (line) =>
      `${line.quantity} ${line.kind}${line.promise?.date ? ` by ${line.promise.date}` : ''}`,
  );
  return { note: `Order ${id} accepted: ${lines.join(', ')}.` };
}

export async function cancelOrder(id: string): Promise<Outcome> {
  const reply = await call('POST', `/orders/${encodeURIComponent(id)}/cancel`, {});
  return reply.ok ? { note: `Order ${id} cancelled: later orders moved up.` } : refused(reply.data);
}

/** The last `count` lines of the SKU's queue (the newest orders). */
export async function queueTail(view: ProductView, count: number): Promise<QueueLine[]> {
  const total = view.queue.waitingLines + view.queue.filledLines;
  const offset = Math.max(0, total - count);
  const reply = await call<QueueLine[]>(
    'GET',
    `/admin/queue/${sku(view.sku as string)}?limit=${count}&offset=${offset}`,
  );
  return reply.ok && Array.isArray(reply.data) ? reply.data : [];
}

/** Back to the seed: demo/server.mjs starts the service again on an empty folder. */
export async function resetService(): Promise<boolean> {
  // Not followed while the service restarts (its stream would fail), then afresh on the new data.
  configure({ live: null });
  try {
    const response = await demoFetch('/demo-service/reset', { method: 'POST' });
    return response.ok;
  } finally {
    configure({ live: LIVE });
  }
}
