/**
 * Property-based tests (bad data never breaks the page): generated records of every
 * shape through validateRecord and decide. Seeds are random on every run;
 * fast-check prints the seed and the shrunk counterexample on failure, and
 * `fc.assert(..., { seed, path })` replays it.
 *
 * Runs per property are in RUNS; 14,500 generated inputs in total.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  capUnits,
  dayOf,
  decide,
  isCalendarDay,
  isTimeZone,
  LABEL_KEYS,
  MAX_LOTS,
  MAX_MESSAGE_LENGTH,
  MAX_SKU_LENGTH,
  PAYMENT_MODES,
  PRECISIONS,
  remainingCapacity,
  STATUSES,
  validateRecord,
  wallClock,
  type AvailabilityRecord,
  type DecideOptions,
  type Decision,
  type MessageKey,
  type ShipDate,
} from '../../src/engine/index.js';
import { BERLIN, KIRITIMATI, LA, NOW, PAGO_PAGO } from './helpers.js';

const RUNS = {
  validateAnything: 2000,
  validateRecordShaped: 3000,
  decideOutputs: 2500,
  remainingNeverNegative: 1000,
  monotoneShipDate: 2500,
  capNeverExceeded: 2500,
  maxQuantityRespected: 1000,
};

// ---------------------------------------------------------------- arbitraries

const DAY_MS = 86_400_000;
const HUGE = 'x'.repeat(1 << 20);
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
const ZONES = [undefined, BERLIN, LA, KIRITIMATI, PAGO_PAGO, 'Asia/Kolkata', 'UTC'];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A calendar day within a few years of NOW. */
const nearDay = fc.integer({ min: -500, max: 900 }).map((n) => isoDay(NOW + n * DAY_MS));
/** An instant near NOW, written with one of several offsets (or none). */
const nearInstant = fc
  .tuple(
    fc.integer({ min: -500 * 24, max: 900 * 24 }),
    fc.constantFrom('Z', '+01:00', '-08:00', '+14:00', '-11:00', '+0530', ''),
  )
  .map(
    ([hours, offset]) => `${new Date(NOW + hours * 3_600_000).toISOString().slice(0, 16)}${offset}`,
  );
const badDate = fc.oneof(
  fc.constantFrom(
    '2027-02-30',
    '2027-13-01',
    '2027-00-10',
    '0999-12-31',
    '2027-03-12T25:00Z',
    '2027-03-12T09:00+99:99',
    '1000-01-01T00:00+01:00',
    '9999-12-31T23:00-05:00',
    'soon',
    '',
    HUGE,
  ),
  fc.string({ maxLength: 30 }),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom(...MARKUP),
);
const dateish = fc.oneof(
  { arbitrary: nearDay, weight: 5 },
  { arbitrary: nearInstant, weight: 3 },
  { arbitrary: badDate, weight: 1 },
  { arbitrary: wrongType, weight: 1 },
);
const countish = fc.oneof(
  { arbitrary: fc.nat({ max: 40 }), weight: 4 },
  { arbitrary: fc.nat({ max: 1000 }), weight: 2 },
  { arbitrary: fc.integer({ min: -20, max: -1 }), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  {
    arbitrary: fc.constantFrom('5', '', Number.NaN, Infinity, -Infinity, 2 ** 53, 0.5, -0),
    weight: 1,
  },
  { arbitrary: wrongType, weight: 1 },
);
const lotish = fc.oneof(
  { arbitrary: fc.record({ quantity: countish, date: dateish }), weight: 6 },
  { arbitrary: fc.record({ quantity: countish, date: dateish }, { requiredKeys: [] }), weight: 1 },
  { arbitrary: fc.anything(), weight: 1 },
);
const paymentish = fc.oneof(
  {
    arbitrary: fc.record(
      {
        mode: fc.oneof(fc.constantFrom(...PAYMENT_MODES), fc.string({ maxLength: 8 })),
        depositPercent: fc.oneof(fc.integer({ min: -10, max: 150 }), fc.double(), wrongType),
        depositAmount: fc.oneof(fc.double({ min: -10, max: 500 }), fc.double(), wrongType),
        price: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double(), wrongType),
      },
      { requiredKeys: [] },
    ),
    weight: 4,
  },
  { arbitrary: fc.anything(), weight: 1 },
);

/** Raw records: mostly plausible, every field sometimes wrong, hostile keys sometimes. */
const rawRecord = fc
  .tuple(
    fc.record(
      {
        sku: fc.oneof(
          { arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 6 },
          { arbitrary: fc.nat(), weight: 1 },
          { arbitrary: fc.constantFrom('', '   ', HUGE, ...MARKUP), weight: 1 },
          { arbitrary: wrongType, weight: 1 },
        ),
        status: fc.oneof(
          { arbitrary: fc.constantFrom(...STATUSES), weight: 4 },
          { arbitrary: fc.constantFrom('PREORDER', 'toString', '__proto__', HUGE), weight: 1 },
          { arbitrary: wrongType, weight: 1 },
        ),
        onHand: countish,
        releaseDate: dateish,
        incoming: fc.oneof(
          { arbitrary: fc.array(lotish, { maxLength: 6 }), weight: 6 },
          {
            arbitrary: fc.array(lotish, { minLength: MAX_LOTS, maxLength: MAX_LOTS + 3 }),
            weight: 1,
          },
          { arbitrary: wrongType, weight: 1 },
        ),
        reserved: countish,
        cap: fc.oneof(
          { arbitrary: countish, weight: 3 },
          { arbitrary: fc.constantFrom('incoming', null, 'Incoming'), weight: 2 },
        ),
        allowPreorder: fc.oneof(fc.boolean(), wrongType),
        allowBackorder: fc.oneof(fc.boolean(), fc.boolean(), wrongType),
        expectedDate: fc.oneof(
          { arbitrary: dateish, weight: 2 },
          {
            arbitrary: fc.record({ earliest: dateish, latest: dateish }, { requiredKeys: [] }),
            weight: 2,
          },
          { arbitrary: fc.record({ earliest: nearDay, latest: nearInstant }), weight: 1 },
        ),
        datePrecision: fc.oneof(fc.constantFrom(...PRECISIONS), fc.string({ maxLength: 8 })),
        previousExpectedDate: dateish,
        maxPerOrder: countish,
        lowStockThreshold: countish,
        payment: paymentish,
        message: fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(HUGE, ' \n\t ', ...MARKUP),
          wrongType,
        ),
      },
      { requiredKeys: [] },
    ),
    fc.option(fc.anything(), { nil: undefined }),
    fc.option(fc.anything(), { nil: undefined }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 3 }),
  )
  .map(([fields, proto, ctor, extra]) => {
    const raw: Record<string, unknown> = { ...extra, ...fields };
    // Own keys, as JSON.parse makes them; a plain assignment would set the prototype.
    const own = (key: string, value: unknown) =>
      Object.defineProperty(raw, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    if (proto !== undefined) own('__proto__', proto);
    if (ctor !== undefined) own('constructor', ctor);
    return raw;
  });

/** Validated records, from the raw generator (those with a usable sku). */
const messyRecord = rawRecord
  .map((raw) => validateRecord(raw).record)
  .filter((r): r is AvailabilityRecord => r !== null);

/** Clean records that exercise queues, caps and splits (valid values only). */
const queueRecord: fc.Arbitrary<AvailabilityRecord> = fc
  .record(
    {
      status: fc.constantFrom(...STATUSES),
      onHand: fc.nat({ max: 30 }),
      releaseDate: fc.oneof(nearDay, nearInstant),
      incoming: fc.array(
        fc.record({ quantity: fc.nat({ max: 300 }), date: fc.oneof(nearDay, nearInstant) }),
        { maxLength: 5 },
      ),
      reserved: fc.nat({ max: 700 }),
      cap: fc.oneof(fc.nat({ max: 900 }), fc.constantFrom('incoming', null)),
      allowPreorder: fc.boolean(),
      allowBackorder: fc.boolean(),
      expectedDate: fc.oneof(nearDay, fc.record({ earliest: nearDay, latest: nearDay })),
      datePrecision: fc.constantFrom(...PRECISIONS),
      previousExpectedDate: nearDay,
      maxPerOrder: fc.integer({ min: 1, max: 60 }),
      lowStockThreshold: fc.nat({ max: 20 }),
    },
    { requiredKeys: [] },
  )
  .map((fields) => validateRecord({ sku: 'Q', ...fields }).record)
  .filter((r): r is AvailabilityRecord => r !== null);

const anyRecord = fc.oneof(
  { arbitrary: queueRecord, weight: 3 },
  { arbitrary: messyRecord, weight: 2 },
);

const options = fc.record({
  quantity: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 30 }), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 1500 }), weight: 2 },
    { arbitrary: fc.oneof(fc.integer({ min: -5, max: 0 }), fc.double()), weight: 1 },
  ),
  now: fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + 400 * DAY_MS }),
  timeZone: fc.oneof(
    { arbitrary: fc.constantFrom(...ZONES), weight: 8 },
    { arbitrary: fc.constantFrom('Mars/Olympus_Mons', '', 'europe/berlin'), weight: 1 },
  ),
  notify: fc.boolean(),
});

/**
 * A quantity and a clock for comparing q with q + 1. `pick` chooses between a
 * random quantity and one on an edge of the record (a lot boundary, the stock,
 * the room left), where off-by-one mistakes live.
 */
const ordering = fc.record({
  quantity: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1200 })),
  pick: fc.nat(),
  now: fc.integer({ min: NOW - 3 * DAY_MS, max: NOW + 3 * DAY_MS }),
  timeZone: fc.constantFrom(...ZONES),
});

/** Quantities at the edges of `record`: where a lot runs out, the stock ends, the cap is met. */
function edgeQuantities(record: AvailabilityRecord, timeZone: string | undefined): number[] {
  const reserved = record.reserved ?? 0;
  const onHand = record.onHand ?? 0;
  const lots = [...(record.incoming ?? [])].sort((a, b) =>
    dayOf(a.date, timeZone) < dayOf(b.date, timeZone) ? -1 : 1,
  );
  const edges = [onHand, remainingCapacity(record) ?? 0];
  let covered = 0;
  for (const lot of lots) {
    covered += lot.quantity;
    edges.push(covered - reserved, covered - reserved + onHand);
  }
  return edges.flatMap((q) => [q - 1, q, q + 1]).filter((q) => q >= 1);
}

function chooseQuantity(
  record: AvailabilityRecord,
  { quantity, pick, timeZone }: { quantity: number; pick: number; timeZone: string | undefined },
): number {
  const edges = edgeQuantities(record, timeZone);
  return pick % 3 === 0 || edges.length === 0 ? quantity : edges[pick % edges.length]!;
}

// ---------------------------------------------------------------- checks

const KNOWN_FIELDS = new Set([
  'sku',
  'status',
  'onHand',
  'releaseDate',
  'incoming',
  'reserved',
  'cap',
  'allowPreorder',
  'allowBackorder',
  'expectedDate',
  'datePrecision',
  'previousExpectedDate',
  'maxPerOrder',
  'lowStockThreshold',
  'payment',
  'message',
]);
const SHIP_KINDS = ['now', 'day', 'window', 'tbc', 'none'];
const ORDER_KINDS = ['in_stock', 'preorder', 'backorder', 'mixed', null];
const MESSAGE_KEYS: MessageKey[] = [
  'onlyLeftToPreorder',
  'onlyLeftToBackorder',
  'preordersFull',
  'backordersFull',
  'onlyLeft',
  'onlyAvailable',
  'onlyAvailableToPreorder',
  'onlyAvailableToBackorder',
  'limitPerOrder',
  'payInFull',
  'payOnShip',
  'payDeposit',
  'payDepositPercent',
  'payDepositAmount',
  'splitShipment',
  'merchantMessage',
];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isIso = (v: unknown) =>
  typeof v === 'string' &&
  (isCalendarDay(v) ||
    (INSTANT.test(v) && isCalendarDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v))));
const onlyKeys = (value: object, keys: string[]) =>
  Reflect.ownKeys(value).every((k) => typeof k === 'string' && keys.includes(k));

/** Throws unless `record` holds only known fields, each of a valid type and range. */
function assertClean(record: AvailabilityRecord): void {
  expect(Object.getPrototypeOf(record)).to.equal(Object.prototype);
  for (const key of Reflect.ownKeys(record)) {
    expect(typeof key === 'string' && KNOWN_FIELDS.has(key), `unknown key ${String(key)}`).to.equal(
      true,
    );
  }
  const r = record as unknown as Record<string, unknown>;
  expect(typeof r.sku === 'string' && r.sku.length >= 1 && r.sku.length <= MAX_SKU_LENGTH).to.equal(
    true,
  );
  const valid: Record<string, (v: unknown) => boolean> = {
    status: (v) => (STATUSES as readonly unknown[]).includes(v),
    onHand: isCount,
    reserved: isCount,
    releaseDate: isIso,
    previousExpectedDate: isIso,
    allowPreorder: (v) => typeof v === 'boolean',
    allowBackorder: (v) => typeof v === 'boolean',
    datePrecision: (v) => (PRECISIONS as readonly unknown[]).includes(v),
    maxPerOrder: (v) => isCount(v) && (v as number) >= 1,
    lowStockThreshold: isCount,
    cap: (v) => v === null || v === 'incoming' || isCount(v),
    incoming: (v) =>
      Array.isArray(v) &&
      v.length <= MAX_LOTS &&
      v.every(
        (lot: { quantity: unknown; date: unknown }) =>
          onlyKeys(lot, ['quantity', 'date']) && isCount(lot.quantity) && isIso(lot.date),
      ),
    expectedDate: (v) =>
      isIso(v) ||
      (typeof v === 'object' &&
        v !== null &&
        onlyKeys(v, ['earliest', 'latest']) &&
        isIso((v as { earliest: unknown }).earliest) &&
        isIso((v as { latest: unknown }).latest)),
    payment: (v) => {
      if (typeof v !== 'object' || v === null) return false;
      const p = v as Record<string, unknown>;
      const amount = (a: unknown) =>
        a === undefined || (typeof a === 'number' && Number.isFinite(a) && a >= 0);
      return (
        onlyKeys(p, ['mode', 'depositPercent', 'depositAmount', 'price']) &&
        (PAYMENT_MODES as readonly unknown[]).includes(p.mode) &&
        (p.depositPercent === undefined ||
          (typeof p.depositPercent === 'number' &&
            p.depositPercent > 0 &&
            p.depositPercent <= 100)) &&
        amount(p.depositAmount) &&
        amount(p.price)
      );
    },
    message: (v) => typeof v === 'string' && v.length >= 1 && v.length <= MAX_MESSAGE_LENGTH,
  };
  for (const [field, check] of Object.entries(valid)) {
    if (field in r)
      expect(check(r[field]), `${field}: ${String(r[field]).slice(0, 60)}`).to.equal(true);
  }
}

function firstDay(ship: ShipDate): string | null {
  return ship.kind === 'day' ? ship.day : ship.kind === 'window' ? ship.earliest : null;
}

/** Orders ship dates: now < any day (by its first day) < tbc/none. */
function rank(ship: ShipDate): string {
  if (ship.kind === 'now') return '0';
  return firstDay(ship) ?? '~';
}

/** Throws unless the decision uses only defined values and keeps its promises. */
function assertDecision(
  decision: Decision,
  record: AvailabilityRecord,
  opts: DecideOptions & { now: number },
): void {
  expect(STATUSES).to.include(decision.status);
  expect(LABEL_KEYS).to.include(decision.label);
  expect(ORDER_KINDS).to.include(decision.orderKind);
  expect(SHIP_KINDS).to.include(decision.ship.kind);
  expect(decision.orderable).to.be.a('boolean');
  expect(decision.sku).to.equal(record.sku);
  expect(isCount(decision.quantity) && decision.quantity >= 1).to.equal(true);
  expect(decision.remaining === null || isCount(decision.remaining)).to.equal(true);
  expect(decision.maxQuantity === null || isCount(decision.maxQuantity)).to.equal(true);
  if (decision.orderable) expect(decision.orderKind).to.not.equal(null);
  if (['sold_out', 'coming_soon', 'discontinued'].includes(decision.status)) {
    expect(decision.orderable).to.equal(false);
    expect(decision.orderKind).to.equal(null);
    expect(decision.ship.kind).to.equal('none');
  }
  if (decision.label === 'notifyMe') {
    expect(opts.notify).to.equal(true);
    expect(['sold_out', 'coming_soon']).to.include(decision.status);
  }

  const zone = opts.timeZone !== undefined && isTimeZone(opts.timeZone) ? opts.timeZone : undefined;
  const today = wallClock(opts.now, zone).day;
  const ship = decision.ship;
  if (ship.kind === 'day' || ship.kind === 'window') {
    expect(PRECISIONS).to.include(ship.precision);
    const first = ship.kind === 'day' ? ship.day : ship.earliest;
    const last = ship.kind === 'day' ? ship.day : ship.latest;
    expect(isCalendarDay(first) && isCalendarDay(last), `${first}..${last}`).to.equal(true);
    expect(first <= last, 'window in order').to.equal(true);
    expect(last >= today, `never promises a past day (${last} < ${today})`).to.equal(true);
    if (decision.status === 'preorder' && decision.releaseDay !== null) {
      expect(first >= decision.releaseDay, 'never before the release day').to.equal(true);
    }
  }
  if (decision.releaseDay !== null) expect(isCalendarDay(decision.releaseDay)).to.equal(true);
  if (decision.previousShip !== null) {
    expect(isCalendarDay(decision.previousShip)).to.equal(true);
    expect(decision.previousShip).to.not.equal(firstDay(ship));
  }
  if (decision.split) {
    expect(decision.orderKind).to.equal('mixed');
    expect(decision.split.now + decision.split.later).to.equal(decision.quantity);
    expect(decision.split.now >= 1 && decision.split.later >= 1).to.equal(true);
  }
  for (const message of decision.messages) {
    expect(MESSAGE_KEYS).to.include(message.key);
    if ('count' in message) expect(isCount(message.count)).to.equal(true);
    if ('amount' in message) expect(Number.isFinite(message.amount)).to.equal(true);
  }
  for (const warning of decision.warnings) expect(warning).to.be.a('string');
}

// ---------------------------------------------------------------- properties

describe('properties: validateRecord', () => {
  it(`never throws for any value at all (${RUNS.validateAnything} runs)`, () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(anything, (input) => {
        const { record, problems } = validateRecord(input);
        if (record) assertClean(record);
        expect(problems).to.be.an('array');
      }),
      { numRuns: RUNS.validateAnything },
    );
  });

  it(`record-shaped input: never throws, keeps only known fields of valid types, names each problem (${RUNS.validateRecordShaped} runs)`, () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(rawRecord, (raw) => {
        const { record, problems } = validateRecord(raw);
        if (record) assertClean(record);
        for (const p of problems) {
          expect(p.field).to.be.a('string').and.not.equal('');
          expect(p.reason).to.be.a('string');
          expect(p.reason.length).to.be.below(300);
        }
      }),
      { numRuns: RUNS.validateRecordShaped },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(before);
    expect(({} as Record<string, unknown>).status).to.equal(undefined);
  });
});

describe('properties: decide', () => {
  it(`never throws on a validated record and returns only defined values (${RUNS.decideOutputs} runs)`, () => {
    fc.assert(
      fc.property(anyRecord, options, (record, opts) => {
        assertDecision(decide(record, opts), record, opts);
      }),
      { numRuns: RUNS.decideOutputs },
    );
  });

  it(`remaining capacity is never negative (${RUNS.remainingNeverNegative} runs)`, () => {
    fc.assert(
      fc.property(anyRecord, options, (record, opts) => {
        const remaining = remainingCapacity(record);
        expect(remaining === null || remaining >= 0).to.equal(true);
        expect(decide(record, opts).remaining).to.equal(remaining);
      }),
      { numRuns: RUNS.remainingNeverNegative },
    );
  });

  it(`the ship date for q + 1 units is never earlier than for q (${RUNS.monotoneShipDate} runs)`, () => {
    fc.assert(
      fc.property(anyRecord, ordering, (record, order) => {
        const { now, timeZone } = order;
        const quantity = chooseQuantity(record, order);
        const smaller = decide(record, { quantity, now, timeZone });
        const larger = decide(record, { quantity: quantity + 1, now, timeZone });
        expect(
          rank(larger.ship) >= rank(smaller.ship),
          `${quantity}: ${JSON.stringify(smaller.ship)} vs ${quantity + 1}: ${JSON.stringify(larger.ship)}`,
        ).to.equal(true);
      }),
      { numRuns: RUNS.monotoneShipDate },
    );
  });

  it(`a capped queue never accepts past its cap (${RUNS.capNeverExceeded} runs)`, () => {
    fc.assert(
      fc.property(anyRecord, ordering, (record, order) => {
        const { now, timeZone } = order;
        const decision = decide(record, { now, timeZone, quantity: chooseQuantity(record, order) });
        const cap = capUnits(record);
        if (!decision.orderable || cap === null) return;
        const reserved = record.reserved ?? 0;
        if (decision.orderKind === 'preorder' || decision.orderKind === 'backorder') {
          expect(reserved + decision.quantity).to.be.at.most(cap);
        }
        if (decision.orderKind === 'mixed') {
          expect(reserved + decision.split!.later).to.be.at.most(cap);
        }
      }),
      { numRuns: RUNS.capNeverExceeded },
    );
  });

  it(`an orderable quantity is within maxQuantity (${RUNS.maxQuantityRespected} runs)`, () => {
    fc.assert(
      fc.property(anyRecord, options, (record, opts) => {
        const decision = decide(record, opts);
        if (decision.orderable && decision.maxQuantity !== null) {
          expect(decision.quantity).to.be.at.most(decision.maxQuantity);
        }
        if (decision.orderable && record.maxPerOrder !== undefined) {
          expect(decision.quantity).to.be.at.most(record.maxPerOrder);
        }
      }),
      { numRuns: RUNS.maxQuantityRespected },
    );
  });
});
