// The records the browser tests, the benchmark and the page checks serve. The
// SKU names its state (after any "slowN-" prefix): "pre-..." a pre-order,
// "back-..." a backorder, "out-..." sold out; anything else is in stock. A SKU
// named "missing-..." has no record; "slowN-..." asks to be answered after N ms.

/** @typedef {import('./availability.js').RawRecord} RawRecord */

/**
 * The record a SKU's name describes.
 * @param {string} sku
 * @returns {RawRecord}
 */
export function recordFor(sku) {
  const name = sku.replace(/^slow\d+-/, '');
  if (name.startsWith('pre-')) return { sku, status: 'preorder', expectedDate: '2027-03-12' };
  if (name.startsWith('back-')) return { sku, status: 'backorder', expectedDate: '2027-01-15' };
  if (name.startsWith('out-')) return { sku, onHand: 0 };
  return { sku, onHand: 5, status: 'in_stock' };
}

/**
 * recordFor, but nothing for a "missing-..." SKU: the lookup for recordsFor.
 * @param {string} sku
 * @returns {RawRecord | undefined}
 */
export function namedRecord(sku) {
  return sku.startsWith('missing-') ? undefined : recordFor(sku);
}

/**
 * How long a request asks to wait by its first SKU's "slowN-" prefix, in ms.
 * @param {string[]} skus
 * @returns {number}
 */
export function namedDelay(skus) {
  const slow = /^slow(\d+)-/.exec(skus[0] ?? '');
  return slow ? Number(slow[1]) : 0;
}
