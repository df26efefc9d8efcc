/**
 * The shop's holidays in the engine: business-day maths skip them, nothing
 * leaves on one (the cut-off moves to the next business day), and no transit
 * day is counted on one. 24 December 2026 is a Thursday.
 */
import { expect } from '@open-wc/testing';
import {
  addBusinessDays,
  arrivalWindow,
  decideRender,
  dispatchAt,
  isBusinessDay,
} from '../../src/engine/index.js';
import { BERLIN, record } from './helpers.js';

/** Thursday 24 December 2026, 10:00 in Berlin (09:00 UTC). */
const CHRISTMAS_EVE_10AM = Date.UTC(2026, 11, 24, 9, 0);
const CHRISTMAS = ['2026-12-25', '2026-12-26'];

describe('business days with holidays', () => {
  it('a holiday on a weekday is no business day; a weekend day stays none', () => {
    expect(isBusinessDay('2026-12-25')).to.equal(true);
    expect(isBusinessDay('2026-12-25', CHRISTMAS)).to.equal(false);
    expect(isBusinessDay('2026-12-24', CHRISTMAS)).to.equal(true);
    expect(isBusinessDay('2026-12-26', CHRISTMAS)).to.equal(false); // a Saturday anyway
  });

  const table: [string, number, string[], string][] = [
    // from, business days, holidays, result
    ['2026-12-24', 1, [], '2026-12-25'],
    ['2026-12-24', 1, ['2026-12-25'], '2026-12-28'],
    ['2026-12-24', 1, ['2026-12-25', '2026-12-28'], '2026-12-29'],
    ['2026-12-24', 3, ['2026-12-25'], '2026-12-30'],
    ['2026-12-23', 6, ['2026-12-25', '2027-01-01'], '2027-01-04'],
    ['2026-12-29', -1, ['2026-12-28'], '2026-12-25'],
    ['2026-12-29', -1, ['2026-12-25', '2026-12-28'], '2026-12-24'],
    // A holiday that is not in the way changes nothing.
    ['2026-12-24', 1, ['2027-01-01'], '2026-12-25'],
    // 0 from a holiday stays on it.
    ['2026-12-25', 0, ['2026-12-25'], '2026-12-25'],
  ];
  for (const [from, days, holidays, expected] of table) {
    it(`${from} ${days >= 0 ? '+' : ''}${days} business days, holidays [${holidays}] -> ${expected}`, () =>
      expect(addBusinessDays(from, days, holidays)).to.equal(expected));
  }

  it('arrivalWindow counts no transit day on a holiday', () => {
    expect(arrivalWindow('2026-12-24', [2, 3])).to.deep.equal({
      earliest: '2026-12-28',
      latest: '2026-12-29',
    });
    expect(arrivalWindow('2026-12-24', [2, 3], ['2026-12-25'])).to.deep.equal({
      earliest: '2026-12-29',
      latest: '2026-12-30',
    });
  });

  it('dispatchAt: nothing leaves on a holiday, even before the cut-off', () => {
    // 10:00 with a 14:00 cut-off: 240 minutes left on an ordinary Thursday.
    expect(dispatchAt(CHRISTMAS_EVE_10AM, 14 * 60, BERLIN)).to.deep.equal({
      shipDay: '2026-12-24',
      minutesLeft: 240,
    });
    expect(dispatchAt(CHRISTMAS_EVE_10AM, 14 * 60, BERLIN, ['2026-12-24'])).to.deep.equal({
      shipDay: '2026-12-25',
      minutesLeft: null,
    });
    expect(
      dispatchAt(CHRISTMAS_EVE_10AM, 14 * 60, BERLIN, ['2026-12-24', ...CHRISTMAS]),
    ).to.deep.equal({ shipDay: '2026-12-28', minutesLeft: null });
  });
});

describe('decideRender with holidays: cut-off and arrival window', () => {
  const inStock = record({ onHand: 40 });
  const render = (holidays?: string[], cutoff: string | null = '14:00') =>
    decideRender(inStock, {
      now: CHRISTMAS_EVE_10AM,
      timeZone: BERLIN,
      cutoff,
      transitDays: '2-3',
      holidays,
    });

  it('without holidays: ships today, arrives Mon 28 - Tue 29', () => {
    const decision = render();
    expect(decision.dispatch).to.deep.equal({ shipDay: '2026-12-24', minutesLeft: 240 });
    expect(decision.arrival).to.deep.equal({ earliest: '2026-12-28', latest: '2026-12-29' });
  });

  it('a holiday in transit pushes the arrival window, not the dispatch', () => {
    const decision = render(['2026-12-25']);
    expect(decision.dispatch).to.deep.equal({ shipDay: '2026-12-24', minutesLeft: 240 });
    expect(decision.arrival).to.deep.equal({ earliest: '2026-12-29', latest: '2026-12-30' });
  });

  it('closed today: the order leaves on the next business day, and arrives after it', () => {
    const decision = render(['2026-12-24', ...CHRISTMAS]);
    expect(decision.dispatch).to.deep.equal({ shipDay: '2026-12-28', minutesLeft: null });
    expect(decision.arrival).to.deep.equal({ earliest: '2026-12-30', latest: '2026-12-31' });
  });

  it('without a cut-off, the arrival window still starts from the next business day open', () => {
    const decision = render(['2026-12-24', ...CHRISTMAS], null);
    expect(decision.dispatch).to.equal(null);
    expect(decision.arrival).to.deep.equal({ earliest: '2026-12-30', latest: '2026-12-31' });
  });
});
