/**
 * validateRecord (the record of docs/record.md): each field's good and bad values, a bad field
 * dropped alone with a problem naming it, null as absent, and hostile input.
 */
import { expect } from '@open-wc/testing';
import {
  MAX_LOTS,
  MAX_MESSAGE_LENGTH,
  MAX_SKU_LENGTH,
  STATUSES,
  validateRecord,
} from '../../src/engine/index.js';

/** The value a bad field leaves in the record: none at all. */
const DROPPED = Symbol('dropped');

type FieldCase = [field: string, value: unknown, expected: unknown, problem?: string];

const FIELD_CASES: FieldCase[] = [
  ...STATUSES.map((s): FieldCase => ['status', s, s]),
  ['status', 'PREORDER', DROPPED],
  ['status', 'pre-order', DROPPED],
  ['status', 3, DROPPED],
  ['onHand', 0, 0],
  ['onHand', 42, 42],
  ['onHand', -1, DROPPED],
  ['onHand', 1.5, DROPPED],
  ['onHand', Number.NaN, DROPPED],
  ['onHand', Number.POSITIVE_INFINITY, DROPPED],
  ['onHand', 2 ** 53, DROPPED],
  ['onHand', '5', DROPPED],
  ['onHand', true, DROPPED],
  ['onHand', [5], DROPPED],
  ['reserved', 180, 180],
  ['reserved', -3, DROPPED],
  ['reserved', '180', DROPPED],
  ['releaseDate', '2027-03-12', '2027-03-12'],
  ['releaseDate', '2028-02-29', '2028-02-29'],
  ['releaseDate', '2027-03-12T09:00:00Z', '2027-03-12T09:00:00.000Z'],
  ['releaseDate', '2027-03-12T10:00:00+01:00', '2027-03-12T09:00:00.000Z'],
  ['releaseDate', '2027-03-12T01:00:00-08:00', '2027-03-12T09:00:00.000Z'],
  ['releaseDate', '2027-03-12T00:30+14:00', '2027-03-11T10:30:00.000Z'],
  ['releaseDate', '2027-03-12T09:00:00.123456Z', '2027-03-12T09:00:00.123Z'],
  ['releaseDate', '2027-03-12T23:30:00', '2027-03-12'],
  ['releaseDate', '2027-03-12T00:00', '2027-03-12'],
  ['releaseDate', '2027-02-30', DROPPED],
  ['releaseDate', '2027-02-29', DROPPED],
  ['releaseDate', '2027-13-01', DROPPED],
  ['releaseDate', '2027-00-10', DROPPED],
  ['releaseDate', '2027-04-31', DROPPED],
  ['releaseDate', '2027-3-12', DROPPED],
  ['releaseDate', '12/03/2027', DROPPED],
  ['releaseDate', 'next Tuesday', DROPPED],
  ['releaseDate', '', DROPPED],
  ['releaseDate', '2027-03-12T24:00:00Z', DROPPED],
  ['releaseDate', '2027-03-12T09:60:00Z', DROPPED],
  ['releaseDate', '2027-03-12T09:00:00+25:00', DROPPED],
  ['releaseDate', '2027-02-30T09:00:00Z', DROPPED],
  ['releaseDate', '0999-12-31', DROPPED],
  ['releaseDate', '1000-01-01T00:00:00+01:00', DROPPED], // year 999 in UTC
  ['releaseDate', '9999-12-31T23:00:00-05:00', DROPPED], // year 10000 in UTC
  ['releaseDate', 1804838400000, DROPPED],
  ['releaseDate', { date: '2027-03-12' }, DROPPED],
  ['previousExpectedDate', '2027-03-12', '2027-03-12'],
  ['previousExpectedDate', '2027-02-30', DROPPED],
  ['allowPreorder', false, false],
  ['allowPreorder', true, true],
  ['allowPreorder', 'false', DROPPED],
  ['allowPreorder', 0, DROPPED],
  ['allowBackorder', true, true],
  ['allowBackorder', 1, DROPPED],
  ['datePrecision', 'month', 'month'],
  ['datePrecision', 'quarter', 'quarter'],
  ['datePrecision', 'year', DROPPED],
  ['datePrecision', 'Month', DROPPED],
  ['maxPerOrder', 1, 1],
  ['maxPerOrder', 0, DROPPED],
  ['maxPerOrder', -2, DROPPED],
  ['maxPerOrder', 2.5, DROPPED],
  ['lowStockThreshold', 0, 0],
  ['lowStockThreshold', 5, 5],
  ['lowStockThreshold', -1, DROPPED],
  ['cap', 0, 0],
  ['cap', 500, 500],
  ['cap', 'incoming', 'incoming'],
  ['cap', -1, DROPPED],
  ['cap', 1.5, DROPPED],
  ['cap', '500', DROPPED],
  ['cap', 'Incoming', DROPPED],
  ['cap', true, DROPPED],
  ['cap', Number.POSITIVE_INFINITY, DROPPED],
  ['expectedDate', '2027-04-02', '2027-04-02'],
  ['expectedDate', '2027-04-02T12:00:00+02:00', '2027-04-02T10:00:00.000Z'],
  [
    'expectedDate',
    { earliest: '2027-03-10', latest: '2027-03-20' },
    { earliest: '2027-03-10', latest: '2027-03-20' },
  ],
  [
    'expectedDate',
    { earliest: '2027-03-10', latest: '2027-03-10' },
    { earliest: '2027-03-10', latest: '2027-03-10' },
  ],
  ['expectedDate', { earliest: '2027-03-20', latest: '2027-03-10' }, DROPPED],
  ['expectedDate', { earliest: '2027-03-10' }, DROPPED],
  ['expectedDate', { earliest: '2027-03-10', latest: '2027-02-30' }, DROPPED],
  ['expectedDate', 'soon', DROPPED],
  ['expectedDate', 20270402, DROPPED],
  ['expectedDate', ['2027-04-02'], DROPPED],
  ['incoming', [{ quantity: 200, date: '2027-03-12' }], [{ quantity: 200, date: '2027-03-12' }]],
  [
    'incoming',
    [{ quantity: 5, date: '2027-03-12T09:00:00+01:00' }],
    [{ quantity: 5, date: '2027-03-12T08:00:00.000Z' }],
  ],
  ['incoming', [], []],
  ['incoming', { quantity: 200, date: '2027-03-12' }, DROPPED],
  ['incoming', '200 on 12 March', DROPPED],
  [
    'incoming',
    [
      { quantity: 200, date: '2027-03-12' },
      { quantity: -5, date: '2027-03-20' },
    ],
    [{ quantity: 200, date: '2027-03-12' }],
    'incoming[1]',
  ],
  [
    'incoming',
    [{ quantity: 2.5, date: '2027-03-12' }, null, { quantity: 3, date: '2027-02-30' }, 'x'],
    // Every lot dropped: no fact is left (issue 16, item 7), unlike `[]`.
    DROPPED,
    'incoming[3]',
  ],
  ['payment', { mode: 'full' }, { mode: 'full' }],
  [
    'payment',
    { mode: 'deposit', depositPercent: 20, price: 49.99 },
    { mode: 'deposit', depositPercent: 20, price: 49.99 },
  ],
  ['payment', { mode: 'deposit', depositAmount: 0 }, { mode: 'deposit', depositAmount: 0 }],
  ['payment', { mode: 'card' }, DROPPED],
  ['payment', 'full', DROPPED],
  ['payment', {}, DROPPED],
  [
    'payment',
    { mode: 'deposit', depositPercent: 150 },
    { mode: 'deposit' },
    'payment.depositPercent',
  ],
  [
    'payment',
    { mode: 'deposit', depositPercent: 0 },
    { mode: 'deposit' },
    'payment.depositPercent',
  ],
  [
    'payment',
    { mode: 'deposit', depositPercent: '20' },
    { mode: 'deposit' },
    'payment.depositPercent',
  ],
  [
    'payment',
    { mode: 'deposit', depositPercent: Number.NaN },
    { mode: 'deposit' },
    'payment.depositPercent',
  ],
  [
    'payment',
    { mode: 'deposit', depositAmount: -5, price: 20 },
    { mode: 'deposit', price: 20 },
    'payment.depositAmount',
  ],
  [
    'payment',
    { mode: 'deposit', depositPercent: 10, price: Number.POSITIVE_INFINITY },
    { mode: 'deposit', depositPercent: 10 },
    'payment.price',
  ],
  ['message', '  Ships in a tin.  ', 'Ships in a tin.'],
  [
    'message',
    '<img src=x onerror=alert(1)>',
    '<img src=x onerror=alert(1)>', // kept as text; the elements render it as text
  ],
  ['message', '   ', DROPPED, 'none'],
  ['message', 42, DROPPED],
  ['message', { text: 'hi' }, DROPPED],
];

function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

describe('validateRecord: each field alone', () => {
  for (const [field, value, expected, problem] of FIELD_CASES) {
    const verdict = expected === DROPPED ? 'dropped' : `-> ${show(expected)}`;
    it(`${field} ${show(value)} ${verdict}`, () => {
      // A good companion field shows that a bad one is dropped alone.
      const companion = field === 'onHand' ? { reserved: 7 } : { onHand: 7 };
      const { record, problems } = validateRecord({ sku: 'A', ...companion, [field]: value });
      expect(record).to.not.equal(null);
      expect(record!.sku).to.equal('A');
      expect(record).to.deep.include(companion);
      if (expected === DROPPED) {
        expect(record, 'no such key').to.not.have.property(field);
      } else {
        expect((record as unknown as Record<string, unknown>)[field]).to.deep.equal(expected);
      }
      const named = problem ?? (expected === DROPPED ? field : null);
      if (named === 'none' || named === null) {
        expect(problems, 'no problems').to.deep.equal([]);
      } else {
        expect(
          problems.map((p) => p.field),
          'a problem names the field',
        ).to.include(named);
        expect(problems.every((p) => p.reason.length > 0)).to.equal(true);
      }
    });
  }
});

describe('validateRecord: sku', () => {
  const long = 'x'.repeat(MAX_SKU_LENGTH);
  const table: [string, unknown, string | null][] = [
    ['a string sku is kept', 'TSHIRT-M', 'TSHIRT-M'],
    ['surrounding spaces are trimmed', '  TSHIRT-M ', 'TSHIRT-M'],
    ['a numeric sku (Shopify variant ids) becomes a string', 40123456789, '40123456789'],
    ['sku 0 becomes "0"', 0, '0'],
    [`a sku of ${MAX_SKU_LENGTH} characters is kept`, long, long],
    [`a sku of ${MAX_SKU_LENGTH + 1} characters is no id`, `${long}x`, null],
    ['an empty sku: no record', '', null],
    ['a blank sku: no record', '   ', null],
    ['a negative number: no record', -1, null],
    ['a fractional number: no record', 1.5, null],
    ['NaN: no record', Number.NaN, null],
    ['an object: no record', { id: 'A' }, null],
    ['null: no record', null, null],
    ['absent: no record', undefined, null],
  ];
  for (const [name, sku, expected] of table) {
    it(name, () => {
      const { record, problems } = validateRecord(sku === undefined ? {} : { sku, onHand: 1 });
      if (expected === null) {
        expect(record).to.equal(null);
        expect(problems.map((p) => p.field)).to.deep.equal(['sku']);
      } else {
        expect(record).to.deep.equal({ sku: expected, onHand: 1 });
      }
    });
  }
});

describe('validateRecord: inputs that are not records', () => {
  const inputs: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ sku: 'A' }]],
    ['a string', '{"sku":"A"}'],
    ['a number', 42],
    ['a boolean', true],
    ['a function', () => ({ sku: 'A' })],
    ['a symbol', Symbol('A')],
    ['a bigint', 10n],
  ];
  for (const [name, input] of inputs) {
    it(`${name}: record null, a "record" problem`, () => {
      const { record, problems } = validateRecord(input);
      expect(record).to.equal(null);
      expect(problems.map((p) => p.field)).to.deep.equal(['record']);
    });
  }
});

describe('validateRecord: hostile and awkward records', () => {
  it('null fields are absent, with no problems (cap null = unlimited is kept)', () => {
    const { record, problems } = validateRecord({
      sku: 'A',
      status: null,
      onHand: null,
      releaseDate: null,
      incoming: null,
      reserved: null,
      cap: null,
      allowPreorder: null,
      allowBackorder: null,
      expectedDate: null,
      datePrecision: null,
      previousExpectedDate: null,
      maxPerOrder: null,
      lowStockThreshold: null,
      payment: null,
      message: null,
    });
    expect(record).to.deep.equal({ sku: 'A', cap: null });
    expect(problems).to.deep.equal([]);
  });

  it('an own "__proto__" key is never read and pollutes nothing', () => {
    const input: unknown = JSON.parse(
      '{"sku":"A","__proto__":{"status":"preorder","onHand":5,"polluted":true}}',
    );
    expect(Object.prototype.hasOwnProperty.call(input, '__proto__')).to.equal(true);
    const { record } = validateRecord(input);
    expect(record).to.deep.equal({ sku: 'A' });
    expect(Object.keys(record!)).to.deep.equal(['sku']);
    expect(Object.getPrototypeOf(record)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(({} as Record<string, unknown>).status).to.equal(undefined);
  });

  it('"__proto__" inside a lot and in payment is never read', () => {
    const input: unknown = JSON.parse(
      '{"sku":"A","incoming":[{"__proto__":{"quantity":5,"date":"2027-03-12"}}],' +
        '"payment":{"__proto__":{"mode":"full"}}}',
    );
    const { record, problems } = validateRecord(input);
    expect(record).to.deep.equal({ sku: 'A' });
    expect(problems.map((p) => p.field)).to.deep.equal(['incoming[0]', 'payment']);
    expect(({} as Record<string, unknown>).mode).to.equal(undefined);
  });

  it('a "constructor" key is ignored, and Object.prototype is untouched', () => {
    const input: unknown = JSON.parse(
      '{"sku":"A","constructor":{"prototype":{"status":"preorder"}},"onHand":2}',
    );
    expect(validateRecord(input).record).to.deep.equal({ sku: 'A', onHand: 2 });
    expect(({} as Record<string, unknown>).status).to.equal(undefined);
  });

  it('inherited fields are never read', () => {
    const input = Object.create({ status: 'preorder', onHand: 9 }) as Record<string, unknown>;
    input.sku = 'A';
    expect(validateRecord(input).record).to.deep.equal({ sku: 'A' });
  });

  it('a record with no prototype is read', () => {
    const input = Object.assign(Object.create(null) as object, { sku: 'A', onHand: 1 });
    expect(validateRecord(input).record).to.deep.equal({ sku: 'A', onHand: 1 });
  });

  it('unknown fields are ignored silently', () => {
    const { record, problems } = validateRecord({ sku: 'A', colour: 'red', onHand: 1 });
    expect(record).to.deep.equal({ sku: 'A', onHand: 1 });
    expect(problems).to.deep.equal([]);
  });

  it(`a megabyte message is cut to MAX_MESSAGE_LENGTH (${MAX_MESSAGE_LENGTH}), with a problem`, () => {
    const { record, problems } = validateRecord({ sku: 'A', message: 'm'.repeat(1 << 20) });
    expect(record!.message).to.equal('m'.repeat(MAX_MESSAGE_LENGTH));
    expect(problems.map((p) => p.field)).to.deep.equal(['message']);
  });

  it('a megabyte string in any field is dropped with a short problem', () => {
    const huge = `2027-03-12${' '.repeat(1 << 20)}`;
    const { record, problems } = validateRecord({ sku: 'A', releaseDate: huge, status: huge });
    expect(record).to.deep.equal({ sku: 'A' });
    expect(problems.map((p) => p.field).sort()).to.deep.equal(['releaseDate', 'status']);
    for (const p of problems) expect(p.reason.length).to.be.below(200);
  });

  it(`only the first ${MAX_LOTS} lots are read`, () => {
    const lots = Array.from({ length: MAX_LOTS + 5 }, () => ({ quantity: 1, date: '2027-03-12' }));
    const { record, problems } = validateRecord({ sku: 'A', incoming: lots });
    expect(record!.incoming).to.have.length(MAX_LOTS);
    expect(problems.map((p) => p.field)).to.deep.equal(['incoming']);
  });

  it('every field bad at once: each dropped alone, each named, the good one kept', () => {
    const { record, problems } = validateRecord({
      sku: 'A',
      onHand: 3,
      status: 'maybe',
      releaseDate: '2027-02-30',
      incoming: 'lots',
      reserved: -1,
      cap: 'all',
      allowPreorder: 'yes',
      allowBackorder: 'no',
      expectedDate: 'soon',
      datePrecision: 'decade',
      previousExpectedDate: 7,
      maxPerOrder: 0,
      lowStockThreshold: 0.5,
      payment: { mode: 'barter' },
      message: ['hi'],
    });
    expect(record).to.deep.equal({ sku: 'A', onHand: 3 });
    expect(problems.map((p) => p.field).sort()).to.deep.equal(
      [
        'allowBackorder',
        'allowPreorder',
        'cap',
        'datePrecision',
        'expectedDate',
        'incoming',
        'lowStockThreshold',
        'maxPerOrder',
        'message',
        'payment',
        'previousExpectedDate',
        'releaseDate',
        'reserved',
        'status',
      ].sort(),
    );
  });

  it('a cyclic or BigInt value yields a problem, not a throw', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const { record, problems } = validateRecord({ sku: 'A', payment: cyclic, onHand: 10n });
    expect(record).to.deep.equal({ sku: 'A' });
    expect(problems.map((p) => p.field).sort()).to.deep.equal(['onHand', 'payment']);
  });
});
