/**
 * The module build's first chunk, loaded by its loader (src/module-loader.ts)
 * beside the elements' chunks: the data layer (options, batching, the store),
 * so the page's availability request need not wait for element code, and
 * window.PreorderElements.
 */
import {
  AvailabilityError,
  availabilityStore,
  configure,
  getOptions,
  optionsFromDataset,
  setScriptOptions,
} from './data/index.js';

declare const __VERSION__: string;

/** window.PreorderElements of the module build: the classes and ELEMENTS fill in as each tag is defined. */
const api = {
  AvailabilityError,
  ELEMENTS: {} as Record<string, CustomElementConstructor>,
  configure,
  getOptions,
  /** Loads and defines every tag not yet defined; returns the tags this call started loading. */
  defineElements: (): string[] => [],
  refresh: (sku?: string) => availabilityStore.refresh(sku),
  version: __VERSION__,
} as Record<string, unknown> & { version: string; ELEMENTS: Record<string, unknown> };

const global = window as { PreorderElements?: typeof api };

/** Reads the script tags' data-* (in document order) and publishes the API, unless a copy did. */
export function start(scripts: HTMLScriptElement[], defineElements: () => string[]): void {
  for (const script of scripts) setScriptOptions(optionsFromDataset(script.dataset));
  api.defineElements = defineElements;
  const existing = global.PreorderElements;
  if (existing && existing.version !== __VERSION__) {
    console.warn(
      `[preorder-elements] ${__VERSION__} loaded on a page that already has ${existing.version}: the elements of ${existing.version} stay in use.`,
    );
  }
  global.PreorderElements = existing ?? api;
}

/** Adds a defined tag's class to the API under its public name (`OrderButton` for order-button). */
export function publish(tag: string, named: Record<string, CustomElementConstructor>): void {
  if (global.PreorderElements !== api) return;
  Object.assign(api, named);
  api.ELEMENTS[tag] = Object.values(named)[0];
}

/**
 * Asks for an element's record before its code has arrived: the store batches
 * it with the page's others, and the element, once defined, joins the same
 * request. Elements with inline data ask for nothing; those following an
 * input (`sku-from`) ask once defined, when the input has been read. The
 * subscription is held until the answer (or its failure): a defined element
 * may connect some tasks later (render slices), and must find the request,
 * not an entry let go and a second request.
 */
export function prefetch(element: Element): void {
  const attribute = (name: string) => element.getAttribute(name);
  const sku = attribute('sku');
  const template = attribute('endpoint') || getOptions().endpoint;
  if (!sku || !template || attribute('availability') !== null || attribute('sku-from') !== null)
    return;
  const release = availabilityStore.subscribe(sku, template, (state) => {
    if (state.state !== 'loading') queueMicrotask(() => release()); // assigned by then
  });
}
