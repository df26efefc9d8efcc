/**
 * The demo's shared state: the page settings (what configure() gets) and the
 * product page's selection, with change listeners. The panels read it; only
 * `updateSettings` and `updateSelection` write it.
 */
import { configure, type Fallback } from '../src/index.js';

/** Set by demo/server.mjs (`npm start`): the catalog comes from the availability service. */
declare const __PREORDER_DEMO_SERVICE__: boolean | undefined;
export const ON_SERVICE =
  typeof __PREORDER_DEMO_SERVICE__ !== 'undefined' && __PREORDER_DEMO_SERVICE__ === true;

/** The mock endpoint: the gallery's made-up states, and every fault switch. */
export const MOCK_ENDPOINT = '/api/availability?skus={skus}';
/**
 * The endpoint template every element uses unless it has its own `endpoint`:
 * on the service, the real queue (proxied at /service/ by demo/server.mjs).
 */
export const ENDPOINT = ON_SERVICE ? '/service/availability?skus={skus}' : MOCK_ENDPOINT;

/** On the service, open pages follow its changes (GET /events): no refresh needed. */
export const LIVE = ON_SERVICE ? '/service/events?skus={skus}' : null;

/** The endpoint faults the page switch offers: query knobs of the mock. */
export const FAULTS: Record<string, { label: string; knob: string }> = {
  '': { label: 'None', knob: '' },
  slow: { label: 'Slow (answers after 3 s)', knob: 'delay=3000' },
  timeout: { label: 'Too slow (10 s, past the 8 s timeout)', knob: 'delay=10000' },
  '500': { label: 'HTTP 500 (retried twice)', knob: 'fault=500' },
  '503': { label: 'HTTP 503 with Retry-After', knob: 'fault=503' },
  malformed: { label: 'Malformed JSON', knob: 'fault=malformed' },
  html: { label: 'HTML instead of JSON', knob: 'fault=html' },
};

export const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export interface Settings {
  locale: string;
  /** IANA zone; the browser's own by default. */
  timeZone: string;
  currency: string;
  fault: string;
  fallback: Fallback;
}

export const settings: Settings = {
  locale: 'en-US',
  timeZone: BROWSER_TIME_ZONE,
  currency: 'USD',
  fault: '',
  fallback: 'add-to-cart',
};

export interface Selection {
  sku: string;
  quantity: number;
}

export const selection: Selection = { sku: 'LAMP-OAT', quantity: 1 };

type Listener = () => void;
const settingsListeners = new Set<Listener>();
const selectionListeners = new Set<Listener>();

/** The page-wide template: with a fault knob, the mock's (the service has no fault switch). */
export function endpointWithFault(fault = settings.fault): string {
  const knob = FAULTS[fault]?.knob;
  return knob ? `${MOCK_ENDPOINT}&${knob}` : ENDPOINT;
}

/** The gallery's template on the service: its made-up states live in the mock only. */
export const GALLERY_ATTRIBUTE = 'data-demo-gallery';

export function onSettings(listener: Listener): void {
  settingsListeners.add(listener);
}

export function onSelection(listener: Listener): void {
  selectionListeners.add(listener);
}

/** Changes settings, hands them to configure(), and tells the panels. */
export function updateSettings(patch: Partial<Settings>): void {
  Object.assign(settings, patch);
  configure({
    endpoint: endpointWithFault(),
    live: LIVE,
    locale: settings.locale,
    timeZone: settings.timeZone,
    currency: settings.currency,
    fallback: settings.fallback,
  });
  for (const element of document.querySelectorAll(
    'order-button, expected-date, availability-badge',
  )) {
    // Their text is in this language (configure's locale wins over lang; this is for screen readers).
    element.setAttribute('lang', settings.locale);
    // On the service, the gallery asks the mock, with the fault knob as the rest of the page.
    if (ON_SERVICE && element.hasAttribute(GALLERY_ATTRIBUTE)) {
      const knob = FAULTS[settings.fault]?.knob;
      element.setAttribute('endpoint', knob ? `${MOCK_ENDPOINT}&${knob}` : MOCK_ENDPOINT);
    }
  }
  for (const listener of settingsListeners) listener();
}

export function updateSelection(patch: Partial<Selection>): void {
  Object.assign(selection, patch);
  for (const listener of selectionListeners) listener();
}
