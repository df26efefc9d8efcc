/**
 * Side-effect-free entry: the element classes and everything around them,
 * nothing registered. Call defineElements(), or define the classes yourself.
 */
export { OrderButton } from './elements/order-button.js';
export { ExpectedDate } from './elements/expected-date.js';
export { AvailabilityBadge } from './elements/availability-badge.js';
export { AvailabilityElement } from './elements/availability-element.js';
export { defineElements, ELEMENTS } from './elements/define.js';
export type * from './elements/events.js';
export { configure, getOptions, AvailabilityError } from './data/index.js';
export type { PreorderOptions, Fallback, AvailabilityErrorKind } from './data/index.js';
export type * from './engine/types.js';

import { availabilityStore } from './data/index.js';

/** Fetches availability again: one SKU, or every SKU on the page. */
export function refresh(sku?: string): void {
  availabilityStore.refresh(sku);
}
