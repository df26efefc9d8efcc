/**
 * The gallery: every state of every element side by side, each labelled, on
 * the real elements and the mock endpoint. Two rows have their own `endpoint`
 * attribute: one whose answer never comes (loading), one that fails (the
 * fallbacks).
 */
import { GALLERY_ATTRIBUTE, MOCK_ENDPOINT, ON_SERVICE } from './state.js';
import { custom, h } from './dom.js';

type Attributes = Record<string, string>;

export interface GalleryRow {
  id: string;
  title: string;
  note: string;
  sku: string;
  /** On all three elements (quantity, endpoint). */
  shared?: Attributes;
  /** On <order-button> only; several entries render several labelled buttons. */
  buttons?: { caption?: string; attributes: Attributes }[];
  /** On <expected-date> only. */
  date?: Attributes;
}

/** Holds its answer for ten minutes (the `hang` knob); `n` is bumped to ask again. */
const NO_BADGE = 'No badge: plainly in stock.';
const NO_DATE = 'Nothing to promise: no date.';
const NO_DATA = 'Nothing: no promise without data.';
const RESERVED = 'Blank while loading; its line is reserved.';

/** Said under an element that shows nothing in a state, so the blank reads as intended. */
const BLANKS: Record<string, { date?: string; badge?: string }> = {
  'in-stock': { badge: NO_BADGE },
  'in-stock-cutoff': { badge: NO_BADGE },
  split: { badge: NO_BADGE },
  'preorder-full': { date: NO_DATE },
  'sold-out': { date: NO_DATE },
  'notify-me': { date: NO_DATE },
  discontinued: { date: NO_DATE },
  loading: { date: RESERVED, badge: RESERVED },
  failing: { date: NO_DATA, badge: NO_DATA },
};

export const HANG_ENDPOINT = `${MOCK_ENDPOINT}&hang&n=`;
export const FAILING_ENDPOINT = `${MOCK_ENDPOINT}&fault=500`;

export const STATE_ROWS: GalleryRow[] = [
  { id: 'in-stock', title: 'In stock', note: 'Plenty on hand.', sku: 'DEMO-IN-STOCK' },
  {
    id: 'in-stock-cutoff',
    title: 'In stock, with dispatch cut-off',
    note: 'cutoff="14:00" transit-days="2-4" on <expected-date>: business days, weekends skipped.',
    sku: 'DEMO-IN-STOCK',
    date: { cutoff: '14:00', 'transit-days': '2-4' },
  },
  {
    id: 'low-stock',
    title: 'Low stock',
    note: '3 on hand, lowStockThreshold 5.',
    sku: 'DEMO-LOW-STOCK',
  },
  {
    id: 'preorder',
    title: 'Pre-order',
    note: 'Unreleased; two production lots; 20% deposit.',
    sku: 'DEMO-PREORDER',
  },
  {
    id: 'preorder-nearly-full',
    title: 'Pre-order nearly full',
    note: '493 of 500 planned units reserved (cap "incoming").',
    sku: 'DEMO-PREORDER-LAST',
  },
  {
    id: 'preorder-full',
    title: 'Pre-orders full',
    note: 'Cap of 250 reached: shows as sold out.',
    sku: 'DEMO-PREORDER-FULL',
  },
  {
    id: 'backorder',
    title: 'Backorder',
    note: 'Out of stock; a purchase order is on its way.',
    sku: 'DEMO-BACKORDER',
  },
  {
    id: 'backorder-deposit',
    title: 'Backorder with deposit',
    note: 'A fixed 50.00 deposit on a 329.00 item.',
    sku: 'DEMO-BACKORDER-DEPOSIT',
  },
  {
    id: 'split',
    title: 'Mixed order (quantity 5)',
    note: '2 on hand, backorders allowed: part ships now, the rest later.',
    sku: 'DEMO-SPLIT',
    shared: { quantity: '5' },
  },
  {
    id: 'sold-out',
    title: 'Sold out',
    note: 'Nothing on hand, no supply planned.',
    sku: 'DEMO-SOLD-OUT',
  },
  {
    id: 'notify-me',
    title: 'Notify me',
    note: 'Sold out, with notify-url on <order-button>.',
    sku: 'DEMO-SOLD-OUT',
    buttons: [{ attributes: { 'notify-url': '/notify?sku=DEMO-SOLD-OUT' } }],
  },
  {
    id: 'coming-soon',
    title: 'Coming soon',
    note: 'Unreleased, not yet taking pre-orders.',
    sku: 'DEMO-COMING-SOON',
  },
  {
    id: 'discontinued',
    title: 'Discontinued',
    note: 'An explicit status from the order system.',
    sku: 'DEMO-DISCONTINUED',
  },
  {
    id: 'loading',
    title: 'Loading',
    note: 'The endpoint holds its answer (the mock\'s "hang" knob). Space is reserved: nothing moves when data arrives.',
    sku: 'DEMO-IN-STOCK',
    shared: { endpoint: `${HANG_ENDPOINT}0` },
  },
  {
    id: 'failing',
    title: 'Endpoint failing',
    note: 'endpoint="…&fault=500": HTTP 500, retried twice, then each fallback. No promise is made without data.',
    sku: 'DEMO-IN-STOCK',
    shared: { endpoint: FAILING_ENDPOINT },
    buttons: [
      { caption: 'fallback="add-to-cart" (default)', attributes: { fallback: 'add-to-cart' } },
      { caption: 'fallback="disabled"', attributes: { fallback: 'disabled' } },
      { caption: 'fallback="hidden" (space kept)', attributes: { fallback: 'hidden' } },
    ],
  },
  {
    id: 'date-moved',
    title: 'Date moved',
    note: 'The record carries previousExpectedDate: the new promise says so.',
    sku: 'DEMO-DATE-MOVED',
  },
];

export const MORE_ROWS: GalleryRow[] = [
  {
    id: 'window',
    title: 'Ship window',
    note: 'expectedDate { earliest, latest } from the merchant.',
    sku: 'DEMO-WINDOW',
  },
  {
    id: 'month',
    title: 'Month precision',
    note: 'datePrecision "month".',
    sku: 'DEMO-MONTH',
  },
  {
    id: 'quarter',
    title: 'Quarter precision',
    note: 'A far-off date stated to the quarter.',
    sku: 'DEMO-QUARTER',
  },
  {
    id: 'limit',
    title: 'Per-order limit (quantity 3)',
    note: 'maxPerOrder 2: the quantity cannot be ordered.',
    sku: 'DEMO-LIMIT',
    shared: { quantity: '3' },
  },
  {
    id: 'pay-on-ship',
    title: 'Pay when it ships',
    note: 'payment mode "on_ship".',
    sku: 'DEMO-PAY-ON-SHIP',
  },
  {
    id: 'queue',
    title: 'Queue position (quantity 30)',
    note: '180 reserved, lots of 200 and 500: 30 more units wait for the second lot.',
    sku: 'DEMO-QUEUE',
    shared: { quantity: '30' },
  },
  {
    id: 'message',
    title: 'Merchant message',
    note: 'The note holds markup: it shows as plain text.',
    sku: 'DEMO-MESSAGE',
  },
];

const ELEMENT_COLUMNS = ['order-button', 'expected-date', 'availability-badge'] as const;

function cell(
  tag: (typeof ELEMENT_COLUMNS)[number],
  blank: string | undefined,
  ...content: Node[]
): HTMLElement {
  return h(
    'div',
    { class: 'cell', 'data-element': tag },
    h('p', { class: 'cell-label' }, `<${tag}>`),
    ...content,
    blank ? h('p', { class: 'cell-note' }, blank) : null,
  );
}

function row(spec: GalleryRow): HTMLElement {
  // Rows with their own endpoint keep it; the rest follow the page (state.ts).
  const base = spec.shared?.endpoint
    ? { sku: spec.sku, ...spec.shared }
    : { sku: spec.sku, [GALLERY_ATTRIBUTE]: '', ...spec.shared };
  const buttons = (spec.buttons ?? [{ attributes: {} }]).map(({ caption, attributes }) => {
    const button = custom('order-button', { ...base, ...attributes });
    return caption
      ? h('div', { class: 'variant' }, h('p', { class: 'variant-label' }, caption), button)
      : button;
  });
  const titleId = `state-${spec.id}-title`;
  const blank = BLANKS[spec.id];
  return h(
    'article',
    { class: 'state', id: `state-${spec.id}`, 'data-state': spec.id, 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'state-label' },
      h('h4', { id: titleId }, spec.title),
      h('p', {}, spec.note),
      h('p', { class: 'sku' }, h('code', {}, spec.sku)),
    ),
    cell('order-button', undefined, ...buttons),
    cell('expected-date', blank?.date, custom('expected-date', { ...base, ...spec.date })),
    cell('availability-badge', blank?.badge, custom('availability-badge', base)),
  );
}

function group(title: string, id: string, intro: string, rows: GalleryRow[]): HTMLElement {
  return h(
    'section',
    { class: 'gallery-group', 'aria-labelledby': id },
    h('h3', { id }, title),
    h('p', { class: 'section-intro' }, intro),
    h(
      'div',
      { class: 'state-head', 'aria-hidden': 'true' },
      h('span', {}, 'State'),
      ...ELEMENT_COLUMNS.map((tag) => h('span', {}, `<${tag}>`)),
    ),
    ...rows.map(row),
  );
}

/**
 * The loading row asks again whenever the library gives up (its `timeout`,
 * 8 s by default): a new `endpoint` is a new request, so the row stays in its
 * loading state instead of falling back.
 */
function keepLoading(container: HTMLElement): void {
  let generation = 0;
  container.addEventListener('availability-error', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.closest('[data-state=loading]')) return;
    const current = Number(target.getAttribute('endpoint')?.split('&n=')[1]);
    if (current !== generation) return;
    generation += 1;
    const elements = container.querySelectorAll('[data-state=loading] [endpoint]');
    for (const element of elements)
      element.setAttribute('endpoint', `${HANG_ENDPOINT}${generation}`);
  });
}

export function buildGallery(container: HTMLElement): void {
  container.append(
    group(
      'Order states',
      'gallery-states-title',
      ON_SERVICE
        ? 'What a shopper sees in each situation, from the mock endpoint (the states are made up; the product page and the collection above come from the service). The whole gallery shares one batched request.'
        : 'What a shopper sees in each situation, from the mock endpoint. The whole gallery shares one batched request with the rest of the page.',
      STATE_ROWS,
    ),
    group(
      'Dates, limits and messages',
      'gallery-more-title',
      'How the promise is worded at other precisions, limits and payment terms.',
      MORE_ROWS,
    ),
  );
  keepLoading(container);
  // Nothing is ordered from the gallery: clicks are logged (see Events), not acted on.
  container.addEventListener('order-button-click', (event) => event.preventDefault());
}
