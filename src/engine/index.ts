/**
 * The availability engine: pure functions from an availability record to a
 * decision. No DOM, no network; runs in browsers and on servers.
 * decideRender() is everything one render needs; decide() its core.
 */
export * from './types.js';
export {
  preview,
  recordSku,
  validateRecord,
  isPlainObject,
  MAX_SKU_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_LOTS,
} from './validate.js';
export type { ValidationResult } from './validate.js';
export { decide, storeClock, DEFAULT_CAP_THRESHOLD } from './decide.js';
export type { StoreClock } from './decide.js';
export { decideRender } from './render.js';
export type { RenderDecision, RenderOptions, ShownPromise } from './render.js';
export { firstShipDay, shipDateValue, shipSpan } from './ship-date.js';
export { deriveStatus, isUnreleased } from './status.js';
export type { DerivedStatus } from './status.js';
export { capUnits, incomingTotal, remainingCapacity } from './capacity.js';
export { queueShipDay } from './queue.js';
export { paymentMessage } from './payment.js';
export { arrivalWindow, dispatchAt, parseCutoff, parseTransitDays } from './dispatch.js';
export type { DayWindow, Dispatch } from './dispatch.js';
export {
  addBusinessDays,
  addDays,
  dayOf,
  isBusinessDay,
  isCalendarDay,
  isTimeZone,
  isWeekend,
  normalizeIsoDate,
  quarterOf,
  statedPart,
  utcDate,
  wallClock,
  weekday,
  weekStart,
} from './calendar.js';
export { intl } from './intl.js';
