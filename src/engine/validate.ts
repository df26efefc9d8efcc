/**
 * Record validation (contract s.3): any input at all gives a clean record plus
 * the list of what was dropped and why. A bad field never spoils the others,
 * and nothing here throws.
 */
import { normalizeIsoDate } from './calendar.js';
import {
  PAYMENT_MODES,
  PRECISIONS,
  STATUSES,
  type AvailabilityRecord,
  type DateWindow,
  type IncomingLot,
  type IsoDate,
  type PaymentTerms,
  type Problem,
} from './types.js';

export interface ValidationResult {
  /** The clean record; null when the input has no usable `sku`. */
  record: AvailabilityRecord | null;
  problems: Problem[];
}

/** Longest `sku` accepted; longer is not an id. */
export const MAX_SKU_LENGTH = 256;
/** Longest merchant `message` kept; the rest is cut. */
export const MAX_MESSAGE_LENGTH = 500;
/** Most supply lots read from one record. */
export const MAX_LOTS = 100;

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: `__proto__` and inherited keys are never read. */
function own(source: Plain, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isDate = (v: unknown): IsoDate | null => (typeof v === 'string' ? normalizeIsoDate(v) : null);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

function readSku(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return null;
  const sku = value.trim();
  return sku.length > 0 && sku.length <= MAX_SKU_LENGTH ? sku : null;
}

function readLots(value: unknown, problems: Problem[]): IncomingLot[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({
      field: 'incoming',
      reason: `expected an array of lots, got ${preview(value)}`,
    });
    return undefined;
  }
  if (value.length > MAX_LOTS) {
    problems.push({ field: 'incoming', reason: `only the first ${MAX_LOTS} lots are read` });
  }
  const lots: IncomingLot[] = [];
  value.slice(0, MAX_LOTS).forEach((lot: unknown, index) => {
    const quantity = isPlainObject(lot) ? own(lot, 'quantity') : undefined;
    const date = isPlainObject(lot) ? isDate(own(lot, 'date')) : null;
    if (isCount(quantity) && date) lots.push({ quantity, date });
    else
      problems.push({
        field: `incoming[${index}]`,
        reason: `expected { quantity: integer >= 0, date: ISO date }, got ${preview(lot)}`,
      });
  });
  return lots;
}

function readWindow(value: Plain, problems: Problem[]): DateWindow | undefined {
  const earliest = isDate(own(value, 'earliest'));
  const latest = isDate(own(value, 'latest'));
  if (!earliest || !latest) {
    problems.push({
      field: 'expectedDate',
      reason: `expected a date or { earliest, latest }, got ${preview(value)}`,
    });
    return undefined;
  }
  if (latest < earliest) {
    problems.push({ field: 'expectedDate', reason: 'latest is before earliest' });
    return undefined;
  }
  return { earliest, latest };
}

function readPayment(value: unknown, problems: Problem[]): PaymentTerms | undefined {
  const mode = isPlainObject(value) ? own(value, 'mode') : undefined;
  if (!isPlainObject(value) || !oneOf(PAYMENT_MODES)(mode)) {
    problems.push({
      field: 'payment',
      reason: `expected { mode: "full" | "deposit" | "on_ship" }, got ${preview(value)}`,
    });
    return undefined;
  }
  const payment: PaymentTerms = { mode };
  const percent = own(value, 'depositPercent');
  if (percent !== undefined) {
    if (typeof percent === 'number' && percent > 0 && percent <= 100)
      payment.depositPercent = percent;
    else
      problems.push({
        field: 'payment.depositPercent',
        reason: `expected a number in (0, 100], got ${preview(percent)}`,
      });
  }
  for (const key of ['depositAmount', 'price'] as const) {
    const amount = own(value, key);
    if (amount === undefined) continue;
    if (isAmount(amount)) payment[key] = amount;
    else
      problems.push({
        field: `payment.${key}`,
        reason: `expected a number >= 0, got ${preview(amount)}`,
      });
  }
  return payment;
}

/** Validates one raw record. Never throws. */
export function validateRecord(input: unknown): ValidationResult {
  const problems: Problem[] = [];
  if (!isPlainObject(input)) {
    return {
      record: null,
      problems: [{ field: 'record', reason: `expected an object, got ${preview(input)}` }],
    };
  }
  const sku = readSku(own(input, 'sku'));
  if (sku === null) {
    return {
      record: null,
      problems: [
        { field: 'sku', reason: `expected a non-empty string, got ${preview(own(input, 'sku'))}` },
      ],
    };
  }
  const record: AvailabilityRecord = { sku };
  // Each field: [name, test, what was expected]. A field that fails is dropped alone.
  const simple: [keyof AvailabilityRecord, (v: unknown) => unknown, string][] = [
    ['status', (v) => (oneOf(STATUSES)(v) ? v : undefined), `one of ${STATUSES.join(', ')}`],
    ['onHand', (v) => (isCount(v) ? v : undefined), 'an integer >= 0'],
    ['reserved', (v) => (isCount(v) ? v : undefined), 'an integer >= 0'],
    ['releaseDate', (v) => isDate(v) ?? undefined, 'an ISO date'],
    ['previousExpectedDate', (v) => isDate(v) ?? undefined, 'an ISO date'],
    ['allowPreorder', (v) => (typeof v === 'boolean' ? v : undefined), 'a boolean'],
    ['allowBackorder', (v) => (typeof v === 'boolean' ? v : undefined), 'a boolean'],
    [
      'datePrecision',
      (v) => (oneOf(PRECISIONS)(v) ? v : undefined),
      `one of ${PRECISIONS.join(', ')}`,
    ],
    ['maxPerOrder', (v) => (isCount(v) && v >= 1 ? v : undefined), 'an integer >= 1'],
    ['lowStockThreshold', (v) => (isCount(v) ? v : undefined), 'an integer >= 0'],
  ];
  for (const [field, read, expected] of simple) {
    const raw = own(input, field);
    if (raw === undefined || raw === null) continue; // null is how many APIs say "absent"
    const value = read(raw);
    if (value === undefined)
      problems.push({ field, reason: `expected ${expected}, got ${preview(raw)}` });
    else (record as unknown as Plain)[field] = value;
  }

  const cap = own(input, 'cap');
  if (cap === null || cap === 'incoming' || isCount(cap)) record.cap = cap;
  else if (cap !== undefined)
    problems.push({
      field: 'cap',
      reason: `expected an integer >= 0, "incoming" or null, got ${preview(cap)}`,
    });

  const incoming = own(input, 'incoming');
  if (incoming !== undefined && incoming !== null) {
    const lots = readLots(incoming, problems);
    if (lots) record.incoming = lots;
  }

  const expected = own(input, 'expectedDate');
  if (isPlainObject(expected)) {
    const window = readWindow(expected, problems);
    if (window) record.expectedDate = window;
  } else if (expected !== undefined && expected !== null) {
    const day = isDate(expected);
    if (day) record.expectedDate = day;
    else
      problems.push({
        field: 'expectedDate',
        reason: `expected a date or { earliest, latest }, got ${preview(expected)}`,
      });
  }

  const payment = own(input, 'payment');
  if (payment !== undefined && payment !== null) {
    const terms = readPayment(payment, problems);
    if (terms) record.payment = terms;
  }

  const message = own(input, 'message');
  if (typeof message === 'string') {
    const text = message.trim();
    if (text.length > MAX_MESSAGE_LENGTH) {
      problems.push({ field: 'message', reason: `cut to ${MAX_MESSAGE_LENGTH} characters` });
    }
    if (text) record.message = text.slice(0, MAX_MESSAGE_LENGTH);
  } else if (message !== undefined && message !== null) {
    problems.push({ field: 'message', reason: `expected a string, got ${preview(message)}` });
  }
  return { record, problems };
}
