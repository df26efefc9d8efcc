/**
 * <expected-date> and the browser's memory of promises shown (localStorage):
 * a later visit with a date moved within the promise's month (or quarter)
 * says nothing; one moved across it says so once, in the polite live region,
 * and raises expected-date-change. Each new element is a later visit: it
 * knows only what the storage remembers.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AvailabilityRecord, ExpectedDate } from '../../src/elements.js';
import { part, pinClock, resetAll, settled, shownText } from './helpers.js';

interface Visit {
  element: ExpectedDate;
  /** Every expected-date-change detail the element raised while it rendered. */
  changes: unknown[];
}

/** A visit showing `record`, its change events caught from before the first render. */
async function visit(record: object): Promise<Visit> {
  const element = document.createElement('expected-date');
  element.setAttribute('locale', 'en-GB');
  const changes: unknown[] = [];
  element.addEventListener('expected-date-change', (event) =>
    changes.push((event as CustomEvent).detail),
  );
  element.availability = record as AvailabilityRecord;
  await fixture(html`<div>${element}</div>`);
  await settled(element);
  return { element, changes };
}

const notice = (el: ExpectedDate) => part(el, 'notice')!.textContent!.trim();
const count = (text: string, part: string) => text.split(part).length - 1;

const monthly = (expectedDate: string) => ({
  sku: 'MONTHLY',
  status: 'preorder',
  expectedDate,
  datePrecision: 'month',
});
const quarterly = (expectedDate: string) => ({
  sku: 'QUARTERLY',
  status: 'preorder',
  expectedDate,
  datePrecision: 'quarter',
});

describe('<expected-date>: a moved promise at month and quarter precision', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  it('3 to 20 March at month precision: no notice, no event', async () => {
    await visit(monthly('2027-03-03'));
    const later = await visit(monthly('2027-03-20'));
    expect(shownText(later.element)).to.equal('Ships in March 2027');
    expect(notice(later.element)).to.equal('');
    expect(later.changes).to.deep.equal([]);
  });

  it('March to April at month precision: the notice, the date once, and the event', async () => {
    await visit(monthly('2027-03-03'));
    await visit(monthly('2027-03-20')); // no move, but now 20 March is what was shown
    const later = await visit(monthly('2027-04-02'));
    const region = part(later.element, 'notice')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(notice(later.element)).to.equal('Now expected April 2027 (was March 2027)');
    // The new date is said once: in the notice, not again as a promise above it.
    expect(count(shownText(later.element), 'April 2027')).to.equal(1);
    expect(region.querySelector('time')?.getAttribute('datetime')).to.equal('2027-04');
    expect(later.changes).to.deep.equal([
      { sku: 'MONTHLY', previous: '2027-03-20', current: '2027-04-02' },
    ]);
  });

  it('the same promise on the next visit: the move is not announced again', async () => {
    await visit(monthly('2027-03-03'));
    await visit(monthly('2027-04-02'));
    const again = await visit(monthly('2027-04-02'));
    expect(again.changes).to.deep.equal([]);
    expect(notice(again.element)).to.equal('');
  });

  it('January to March at quarter precision: no notice, no event', async () => {
    await visit(quarterly('2027-01-05'));
    const later = await visit(quarterly('2027-03-28'));
    expect(shownText(later.element)).to.equal('Ships in Q1 2027');
    expect(notice(later.element)).to.equal('');
    expect(later.changes).to.deep.equal([]);
  });

  it('March to April at quarter precision: Q1 to Q2 is announced', async () => {
    await visit(quarterly('2027-03-28'));
    const later = await visit(quarterly('2027-04-01'));
    expect(part(later.element, 'notice')!.getAttribute('role')).to.equal('status');
    expect(notice(later.element)).to.equal('Now expected Q2 2027 (was Q1 2027)');
    expect(count(shownText(later.element), 'Q2 2027')).to.equal(1);
    expect(later.changes).to.deep.equal([
      { sku: 'QUARTERLY', previous: '2027-03-28', current: '2027-04-01' },
    ]);
  });

  it('a refresh on the open page: within the month is quiet, across it is announced', async () => {
    const { element, changes } = await visit(monthly('2027-03-03'));
    element.availability = monthly('2027-03-20') as AvailabilityRecord;
    await element.updateComplete;
    expect(notice(element)).to.equal('');
    expect(changes).to.deep.equal([]);
    element.availability = monthly('2027-04-02') as AvailabilityRecord;
    await element.updateComplete;
    expect(notice(element)).to.equal('Now expected April 2027 (was March 2027)');
    expect(changes).to.deep.equal([
      { sku: 'MONTHLY', previous: '2027-03-20', current: '2027-04-02' },
    ]);
  });
});
