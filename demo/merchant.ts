/**
 * The merchant controls: edit a record's facts, receive a shipment, delay a
 * purchase order; on the service (`npm start`) also place and cancel orders
 * and move or resize purchase orders. A SKU the service holds changes through
 * its admin API (service-source.ts); the gallery's made-up records are POSTed
 * to the mock endpoint. Then `refresh(sku)` asks the library to fetch it
 * again: every widget showing that SKU updates.
 */
import { refresh } from '../src/index.js';
import { CARDS, VARIANTS } from './catalog.js';
import { byId, h } from './dom.js';
import { MORE_ROWS, STATE_ROWS } from './gallery.js';
import { demoFetch } from './network.js';
import type { RawRecord } from './scenarios.js';
import { initServicePanel } from './service-panel.js';
import {
  delayNext,
  loadProduct,
  onService,
  receiveNext,
  resetService,
  saveProduct,
  type Outcome,
  type ProductView,
} from './service-source.js';
import { ON_SERVICE, onSelection, selection } from './state.js';
import { recordForm } from './record-form.js';

interface Answer {
  ok: boolean;
  data: { record?: RawRecord; note?: string; error?: string } & Partial<RawRecord>;
}

async function call(path: string, body?: unknown): Promise<Answer> {
  const response = await demoFetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data: Answer['data'] = {};
  try {
    data = (await response.json()) as Answer['data'];
  } catch {
    data = { error: `HTTP ${response.status}` };
  }
  return { ok: response.ok, data };
}

const recordPath = (sku: string, action = '') =>
  `/api/records/${encodeURIComponent(sku)}${action ? `/${action}` : ''}`;

export function initMerchantControls(): void {
  const form = byId('editor', HTMLFormElement);
  const skuSelect = byId('edit-sku', HTMLSelectElement);
  const status = byId('editor-status', HTMLElement);
  const { fill, patch, addLot, lockSupply } = recordForm(form);
  if (ON_SERVICE) {
    byId('merchant-intro', HTMLElement).textContent =
      "The product page and the collection come from the availability service: each change goes to its admin API, and its queue decides. The gallery's made-up records change in the mock endpoint. Then refresh(sku) updates every widget showing the SKU.";
  }
  /** The SKU's product on the service, while one is shown. */
  let view: ProductView | null = null;
  const panel = initServicePanel((outcome) => void after(outcome));

  // The record picker: the product's variants, the collection, the gallery.
  const groups: [string, string[]][] = [
    ['Product page variants', VARIANTS.map((v) => v.sku)],
    ['Collection', CARDS.map((c) => c.sku).filter((sku) => sku !== 'LAMP-OAT')],
    ['Gallery', [...new Set([...STATE_ROWS, ...MORE_ROWS].map((row) => row.sku))]],
  ];
  for (const [label, skus] of groups) {
    skuSelect.append(
      h('optgroup', { label }, ...skus.map((sku) => h('option', { value: sku }, sku))),
    );
  }

  /** A product on the service: its queue and purchase orders are read-only here (see the panel). */
  function fillFromService(product: ProductView): void {
    const incoming = product.purchaseOrders
      .filter((po) => po.remaining > 0)
      .map((po) => ({ quantity: po.remaining, date: po.expectedDate }));
    fill({ ...product, reserved: product.queue.waitingUnits, incoming }, product.record);
  }

  async function load(sku: string): Promise<void> {
    skuSelect.value = sku;
    const service = onService(sku);
    lockSupply(service);
    if (service) {
      const product = await loadProduct(sku);
      if (skuSelect.value !== sku) return; // another SKU was picked meanwhile
      if ('error' in product) {
        status.textContent = `Could not load ${sku}: ${product.error}`;
        return;
      }
      view = product;
      fillFromService(product);
      await panel.show(product);
      return;
    }
    view = null;
    void panel.show(null);
    const answer = await call(`/api/availability/${encodeURIComponent(sku)}`);
    if (skuSelect.value !== sku) return;
    if (answer.ok) fill(answer.data as RawRecord);
    else status.textContent = `Could not load ${sku}: ${answer.data.error ?? 'unknown error'}.`;
  }

  /** After a change on the service: the editor reloads, the widgets refresh. */
  async function after(outcome: Outcome): Promise<void> {
    const sku = skuSelect.value;
    if ('error' in outcome) {
      status.textContent = outcome.error;
      return;
    }
    refresh(sku);
    await load(sku);
    status.textContent = `${sku}: ${outcome.note} Widgets refreshed.`;
  }

  /** POSTs a change (to the service's admin API, or the mock), then has the library fetch the SKU again. */
  async function change(action: '' | 'receive' | 'delay', body: unknown): Promise<void> {
    const sku = skuSelect.value;
    status.textContent = 'Saving…';
    if (view && view.sku === sku) {
      const days = (body as { days?: number }).days ?? 14;
      const product = view;
      await after(
        await (action === 'receive'
          ? receiveNext(product)
          : action === 'delay'
            ? delayNext(product, days)
            : saveProduct(sku, product.title, body as Record<string, unknown>)),
      );
      return;
    }
    const answer = await call(recordPath(sku, action), body);
    if (!answer.ok || !answer.data.record) {
      status.textContent = answer.data.error ?? 'The change was refused.';
      return;
    }
    fill(answer.data.record);
    refresh(sku); // every widget showing this SKU fetches it again
    status.textContent = `${sku}: ${answer.data.note ?? 'saved.'} Widgets refreshed.`;
  }

  skuSelect.addEventListener('change', () => void load(skuSelect.value));
  byId('add-lot', HTMLButtonElement).addEventListener('click', addLot);
  byId('revert', HTMLButtonElement).addEventListener('click', () => {
    status.textContent = '';
    void load(skuSelect.value);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void change('', patch());
  });
  byId('receive', HTMLButtonElement).addEventListener('click', () => void change('receive', {}));
  byId('delay', HTMLButtonElement).addEventListener('click', () => {
    const days = byId('delay-days', HTMLInputElement).valueAsNumber;
    void change('delay', { days: Number.isFinite(days) ? days : 14 });
  });
  byId('reset-data', HTMLButtonElement).addEventListener('click', async () => {
    status.textContent = 'Resetting…';
    const answer = await call('/api/scenarios/reset', {});
    if (!answer.ok || (ON_SERVICE && !(await resetService()))) {
      status.textContent = 'Reset failed.';
      return;
    }
    refresh(); // every SKU on the page, one request per endpoint
    await load(skuSelect.value);
    status.textContent = 'Every record is back to its starting point. Widgets refreshed.';
  });

  // The editor follows the product page's variant picker.
  let shown = '';
  onSelection(() => {
    if (selection.sku === shown) return;
    shown = selection.sku;
    status.textContent = '';
    void load(selection.sku);
  });
  shown = selection.sku;
  void load(selection.sku);
}
