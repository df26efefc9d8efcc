/**
 * The merchant controls: edit a record's facts, receive a shipment, delay a
 * purchase order. Each change is POSTed to the mock endpoint (as an order
 * system would change its data), then `refresh(sku)` asks the library to
 * fetch it again: every widget showing that SKU updates.
 */
import { refresh } from '../src/index.js';
import { CARDS, VARIANTS } from './catalog.js';
import { all, byId, h } from './dom.js';
import { MORE_ROWS, STATE_ROWS } from './gallery.js';
import { demoFetch } from './network.js';
import type { RawRecord } from './scenarios.js';
import { onSelection, selection } from './state.js';

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

const dayValue = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');
const numberValue = (value: unknown) => (typeof value === 'number' ? String(value) : '');

export function initMerchantControls(): void {
  const form = byId('editor', HTMLFormElement);
  const skuSelect = byId('edit-sku', HTMLSelectElement);
  const lotList = byId('lots', HTMLOListElement);
  const status = byId('editor-status', HTMLElement);
  const raw = byId('raw-record', HTMLElement);
  const field = <T extends Element>(name: string, type: abstract new () => T): T => {
    const element = form.elements.namedItem(name);
    if (!(element instanceof type)) throw new Error(`editor: field ${name} is missing`);
    return element;
  };
  const input = (name: string) => field(name, HTMLInputElement);
  const select = (name: string) => field(name, HTMLSelectElement);
  const message = field('message', HTMLTextAreaElement);

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

  function lotRow(quantity: string, date: string): HTMLLIElement {
    const remove = h('button', { type: 'button', class: 'small' }, 'Remove');
    const row = h(
      'li',
      { class: 'lot' },
      h(
        'label',
        {},
        'Units ',
        h('input', { type: 'number', min: 0, step: 1, value: quantity, 'data-lot': 'quantity' }),
      ),
      h('label', {}, 'Arrives ', h('input', { type: 'date', value: date, 'data-lot': 'date' })),
      remove,
    );
    remove.addEventListener('click', () => {
      row.remove();
      numberLots();
    });
    return row;
  }

  /** Gives each lot's remove button a name that says which lot it removes. */
  function numberLots(): void {
    all('li', HTMLLIElement, lotList).forEach((row, i) => {
      row.querySelector('button')?.setAttribute('aria-label', `Remove lot ${i + 1}`);
    });
  }

  function fill(record: RawRecord): void {
    select('status').value = typeof record.status === 'string' ? record.status : '';
    for (const name of ['onHand', 'reserved', 'lowStockThreshold', 'maxPerOrder']) {
      input(name).value = numberValue(record[name]);
    }
    input('releaseDate').value = dayValue(record.releaseDate);
    const cap = record.cap;
    select('capMode').value =
      cap === 'incoming' ? 'incoming' : typeof cap === 'number' ? 'number' : '';
    input('cap').value = numberValue(cap);
    input('cap').disabled = typeof cap !== 'number';
    input('allowPreorder').checked = record.allowPreorder !== false;
    input('allowBackorder').checked = record.allowBackorder === true;
    const lots = Array.isArray(record.incoming) ? (record.incoming as unknown[]) : [];
    lotList.replaceChildren(
      ...lots.map((lot) => {
        const { quantity, date } = (lot ?? {}) as { quantity?: unknown; date?: unknown };
        return lotRow(numberValue(quantity), dayValue(date));
      }),
    );
    numberLots();
    const payment = (record.payment ?? {}) as Record<string, unknown>;
    select('paymentMode').value = typeof payment.mode === 'string' ? payment.mode : '';
    for (const name of ['depositPercent', 'depositAmount', 'price']) {
      input(name).value = numberValue(payment[name]);
    }
    message.value = typeof record.message === 'string' ? record.message : '';
    raw.textContent = JSON.stringify(record, null, 2);
  }

  /** The form as a patch: every editable field, `null` where it is empty (removes it). */
  function patch(): Record<string, unknown> {
    const number = (element: HTMLInputElement) =>
      element.value.trim() === '' ? null : Number(element.value);
    const lots = all('li', HTMLLIElement, lotList).flatMap((row) => {
      const quantity = row.querySelector<HTMLInputElement>('[data-lot=quantity]')?.value ?? '';
      const date = row.querySelector<HTMLInputElement>('[data-lot=date]')?.value ?? '';
      return quantity !== '' && date ? [{ quantity: Number(quantity), date }] : [];
    });
    const capMode = select('capMode').value;
    const mode = select('paymentMode').value;
    const payment: Record<string, unknown> = { mode };
    for (const name of ['depositPercent', 'depositAmount', 'price']) {
      const value = number(input(name));
      if (value !== null) payment[name] = value;
    }
    return {
      status: select('status').value || null,
      onHand: number(input('onHand')),
      reserved: number(input('reserved')),
      lowStockThreshold: number(input('lowStockThreshold')),
      maxPerOrder: number(input('maxPerOrder')),
      releaseDate: input('releaseDate').value || null,
      cap:
        capMode === 'incoming'
          ? 'incoming'
          : capMode === 'number'
            ? (number(input('cap')) ?? 0)
            : null,
      allowPreorder: input('allowPreorder').checked ? null : false,
      allowBackorder: input('allowBackorder').checked ? true : null,
      incoming: lots.length ? lots : null,
      payment: mode ? payment : null,
      message: message.value.trim() || null,
    };
  }

  async function load(sku: string): Promise<void> {
    skuSelect.value = sku;
    const answer = await call(`/api/availability/${encodeURIComponent(sku)}`);
    if (skuSelect.value !== sku) return; // another SKU was picked meanwhile
    if (answer.ok) fill(answer.data as RawRecord);
    else status.textContent = `Could not load ${sku}: ${answer.data.error ?? 'unknown error'}.`;
  }

  /** POSTs a change, then has the library fetch the SKU again. */
  async function change(action: string, body: unknown): Promise<void> {
    const sku = skuSelect.value;
    status.textContent = 'Saving…';
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
  select('capMode').addEventListener('change', () => {
    input('cap').disabled = select('capMode').value !== 'number';
  });
  byId('add-lot', HTMLButtonElement).addEventListener('click', () => {
    const row = lotRow('', '');
    lotList.append(row);
    numberLots();
    row.querySelector('input')?.focus();
  });
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
    const answer = await call('/api/scenarios/reset', {});
    if (!answer.ok) {
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
