/**
 * The service's part of the merchant controls (`npm start`): the SKU's
 * purchase orders (move or resize one), a shopper's order of any quantity,
 * and the newest lines of its queue (cancel one). Every change goes through
 * service-source.ts; `changed(outcome)` then reloads the editor and refreshes
 * the widgets showing the SKU.
 */
import { byId, h } from './dom.js';
import {
  cancelOrder,
  changePurchaseOrder,
  placeOrder,
  queueTail,
  type Outcome,
  type ProductView,
  type PurchaseOrder,
  type QueueLine,
} from './service-source.js';

const QUEUE_LINES = 6;

export interface ServicePanel {
  /** Shows `view` (null: the SKU is the mock's, so the panel hides). */
  show(view: ProductView | null): Promise<void>;
}

export function initServicePanel(changed: (outcome: Outcome) => void): ServicePanel {
  const panel = byId('service-controls', HTMLElement);
  const poList = byId('po-list', HTMLOListElement);
  const queueList = byId('queue-list', HTMLOListElement);
  const summary = byId('queue-summary', HTMLElement);
  const quantity = byId('order-quantity', HTMLInputElement);
  let sku = '';

  const run = async (action: Promise<Outcome>) => changed(await action);

  function poRow(po: PurchaseOrder): HTMLLIElement {
    const date = h('input', { type: 'date', value: po.expectedDate, 'aria-label': `${po.id} due` });
    const units = h('input', {
      type: 'number',
      min: Math.max(1, po.received),
      step: 1,
      value: po.quantity,
      'aria-label': `${po.id} units`,
    });
    const save = h('button', { type: 'button', class: 'small' }, 'Save');
    save.setAttribute('aria-label', `Save ${po.id}`);
    save.addEventListener('click', () => {
      const change: { expectedDate?: string; quantity?: number } = {};
      if (date.value && date.value !== po.expectedDate) change.expectedDate = date.value;
      if (units.valueAsNumber !== po.quantity) change.quantity = units.valueAsNumber;
      void run(changePurchaseOrder(po.id, change));
    });
    return h(
      'li',
      { class: 'lot', 'data-po': po.id },
      h('code', {}, po.id),
      h('label', {}, 'Units ', units),
      h('label', {}, 'Due ', date),
      po.received ? h('span', { class: 'muted' }, `${po.received} received`) : null,
      save,
    );
  }

  function queueRow(line: QueueLine): HTMLLIElement {
    const cancel = h('button', { type: 'button', class: 'small' }, 'Cancel');
    cancel.setAttribute('aria-label', `Cancel order ${line.orderId}`);
    cancel.addEventListener('click', () => void run(cancelOrder(line.orderId)));
    const state =
      line.status === 'allocated'
        ? 'filled'
        : line.promise
          ? `waiting, promised ${line.promise.date}`
          : 'waiting';
    return h(
      'li',
      { 'data-order': line.orderId },
      h('code', {}, line.orderId),
      ` ${line.quantity} unit${line.quantity === 1 ? '' : 's'}, ${state} `,
      cancel,
    );
  }

  byId('place-order', HTMLButtonElement).addEventListener('click', () => {
    const units = quantity.valueAsNumber;
    void run(placeOrder(sku, Number.isInteger(units) && units > 0 ? units : 1));
  });

  return {
    async show(view) {
      panel.hidden = view === null;
      if (!view) return;
      sku = view.sku as string;
      const open = view.purchaseOrders.filter((po) => po.remaining > 0);
      poList.replaceChildren(...open.map(poRow));
      if (!open.length) poList.append(h('li', { class: 'muted' }, 'No open purchase order.'));
      const { waitingLines, waitingUnits, filledLines } = view.queue;
      summary.textContent =
        `${waitingUnits} units waiting in ${waitingLines} lines, ${filledLines} filled. ` +
        (waitingLines + filledLines > QUEUE_LINES ? `The newest ${QUEUE_LINES}:` : '');
      const lines = await queueTail(view, QUEUE_LINES);
      if (sku !== view.sku) return; // another SKU was picked meanwhile
      queueList.replaceChildren(...lines.map(queueRow));
    },
  };
}
