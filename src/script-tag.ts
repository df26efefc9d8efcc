/**
 * The script-tag build (dist/preorder-elements.js): one classic script that
 * reads its own data-* attributes, registers the elements and exposes
 * window.PreorderElements. Safe to load twice, and beside an npm copy.
 */
import { optionsFromDataset, setScriptOptions } from './data/index.js';
import type * as elements from './elements.js';
import {
  AvailabilityBadge,
  AvailabilityElement,
  AvailabilityError,
  ELEMENTS,
  ExpectedDate,
  OrderButton,
  configure,
  defineElements,
  getOptions,
  refresh,
} from './elements.js';

declare const __VERSION__: string;

// src/elements.ts's value exports (and the version) as a plain object rather than its module
// namespace (for which the bundler ships a getter per export). tsc reports a
// name here that elements.ts does not export; a new export there must be added
// here by hand (its `export type *` names are types only, so the type cannot).
const api = {
  AvailabilityBadge,
  AvailabilityElement,
  AvailabilityError,
  ELEMENTS,
  ExpectedDate,
  OrderButton,
  configure,
  defineElements,
  getOptions,
  refresh,
  version: __VERSION__,
} satisfies Partial<typeof elements> & { version: string };

type Api = typeof api;
declare global {
  interface Window {
    PreorderElements?: Api;
  }
}

const script = document.currentScript;
if (script instanceof HTMLScriptElement) setScriptOptions(optionsFromDataset(script.dataset));

const existing = window.PreorderElements;
if (existing && existing.version !== __VERSION__) {
  console.warn(
    `[preorder-elements] ${__VERSION__} loaded on a page that already has ${existing.version}: the elements of ${existing.version} stay in use.`,
  );
}
defineElements();
window.PreorderElements = existing ?? api;
