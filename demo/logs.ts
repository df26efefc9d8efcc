/** The page's two small logs: the elements' requests, and the events they raise. */
import { refresh } from '../src/index.js';
import { byId, h } from './dom.js';
import { clearRequestLog, onRequestLog, type LoggedRequest } from './network.js';

function outcomeText(entry: LoggedRequest): string {
  if (typeof entry.outcome === 'number') return `HTTP ${entry.outcome}`;
  return entry.outcome;
}

function requestItem(entry: LoggedRequest): HTMLLIElement {
  const encoded = /[?&]skus=([^&]*)/.exec(entry.url.search)?.[1]?.split(',') ?? [];
  const shown = encoded.slice(0, 3).join(',');
  const more = encoded.length > 3 ? `,… (+${encoded.length - 3})` : '';
  const path = encoded.length ? `${entry.url.pathname}?skus=${shown}${more}` : entry.url.pathname;
  const knobs = entry.knobs.length ? `&${entry.knobs.join('&')}` : '';
  const count = `${entry.skus.length} ${entry.skus.length === 1 ? 'SKU' : 'SKUs'}`;
  const ok = typeof entry.outcome === 'number' && entry.outcome < 400;
  return h(
    'li',
    {
      'data-skus': entry.skus.length,
      'data-outcome': String(entry.outcome),
      'data-knobs': entry.knobs.join('&'),
      'data-path': entry.url.pathname,
      class: entry.outcome === 'pending' ? 'pending' : ok ? 'ok' : 'failed',
    },
    h('span', { class: 'request-line' }, h('code', {}, `GET ${path}${knobs}`)),
    h(
      'span',
      { class: 'request-facts' },
      h('strong', {}, count),
      ` · ${outcomeText(entry)}`,
      entry.ms === null ? '' : ` · ${entry.ms} ms`,
    ),
    h(
      'details',
      {},
      h('summary', {}, 'Full request'),
      h('p', {}, h('code', {}, `${entry.url.pathname}${entry.url.search}`)),
      h('p', {}, `SKUs: ${entry.skus.join(' · ')}`),
    ),
  );
}

export function initNetworkLog(): void {
  const list = byId('network-log', HTMLOListElement);
  const summary = byId('network-summary', HTMLElement);
  onRequestLog((log) => {
    list.replaceChildren(...log.map(requestItem));
    const largest = Math.max(0, ...log.map((e) => e.skus.length));
    summary.textContent = log.length
      ? `${log.length} ${log.length === 1 ? 'request' : 'requests'} listed, newest first; the largest asked for ${largest} SKUs at once.`
      : 'No requests yet.';
  });
  byId('refresh-all', HTMLButtonElement).addEventListener('click', () => refresh());
  byId('clear-log', HTMLButtonElement).addEventListener('click', () => clearRequestLog());
}

interface EventEntry {
  text: string;
  count: number;
  item: HTMLLIElement;
}

export function initEventLog(): void {
  const list = byId('event-log', HTMLOListElement);
  let last: EventEntry | null = null;
  const add = (type: string, text: string) => {
    const full = `${type}: ${text}`;
    if (last && last.text === full) {
      last.count += 1;
      last.item.lastChild?.replaceWith(h('span', { class: 'repeat' }, ` ×${last.count}`));
      return;
    }
    const item = h('li', {}, h('code', {}, type), ` ${text}`, h('span', { class: 'repeat' }));
    list.prepend(item);
    while (list.children.length > 30) list.lastElementChild?.remove();
    last = { text: full, count: 1, item };
  };
  document.body.addEventListener('order-button-click', (event) => {
    const { sku, quantity, status, expectedDate } = event.detail;
    const cancelled = event.defaultPrevented ? ' (cancelled by the demo)' : '';
    add(
      'order-button-click',
      `${sku} × ${quantity}, ${status}, ships ${expectedDate ?? 'now / not dated'}${cancelled}`,
    );
  });
  document.body.addEventListener('expected-date-change', (event) => {
    const { sku, previous, current } = event.detail;
    add('expected-date-change', `${sku}: ${previous} → ${current}`);
  });
  document.body.addEventListener('availability-error', (event) => {
    const { error } = event.detail;
    add(
      'availability-error',
      `${error.kind}${error.status ? ` ${error.status}` : ''}: ${error.message}`,
    );
  });
  byId('clear-events', HTMLButtonElement).addEventListener('click', () => {
    list.replaceChildren();
    last = null;
  });
}
