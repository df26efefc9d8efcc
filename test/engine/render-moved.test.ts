/**
 * decideRender() and what this browser showed before (`lastShown`): a promise
 * moved only when it reads otherwise at the precision it states. 3 and 20
 * March both read "March 2027", so a month promise moving between them is no
 * news; March to April is.
 */
import { expect } from '@open-wc/testing';
import {
  decideRender,
  type DatePrecision,
  type RenderDecision,
  type ShownPromise,
} from '../../src/engine/index.js';
import { BERLIN, NOW, record } from './helpers.js';

/** Renders a pre-order promised for `day` at `precision`, after this browser showed `before`. */
function renderAfter(
  day: string,
  precision: DatePrecision,
  before: ShownPromise | null,
): { decision: RenderDecision; asked: [string, number][] } {
  const asked: [string, number][] = [];
  const decision = decideRender(
    record({ status: 'preorder', expectedDate: day, datePrecision: precision }),
    {
      now: NOW,
      timeZone: BERLIN,
      lastShown: (sku, quantity) => {
        asked.push([sku, quantity]);
        return before;
      },
    },
  );
  return { decision, asked };
}

const shown = (day: string): ShownPromise => ({ day, movedFrom: null });

describe('decideRender: a move at the precision the promise states', () => {
  const cases: [string, DatePrecision, string, string, boolean][] = [
    // name, precision, shown before, promised now, moved
    [
      'month: 3 to 20 March reads "March 2027" both times',
      'month',
      '2027-03-03',
      '2027-03-20',
      false,
    ],
    ['month: 20 to 3 March (earlier, same month)', 'month', '2027-03-20', '2027-03-03', false],
    ['month: 31 March to 1 April crosses the month', 'month', '2027-03-31', '2027-04-01', true],
    ['month: March to April', 'month', '2027-03-03', '2027-04-02', true],
    [
      'month: March 2027 to March 2028 (same month name)',
      'month',
      '2027-03-03',
      '2028-03-03',
      true,
    ],
    [
      'quarter: January to March reads "Q1 2027" both times',
      'quarter',
      '2027-01-05',
      '2027-03-28',
      false,
    ],
    ['quarter: 31 March to 1 April crosses into Q2', 'quarter', '2027-03-31', '2027-04-01', true],
    ['quarter: Q1 2027 to Q1 2028', 'quarter', '2027-02-01', '2028-02-01', true],
    ['day: 3 to 20 March is a move', 'day', '2027-03-03', '2027-03-20', true],
  ];
  for (const [name, precision, before, now, isMove] of cases) {
    it(name, () => {
      const { decision, asked } = renderAfter(now, precision, shown(before));
      expect(asked, 'asked for the SKU and quantity decided').to.deep.equal([['SKU-1', 1]]);
      if (isMove) {
        expect(decision.moved).to.deep.equal({ previous: before, current: now });
        expect(decision.previousShip).to.equal(before);
        expect(decision.shown).to.deep.equal({ day: now, movedFrom: before });
      } else {
        expect(decision.moved).to.equal(null);
        expect(decision.previousShip).to.equal(null);
        expect(decision.shown).to.deep.equal({ day: now, movedFrom: null });
      }
    });
  }

  it('nothing shown before: no move', () => {
    const { decision } = renderAfter('2027-03-20', 'month', null);
    expect(decision.moved).to.equal(null);
    expect(decision.shown).to.deep.equal({ day: '2027-03-20', movedFrom: null });
  });

  it('still moved, not moved again: the notice stays while it still reads otherwise', () => {
    // Shown 2 April after moving from 3 March; now 10 April, same month as 2 April.
    const { decision } = renderAfter('2027-04-10', 'month', {
      day: '2027-04-02',
      movedFrom: '2027-03-03',
    });
    expect(decision.moved, 'no second announcement').to.equal(null);
    expect(decision.previousShip, 'still moved from March').to.equal('2027-03-03');
  });

  it('moving back into the month it had moved from is itself a move, from what was shown last', () => {
    const { decision } = renderAfter('2027-03-25', 'month', {
      day: '2027-04-02',
      movedFrom: '2027-03-03',
    });
    expect(decision.moved).to.deep.equal({ previous: '2027-04-02', current: '2027-03-25' });
  });
});
