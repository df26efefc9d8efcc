/**
 * The merchant editor's record form: fills its fields from a record and reads
 * them back as a patch (a value sets a field, `null` removes it). Only the DOM
 * of the form; where the patch goes is merchant.ts's business.
 */
import { all, byId, h } from './dom.js';
import type { RawRecord } from './scenarios.js';

const dayValue = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');
const numberValue = (value: unknown) => (typeof value === 'number' ? String(value) : '');

export interface RecordForm {
  /** Shows `record`'s facts; the raw view shows `served` (the record as the endpoint serves it). */
  fill(record: RawRecord, served?: RawRecord): void;
  patch(): Record<string, unknown>;
  addLot(): void;
  /** On the service the queue and the lots are its own (orders, purchase orders): read-only here. */
  lockSupply(locked: boolean): void;
}

export function recordForm(form: HTMLFormElement): RecordForm {
  const lotList = byId('lots', HTMLOListElement);
  const lotFields = byId('lot-fields', HTMLFieldSetElement);
  const raw = byId('raw-record', HTMLElement);
  const field = <T extends Element>(name: string, type: abstract new () => T): T => {
    const element = form.elements.namedItem(name);
    if (!(element instanceof type)) throw new Error(`editor: field ${name} is missing`);
    return element;
  };
  const input = (name: string) => field(name, HTMLInputElement);
  const select = (name: string) => field(name, HTMLSelectElement);
  const message = field('message', HTMLTextAreaElement);

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

  function fill(record: RawRecord, served: RawRecord = record): void {
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
    raw.textContent = JSON.stringify(served, null, 2);
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

  select('capMode').addEventListener('change', () => {
    input('cap').disabled = select('capMode').value !== 'number';
  });

  return {
    fill,
    patch,
    addLot() {
      const row = lotRow('', '');
      lotList.append(row);
      numberLots();
      row.querySelector('input')?.focus();
    },
    lockSupply(locked) {
      lotFields.disabled = locked;
      input('reserved').disabled = locked;
    },
  };
}
