/**
 * `preorder-elements/react`: React components for the three elements, made
 * with @lit/react, with typed props and typed event props. Importing it
 * registers the elements (once: another copy already on the page, such as the
 * script tag, is fine).
 *
 *   import { OrderButton } from 'preorder-elements/react';
 *   <OrderButton sku={sku} onOrderButtonClick={(e) => addToCart(e.detail.lineItem)} />
 *
 * `configure` and `refresh` are re-exported for convenience. Marked as a
 * client module: React Server Components render the wrappers as client
 * components (they need refs and effects). The components and their prop
 * types are generated from custom-elements.json (src/generated/react.ts).
 */
'use client';

import { defineElements } from './elements.js';

export * from './generated/react.js';
export type { AvailabilityInput } from './react-jsx.js';
export type { LineItem, PreorderOptions } from './elements.js';
export { configure, refresh } from './elements.js';

defineElements();
