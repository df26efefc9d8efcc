// What the bench fills the fixture pages (bench/pages/) with: the script tag,
// endpoint templates, and the cards and widgets of each page.
import { BUNDLE } from './options.mjs';

const esc = (s) => String(s).replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The README's script tag: `data-*` options, `defer`, the bundle served `delay` ms late. */
export const scriptTag = ({ endpoint, data = {}, delay = 0, defer = true, src = `/${BUNDLE}` }) => {
  const attrs = Object.entries({ endpoint, ...data })
    .map(([k, v]) => ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${esc(v)}"`)
    .join('');
  return `<script src="${src}${delay ? `?delay=${delay}` : ''}"${attrs}${defer ? ' defer' : ''}></script>`;
};
/** Endpoint templates logged under `run`, with more knobs in `q` (`&delay=150`). */
export const batched = (run, q = '') => `/api/availability?skus={skus}&run=${run}${q}`;
export const single = (run, q = '') => `/api/availability/{sku}?run=${run}${q}`;

/** SKU states by index: a realistic mix on product pages, all pre-orders in the grids. */
const mixedSku = (prefix, i) => `${['pre', 'back', 'out', 'in'][i % 4]}-${prefix}-${i}`;

/** A collection page's cards (grid.html), one badge each. */
export const gridCards = (n, prefix) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<div class="card"><div class="thumb"></div><h2>Product ${i}</h2>` +
      `<availability-badge sku="pre-${prefix}-${i}"></availability-badge><p>€${19 + (i % 50)}.00</p></div>`,
  ).join('\n');

const relatedCards = (n, widgets) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<article class="card"><div class="thumb"></div><h3>Lamp ${i + 1}</h3>` +
      (widgets ? `<availability-badge sku="${mixedSku('rel', i)}"></availability-badge>` : '') +
      `<p>€${49 + ((i * 7) % 90)}.00</p><p>Ships from Lisbon</p></article>`,
  ).join('\n');

const PRODUCT_SKU = 'pre-lamp-brass';

/** The README's stylesheet link: the product page has it unless a section says otherwise. */
export const STYLESHEET = '<link rel="stylesheet" href="/dist/preorder-elements.css" />';

/**
 * The product page's tokens (product.html): the stylesheet link, `script`, one order-button and one
 * expected-date for the product, 48 related cards with a badge each; or the
 * same page without any widget tag.
 */
export const productPage = (script, widgets = true) => ({
  STYLESHEET,
  SCRIPT: script,
  PRODUCT_SKU,
  MAIN_WIDGETS: widgets
    ? `<order-button sku="${PRODUCT_SKU}"></order-button>\n<expected-date sku="${PRODUCT_SKU}"></expected-date>`
    : '',
  RELATED: relatedCards(48, widgets),
});
