/**
 * Registers the elements, once: loading the library twice (a theme plus an
 * app, two script tags) must not throw. ELEMENTS is the one list of tags:
 * the tag-name types here are read from it, and `npm run check:lists` holds
 * custom-elements.json (and so the generated wrappers) to it.
 */
import { AvailabilityBadge } from './availability-badge.js';
import { ExpectedDate } from './expected-date.js';
import { OrderButton } from './order-button.js';
import type { PreorderElementsEventMap } from './events.js';
import { openSlice } from '../data/index.js';

export const ELEMENTS = {
  'order-button': OrderButton,
  'expected-date': ExpectedDate,
  'availability-badge': AvailabilityBadge,
} as const;

/** Defines each tag not yet defined. Returns the tags this call defined. */
export function defineElements(): string[] {
  const defined: string[] = [];
  if (typeof customElements === 'undefined') return defined;
  // Defining upgrades every element already on the page, in this task: that counts as rendering.
  openSlice();
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (customElements.get(tag)) continue;
    customElements.define(tag, element);
    defined.push(tag);
  }
  return defined;
}

/** Each tag's element type, read from ELEMENTS. */
type ElementTagNameMap = { [Tag in keyof typeof ELEMENTS]: InstanceType<(typeof ELEMENTS)[Tag]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementTagNameMap extends ElementTagNameMap {}
  // Typed addEventListener for the library's events on any element, the document and the window.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends PreorderElementsEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends PreorderElementsEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends PreorderElementsEventMap {}
}
