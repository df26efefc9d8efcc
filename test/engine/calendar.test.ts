/**
 * calendar.ts (days, zones, business days) and dispatch.ts (order cut-off
 * and delivery window) in more than one store zone.
 */
import { expect } from '@open-wc/testing';
import {
  addBusinessDays,
  addDays,
  arrivalWindow,
  dayOf,
  dispatchAt,
  isCalendarDay,
  isTimeZone,
  isWeekend,
  normalizeIsoDate,
  parseCutoff,
  parseTransitDays,
  wallClock,
  weekday,
  type Dispatch,
} from '../../src/engine/index.js';
import { BERLIN, KIRITIMATI, LA, NOW, PAGO_PAGO } from './helpers.js';

describe('isCalendarDay', () => {
  const table: [string, boolean][] = [
    ['2027-03-12', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1000-01-01', true],
    ['9999-12-31', true],
    ['2027-02-29', false],
    ['1900-02-29', false],
    ['2027-02-30', false],
    ['2027-04-31', false],
    ['2027-13-01', false],
    ['2027-00-01', false],
    ['2027-01-00', false],
    ['0999-12-31', false],
    ['2027-3-12', false],
    ['2027-03-12T00:00', false],
    [' 2027-03-12', false],
    ['20270312', false],
  ];
  for (const [value, expected] of table) {
    it(`${JSON.stringify(value)} is ${expected ? '' : 'not '}a calendar day`, () =>
      expect(isCalendarDay(value)).to.equal(expected));
  }
  it('anything but a string is not, and never throws (an object with no string form)', () => {
    for (const value of [undefined, null, 20270312, ['2027-03-12'], { toString: 0 }])
      expect(isCalendarDay(value)).to.equal(false);
  });
});

describe('normalizeIsoDate', () => {
  const table: [string, string | null][] = [
    ['2027-03-12', '2027-03-12'],
    ['2027-03-12T09:00:00Z', '2027-03-12T09:00:00.000Z'],
    ['2027-03-12T09:00Z', '2027-03-12T09:00:00.000Z'],
    ['2027-03-12T09:00:00.5Z', '2027-03-12T09:00:00.500Z'],
    ['2027-03-12T10:00:00+01:00', '2027-03-12T09:00:00.000Z'],
    ['2027-03-12T10:00:00+0100', '2027-03-12T09:00:00.000Z'],
    ['2027-03-12T00:00:00-11:00', '2027-03-12T11:00:00.000Z'],
    ['2027-03-12T23:59:59', '2027-03-12'],
    ['2027-03-12T09:00', '2027-03-12'],
    ['2027-02-30', null],
    ['2027-02-30T09:00:00Z', null],
    ['2027-03-12T24:00:00Z', null],
    ['2027-03-12T09:00:60Z', null],
    ['2027-03-12 09:00:00Z', null],
    ['2027-03-12T09:00:00+99:99', null],
    ['1000-01-01T00:00:00+01:00', null],
    ['9999-12-31T23:00:00-05:00', null],
    ['1000-01-01T00:00:00Z', '1000-01-01T00:00:00.000Z'],
    [`2027-03-12T09:00:00.${'1'.repeat(40)}Z`, null],
    ['March 12, 2027', null],
    ['', null],
  ];
  for (const [value, expected] of table) {
    it(`${JSON.stringify(value.length > 40 ? `${value.slice(0, 30)}...` : value)} -> ${expected}`, () =>
      expect(normalizeIsoDate(value)).to.equal(expected));
  }
});

describe('wallClock and dayOf: the store zone decides the day', () => {
  // NOW is Thu 26 Nov 2026, 15:00:00 UTC.
  const table: [string, string | undefined, string, number][] = [
    ['UTC', 'UTC', '2026-11-26', 15 * 3600],
    ['Berlin (UTC+1)', BERLIN, '2026-11-26', 16 * 3600],
    ['Los Angeles (UTC-8)', LA, '2026-11-26', 7 * 3600],
    ['Kiritimati (UTC+14): already Friday', KIRITIMATI, '2026-11-27', 5 * 3600],
    ['Pago Pago (UTC-11)', PAGO_PAGO, '2026-11-26', 4 * 3600],
    ['Kolkata (UTC+5:30)', 'Asia/Kolkata', '2026-11-26', 20 * 3600 + 30 * 60],
  ];
  for (const [name, zone, day, seconds] of table) {
    it(`${name}: ${day}, ${seconds / 3600} h`, () => {
      expect(wallClock(NOW, zone)).to.deep.equal({ day, secondsOfDay: seconds });
    });
  }

  it('midnight is hour 0, not 24', () => {
    expect(wallClock(Date.UTC(2026, 10, 26, 0, 0), 'UTC')).to.deep.equal({
      day: '2026-11-26',
      secondsOfDay: 0,
    });
  });

  it('a year before 1000 is padded to four digits, so days still compare as strings', () => {
    const day = wallClock(Date.UTC(1000, 0, 1, 5), LA).day;
    expect(day).to.equal('0999-12-31');
    expect(day < '2026-11-26').to.equal(true);
  });

  it('dayOf keeps a date-only value as that day in every zone', () => {
    for (const zone of [BERLIN, LA, KIRITIMATI, PAGO_PAGO]) {
      expect(dayOf('2027-03-12', zone)).to.equal('2027-03-12');
    }
  });

  it('dayOf reads an instant in the zone', () => {
    expect(dayOf('2027-03-12T09:00:00.000Z', KIRITIMATI)).to.equal('2027-03-12');
    expect(dayOf('2027-03-12T09:00:00.000Z', PAGO_PAGO)).to.equal('2027-03-11');
    expect(dayOf('2027-03-12T11:00:00.000Z', KIRITIMATI)).to.equal('2027-03-13');
  });

  it('isTimeZone knows IANA names and refuses others (also the empty name)', () => {
    expect(isTimeZone(BERLIN)).to.equal(true);
    expect(isTimeZone('UTC')).to.equal(true);
    wallClock(NOW); // caches the runtime zone's formatter
    expect(isTimeZone('')).to.equal(false);
    expect(isTimeZone('Mars/Olympus_Mons')).to.equal(false);
  });
});

describe('business days and weekdays', () => {
  // 2026-11-26 is a Thursday; 28/29 Nov the weekend; 30 Nov a Monday.
  const table: [string, string, number, string][] = [
    ['Thu + 1 = Fri', '2026-11-26', 1, '2026-11-27'],
    ['Thu + 2 = Mon (skips the weekend)', '2026-11-26', 2, '2026-11-30'],
    ['Fri + 1 = Mon', '2026-11-27', 1, '2026-11-30'],
    ['Fri + 5 = next Fri', '2026-11-27', 5, '2026-12-04'],
    ['Sat + 1 = Mon', '2026-11-28', 1, '2026-11-30'],
    ['Sun + 1 = Mon', '2026-11-29', 1, '2026-11-30'],
    ['Sat + 5 = Fri', '2026-11-28', 5, '2026-12-04'],
    ['Sat + 0 stays Sat (documented)', '2026-11-28', 0, '2026-11-28'],
    ['Thu + 0 = Thu', '2026-11-26', 0, '2026-11-26'],
    ['across a month and a year: Thu 31 Dec + 1 = Fri 1 Jan', '2026-12-31', 1, '2027-01-01'],
    ['across Europe DST (Fri 26 Mar 2027 + 1 = Mon 29 Mar)', '2027-03-26', 1, '2027-03-29'],
    ['across US DST (Fri 12 Mar 2027 + 1 = Mon 15 Mar)', '2027-03-12', 1, '2027-03-15'],
  ];
  for (const [name, from, days, expected] of table) {
    it(`addBusinessDays: ${name}`, () => expect(addBusinessDays(from, days)).to.equal(expected));
  }

  it('addDays crosses months, leap days and DST changes', () => {
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2027-03-27', 2)).to.equal('2027-03-29');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2027-03-01', -1)).to.equal('2027-02-28');
  });

  it('weekday and isWeekend', () => {
    expect(weekday('2026-11-26')).to.equal(4);
    expect(weekday('2026-11-29')).to.equal(0);
    expect(isWeekend('2026-11-28')).to.equal(true);
    expect(isWeekend('2026-11-29')).to.equal(true);
    expect(isWeekend('2026-11-30')).to.equal(false);
  });
});

describe('parseCutoff and parseTransitDays', () => {
  const cutoffs: [string | null | undefined, number | null][] = [
    ['14:00', 840],
    ['9:05', 545],
    [' 09:30 ', 570],
    ['00:00', 0],
    ['23:59', 1439],
    ['24:00', null],
    ['12:60', null],
    ['14', null],
    ['2pm', null],
    ['14:00:00', null],
    ['', null],
    [null, null],
    [undefined, null],
  ];
  for (const [value, expected] of cutoffs) {
    it(`parseCutoff(${JSON.stringify(value)}) = ${expected}`, () =>
      expect(parseCutoff(value)).to.equal(expected));
  }

  const transit: [string | null | undefined, [number, number] | null][] = [
    ['2-4', [2, 4]],
    ['2 - 4', [2, 4]],
    ['2–4', [2, 4]],
    ['3', [3, 3]],
    ['0', [0, 0]],
    ['4-2', null],
    ['-2', null],
    ['2-', null],
    ['two', null],
    ['1.5', null],
    ['', null],
    [null, null],
  ];
  for (const [value, expected] of transit) {
    it(`parseTransitDays(${JSON.stringify(value)}) = ${JSON.stringify(expected)}`, () =>
      expect(parseTransitDays(value)).to.deep.equal(expected));
  }
});

describe('dispatchAt: the 14:00 cut-off in the store zone', () => {
  const CUTOFF = 14 * 60;
  const at = (d: number, h: number, m = 0, s = 0, ms = 0) => Date.UTC(2026, 10, d, h, m, s, ms);
  const table: [string, number, string, Dispatch][] = [
    [
      'Berlin, Thu 16:00 (after cut-off): ships Fri',
      NOW,
      BERLIN,
      { shipDay: '2026-11-27', minutesLeft: null },
    ],
    [
      'Los Angeles, Thu 07:00 (before): ships today, 420 min left',
      NOW,
      LA,
      { shipDay: '2026-11-26', minutesLeft: 420 },
    ],
    [
      'Berlin, Thu 13:50:30: 9.5 min left rounds up to 10',
      at(26, 12, 50, 30),
      BERLIN,
      { shipDay: '2026-11-26', minutesLeft: 10 },
    ],
    [
      'Berlin, Thu 13:59:59.999: 1 min left',
      at(26, 12, 59, 59, 999),
      BERLIN,
      { shipDay: '2026-11-26', minutesLeft: 1 },
    ],
    [
      'Berlin, Thu 14:00:00 exactly: missed, ships Fri',
      at(26, 13),
      BERLIN,
      { shipDay: '2026-11-27', minutesLeft: null },
    ],
    [
      'Berlin, Fri 16:00 (after cut-off): ships Mon',
      at(27, 15),
      BERLIN,
      { shipDay: '2026-11-30', minutesLeft: null },
    ],
    [
      'Berlin, Fri 09:00: ships Fri, 300 min left',
      at(27, 8),
      BERLIN,
      { shipDay: '2026-11-27', minutesLeft: 300 },
    ],
    [
      'Berlin, Sat 10:00 (before the hour, but a weekend): ships Mon',
      at(28, 9),
      BERLIN,
      { shipDay: '2026-11-30', minutesLeft: null },
    ],
    [
      'Los Angeles, Sun 08:00: ships Mon',
      at(29, 16),
      LA,
      { shipDay: '2026-11-30', minutesLeft: null },
    ],
    [
      'Kiritimati, Thu 15:00Z is Fri 05:00 there: ships Fri, 540 min left',
      NOW,
      KIRITIMATI,
      { shipDay: '2026-11-27', minutesLeft: 540 },
    ],
    [
      'Kiritimati, Fri 15:00Z is Sat 05:00 there: ships Mon',
      at(27, 15),
      KIRITIMATI,
      { shipDay: '2026-11-30', minutesLeft: null },
    ],
    [
      'Pago Pago, Sat 05:00Z is still Fri 18:00 there (after cut-off): ships Mon',
      at(28, 5),
      PAGO_PAGO,
      { shipDay: '2026-11-30', minutesLeft: null },
    ],
    [
      'Pago Pago, Sat 00:00Z is Fri 13:00 there: ships Fri, 60 min left',
      at(28, 0),
      PAGO_PAGO,
      { shipDay: '2026-11-27', minutesLeft: 60 },
    ],
  ];
  for (const [name, now, zone, expected] of table) {
    it(name, () => expect(dispatchAt(now, CUTOFF, zone)).to.deep.equal(expected));
  }

  it('a midnight cut-off (00:00) is always missed: ships the next business day', () => {
    expect(dispatchAt(NOW, 0, BERLIN)).to.deep.equal({ shipDay: '2026-11-27', minutesLeft: null });
  });
});

describe('arrivalWindow: business days in transit', () => {
  const table: [string, string, [number, number], { earliest: string; latest: string }][] = [
    [
      'contract example: shipped Tue 3 Mar, 2-4 days: Thu 5 - Mon 9 Mar',
      '2026-03-03',
      [2, 4],
      { earliest: '2026-03-05', latest: '2026-03-09' },
    ],
    [
      'shipped Thu 26 Nov, 2-4 days: Mon 30 Nov - Wed 2 Dec',
      '2026-11-26',
      [2, 4],
      { earliest: '2026-11-30', latest: '2026-12-02' },
    ],
    [
      'shipped Fri, 1 day: Mon',
      '2026-11-27',
      [1, 1],
      { earliest: '2026-11-30', latest: '2026-11-30' },
    ],
    [
      '0 days: arrives the ship day',
      '2026-11-26',
      [0, 0],
      { earliest: '2026-11-26', latest: '2026-11-26' },
    ],
    [
      '5-10 days skip two weekends',
      '2026-11-26',
      [5, 10],
      { earliest: '2026-12-03', latest: '2026-12-10' },
    ],
  ];
  for (const [name, ship, days, expected] of table) {
    it(name, () => expect(arrivalWindow(ship, days)).to.deep.equal(expected));
  }
});
