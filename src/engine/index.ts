/**
 * The availability engine: pure functions from an availability record to a
 * decision. No DOM, no network; runs in browsers and on servers.
 */
export * from './types.js';
export { validateRecord, MAX_SKU_LENGTH, MAX_MESSAGE_LENGTH, MAX_LOTS } from './validate.js';
export type { ValidationResult } from './validate.js';
export { decide, DEFAULT_CAP_THRESHOLD, firstShipDay } from './decide.js';
export { deriveStatus, isUnreleased } from './status.js';
export type { DerivedStatus } from './status.js';
export { capUnits, incomingTotal, remainingCapacity } from './capacity.js';
export { queueShipDay } from './queue.js';
export { paymentMessage } from './payment.js';
export { arrivalWindow, dispatchAt, parseCutoff, parseTransitDays } from './dispatch.js';
export type { Dispatch } from './dispatch.js';
export {
  addBusinessDays,
  addDays,
  dayOf,
  isCalendarDay,
  isTimeZone,
  isWeekend,
  normalizeIsoDate,
  wallClock,
  weekday,
} from './calendar.js';
