/**
 * The script-tag build (dist/preorder-elements.js): one classic script that
 * reads its own data-* attributes, registers the elements and exposes
 * window.PreorderElements. Safe to load twice, and beside an npm copy.
 */
import { optionsFromDataset, setScriptOptions } from './data/index.js';
import { defineElements } from './elements/define.js';
import * as api from './elements.js';

declare const __VERSION__: string;

type Api = typeof api & { version: string };
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
window.PreorderElements = existing ?? { ...api, version: __VERSION__ };
