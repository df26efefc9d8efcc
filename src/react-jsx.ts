/**
 * `preorder-elements/react-jsx`: JSX typings for using the elements directly
 * in React 19, which sets properties and adds listeners for custom events on
 * custom elements itself:
 *
 *   import type {} from 'preorder-elements/react-jsx';
 *   <order-button sku="TEE-RED-M" onorder-button-click={(e) => e.detail.lineItem} />
 *
 * Types only (no runtime code); register the elements yourself
 * (`import 'preorder-elements'`). The prop types here are shared with the
 * wrappers of `preorder-elements/react`; they are generated from
 * custom-elements.json (src/generated/react-jsx.ts).
 */
import type { AvailabilityRecord } from './elements.js';

export type * from './generated/react-jsx.js';

/** The record given inline: an object, or its JSON. No request is made. */
export type AvailabilityInput = AvailabilityRecord | string;
