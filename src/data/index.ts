/** The data layer every element shares: configuration, requests, cache. */
export {
  configure,
  getOptions,
  onOptionsChange,
  optionsFromDataset,
  resetOptions,
  setScriptOptions,
  validateOptions,
  DEFAULTS,
  FALLBACKS,
} from './config.js';
export type {
  Fallback,
  LabelOverridesOption,
  NullableOptions,
  PreorderOptions,
  ResolvedOptions,
} from './config.js';
export { AvailabilityError } from './errors.js';
export type { AvailabilityErrorKind } from './errors.js';
export { endpointMode, endpointUrl } from './endpoint.js';
export { fetchJson, retryAfterMs } from './http.js';
export { AvailabilityStore, availabilityStore } from './store.js';
export { afterCurrentTask } from './state.js';
export { inSlice, openSlice } from './render-slices.js';
export type { AvailabilityListener, AvailabilityState } from './state.js';
export { AvailabilityController } from './controller.js';
export type { AvailabilitySource, StateChangeCallback } from './controller.js';
export {
  isPromiseOnPage,
  onPromisesChange,
  PromiseOnScreen,
  MAX_REMEMBERED,
} from './date-memory.js';
