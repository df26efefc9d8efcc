/**
 * The demo for designers and merchants: the real elements on a product page,
 * a collection, and a gallery of every state, against the mock endpoint (the
 * dev server's, or in the static build one answered in the page).
 */
// First: the fetch wrappers (request log; in the static build, the in-page endpoint).
import { STATIC_BUILD } from './network.js';
import { defineElements } from '../src/index.js';
import { byId } from './dom.js';
import { buildGallery } from './gallery.js';
import { initEventLog, initNetworkLog } from './logs.js';
import { initMerchantControls } from './merchant.js';
import { initMessagesPanel } from './messages-panel.js';
import { buildCollection, initProductPage } from './product.js';
import { initSnippet } from './snippet.js';
import { BROWSER_TIME_ZONE, FAULTS, settings, updateSettings, type Settings } from './state.js';
import { initThemePanel } from './theme.js';

function initSettings(): void {
  const form = byId('settings', HTMLFormElement);
  const zone = byId('setting-time-zone', HTMLSelectElement);
  const fault = byId('setting-fault', HTMLSelectElement);
  const note = byId('settings-note', HTMLElement);
  // The browser's own zone first, whatever it is.
  zone.prepend(new Option(`This browser's (${BROWSER_TIME_ZONE})`, BROWSER_TIME_ZONE));
  for (const [value, { label }] of Object.entries(FAULTS)) fault.append(new Option(label, value));
  const read = (): Partial<Settings> => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '');
    return {
      locale: value('locale'),
      timeZone: value('timeZone'),
      currency: value('currency'),
      fault: value('fault'),
      fallback: value('fallback') as Settings['fallback'],
    };
  };
  const describe = () => {
    note.textContent = settings.fault
      ? `Every widget without its own endpoint now asks ${FAULTS[settings.fault]?.label.toLowerCase() ?? ''} endpoint. Buttons show the fallback "${settings.fallback}".`
      : '';
  };
  form.addEventListener('change', () => {
    updateSettings(read());
    describe();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const [name, value] of Object.entries(settings)) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLSelectElement) control.value = value;
  }
}

// src/index.ts registers the elements on import, but package.json's `sideEffects`
// names only dist/index.js: a production build of the demo (which bundles src/)
// drops that import's side effect. Registering explicitly works in both.
defineElements();
document.documentElement.toggleAttribute('data-static-build', STATIC_BUILD);
initSettings();
buildGallery(byId('gallery-groups', HTMLElement));
buildCollection(byId('cards', HTMLElement));
initNetworkLog();
initEventLog();
initMessagesPanel();
initProductPage();
initMerchantControls();
initThemePanel();
initSnippet();
// configure() last, in this task: every element on the page shares one batched request.
updateSettings({});
