/**
 * Record validation (docs/record.md): any input at all gives a clean record plus
 * the list of what was dropped and why. A bad field never spoils the others,
 * and nothing here throws.
 *
 * Every field, nested ones too, is read through one table of rules: a reader
 * that gives the clean value (undefined = rejected) and what it expects, so a
 * problem always reads `expected <what>, got <value>`.
 */
import { normalizeIsoDate } from './calendar.js';
import {
  PAYMENT_MODES,
  PRECISIONS,
  STATUSES,
  type AvailabilityRecord,
  type DateWindow,
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
/** Gives the clean value, or undefined to reject it; may report problems of its parts. */
type Reader = (value: unknown, problems: Problem[], field: string) => unknown;
type Rule = readonly [read: Reader, expected: string];
type Rules = Record<string, Rule>;

/** A plain object: not null, not an array. */
export const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value as JSON, kept short; a cyclic object or a BigInt by its type. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = String(JSON.stringify(value));
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reports a problem; undefined, so a reader can reject with it. */
function report(problems: Problem[], field: string, expected: string, got: unknown): undefined {
  problems.push({ field, reason: `expected ${expected}, got ${preview(got)}` });
  return undefined;
}

/** Own properties only: `__proto__` and inherited keys are never read. */
const own = (source: unknown, key: string): unknown =>
  isPlainObject(source) && Object.hasOwn(source, key) ? source[key] : undefined;

/**
 * Reads each field `rules` names, alone. Null, like absent, is no problem: it
 * is how many APIs say "absent".
 */
function readFields(source: unknown, rules: Rules, problems: Problem[], prefix = ''): Plain {
  const clean: Plain = {};
  for (const key in rules) {
    const [read, expected] = rules[key];
    const raw = own(source, key);
    const value = read(raw, problems, prefix + key);
    if (value === undefined) {
      if (raw != null) report(problems, prefix + key, expected, raw);
    } else if (value !== '') clean[key] = value; // a blank message is no message
  }
  return clean;
}

/** An object whose every field is good, or nothing: its parts are not reported on their own. */
const readWhole =
  <T>(rules: Rules) =>
  (value: unknown): T | undefined => {
    const clean = readFields(value, rules, []);
    return Object.keys(clean).length === Object.keys(rules).length ? (clean as T) : undefined;
  };

/** Keeps the first `max` characters or items, reporting the cut. */
function cut<T extends string | unknown[]>(
  value: T,
  max: number,
  problems: Problem[],
  field: string,
): T {
  if (value.length > max)
    report(problems, field, `at most ${max} (the rest is ignored)`, value.length);
  return value.slice(0, max) as T;
}

const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** A rule for a value kept as it is when it passes `test`. */
const rule = (test: (value: unknown) => boolean, expected: string): Rule => [
  (value) => (test(value) ? value : undefined),
  expected,
];
const oneOf = (values: readonly string[]) =>
  rule((value) => values.includes(value as string), `one of ${values.join(', ')}`);

const COUNT = rule(isCount, 'an integer >= 0');
/** Most money we print: beyond it an amount is not a price. */
export const MAX_AMOUNT = 1e12;
const AMOUNT: Rule = [
  // `+ 0`: -0 reads 0 ("Pay $0.00", never "-$0.00").
  (value) =>
    typeof value === 'number' && value >= 0 && value <= MAX_AMOUNT ? value + 0 : undefined,
  `a number from 0 to ${MAX_AMOUNT}`,
];
const BOOLEAN = rule((value) => typeof value === 'boolean', 'a boolean');
const readDate = (value: unknown) =>
  (typeof value === 'string' && normalizeIsoDate(value)) || undefined;
const DATE: Rule = [readDate, 'an ISO date'];
const MODE = oneOf(PAYMENT_MODES);

const readLot = readWhole({ quantity: COUNT, date: DATE });
/** What a supply lot is expected to be. */
const LOT = `{ quantity: ${COUNT[1]}, date: ${DATE[1]} }`;
const readWindow = readWhole<DateWindow>({ earliest: DATE, latest: DATE });

/** Payment terms but their mode: each read alone. */
const AMOUNTS: Rules = {
  depositPercent: rule(
    (value) => typeof value === 'number' && value > 0 && value <= 100,
    'a number in (0, 100]',
  ),
  depositAmount: AMOUNT,
  price: AMOUNT,
};

/** The record's fields but `sku`, in the record's order. */
const RECORD: Rules = {
  status: oneOf(STATUSES),
  onHand: COUNT,
  releaseDate: DATE,
  incoming: [
    (value, problems, field) => {
      const lots =
        Array.isArray(value) &&
        cut(value, MAX_LOTS, problems, field)
          // A lot is never absent: a null one is reported too.
          .map((lot, index) => readLot(lot) ?? report(problems, `${field}[${index}]`, LOT, lot))
          .filter(Boolean);
      // `[]` says "nothing incoming"; a list whose every lot was dropped says nothing
      // ('': dropped, each lot reported already, and never the whole list previewed).
      return lots ? (lots.length || !value.length ? lots : '') : undefined;
    },
    `an array of ${LOT}`,
  ],
  reserved: COUNT,
  cap: rule(
    (value) => value === null || value === 'incoming' || isCount(value),
    `${COUNT[1]}, "incoming" or null`,
  ),
  allowPreorder: BOOLEAN,
  allowBackorder: BOOLEAN,
  expectedDate: [
    (value) => {
      const window = readWindow(value);
      return readDate(value) ?? (window && window.earliest <= window.latest ? window : undefined);
    },
    `${DATE[1]} or { earliest, latest }, earliest first`,
  ],
  datePrecision: oneOf(PRECISIONS),
  previousExpectedDate: DATE,
  maxPerOrder: rule((value) => isCount(value) && value > 0, 'an integer >= 1'),
  lowStockThreshold: COUNT,
  payment: [
    // Terms without a known mode mean nothing: the whole of them is dropped.
    (value, problems, field) => {
      const mode = MODE[0](own(value, 'mode'), problems, field);
      return mode && { mode, ...readFields(value, AMOUNTS, problems, `${field}.`) };
    },
    `{ mode: ${MODE[1]} }`,
  ],
  message: [
    (value, problems, field) =>
      typeof value === 'string'
        ? cut(value.trim(), MAX_MESSAGE_LENGTH, problems, field)
        : undefined,
    'a string',
  ],
};

/** A raw record's SKU as validation reads it (trimmed; a count as text); undefined when it has none. */
export function recordSku(input: unknown): string | undefined {
  const value = own(input, 'sku');
  const sku = isCount(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  return sku && sku.length <= MAX_SKU_LENGTH ? sku : undefined;
}

/** Validates one raw record. Never throws. */
export function validateRecord(input: unknown): ValidationResult {
  const problems: Problem[] = [];
  let record: AvailabilityRecord | null = null;
  if (!isPlainObject(input)) report(problems, 'record', 'an object', input);
  else {
    const sku = recordSku(input);
    // Without an id there is no record, and nothing more to say about it.
    if (!sku) report(problems, 'sku', 'a non-empty string', own(input, 'sku'));
    else record = { sku, ...readFields(input, RECORD, problems) } as AvailabilityRecord;
  }
  return { record, problems };
}
