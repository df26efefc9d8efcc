/**
 * Each fact said once on a page. A mixed order's split ("2 ship now, 3 ship
 * by ...") goes in <expected-date> when one shows the same SKU and quantity,
 * not again under the <order-button>; alone, the button says it. A moved
 * date is said in its notice only, not again as "Expected to ship by ...".
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AvailabilityRecord, ExpectedDate, OrderButton } from '../../src/elements.js';
import { part, parts, pinClock, RECORDS, resetAll, settled, shownText } from './helpers.js';

const SPLIT = '2 ship now, 3 ship by 15 January 2027';

function make<T extends ExpectedDate | OrderButton>(
  tag: 'expected-date' | 'order-button',
  record: object,
  quantity: number,
): T {
  const element = document.createElement(tag) as T;
  element.setAttribute('locale', 'en-GB');
  element.setAttribute('quantity', String(quantity));
  element.availability = record as AvailabilityRecord;
  return element;
}

const messages = (el: OrderButton) => parts(el, 'message').map((m) => m.textContent!.trim());
const count = (text: string, part: string) => text.split(part).length - 1;

/** Both elements settled, and the button re-rendered after hearing of the promise beside it. */
async function page(...elements: (ExpectedDate | OrderButton)[]) {
  await fixture(html`<div>${elements}</div>`);
  for (const element of elements) await settled(element);
  for (const element of elements) await element.updateComplete;
}

describe('said once: <order-button> beside <expected-date>', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  it('the button alone states the split', async () => {
    const button = make<OrderButton>('order-button', RECORDS.mixed, 5);
    await page(button);
    expect(messages(button)).to.deep.equal([SPLIT]);
  });

  it('beside an <expected-date> for the same SKU and quantity: the split in <expected-date> only', async () => {
    const button = make<OrderButton>('order-button', RECORDS.mixed, 5);
    const date = make<ExpectedDate>('expected-date', RECORDS.mixed, 5);
    await page(button, date);
    expect(part(date, 'date')!.textContent!.trim()).to.equal(SPLIT);
    expect(messages(button)).to.deep.equal([]);
    expect(count(shownText(button) + shownText(date), '15 January 2027')).to.equal(1);
  });

  it('with the <expected-date> first in the page, the same', async () => {
    const date = make<ExpectedDate>('expected-date', RECORDS.mixed, 5);
    const button = make<OrderButton>('order-button', RECORDS.mixed, 5);
    await page(date, button);
    expect(messages(button)).to.deep.equal([]);
    expect(part(date, 'date')!.textContent!.trim()).to.equal(SPLIT);
  });

  it('beside an <expected-date> for another quantity: the button states its own split', async () => {
    const button = make<OrderButton>('order-button', RECORDS.mixed, 5);
    const date = make<ExpectedDate>('expected-date', RECORDS.mixed, 1);
    await page(button, date);
    expect(messages(button)).to.deep.equal([SPLIT]);
  });

  it('when the <expected-date> leaves the page, the button states the split again', async () => {
    const button = make<OrderButton>('order-button', RECORDS.mixed, 5);
    const date = make<ExpectedDate>('expected-date', RECORDS.mixed, 5);
    await page(button, date);
    expect(messages(button)).to.deep.equal([]);
    date.remove();
    await waitUntil(() => messages(button).length === 1, 'the split never came back');
    // A removed element may still update (a late locale load, a framework setting a
    // property): that must not put its promise back on the page.
    date.requestUpdate();
    await date.updateComplete;
    await button.updateComplete;
    expect(messages(button)).to.deep.equal([SPLIT]);
  });
});

describe('said once: a moved date', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  it('the new date once, in the notice; no "Expected to ship by" saying it again', async () => {
    const date = make<ExpectedDate>('expected-date', RECORDS.moved, 1);
    await page(date);
    const text = shownText(date);
    expect(text).to.equal('Now expected 2 April 2027 (was 12 March 2027)');
    expect(text).not.to.contain('Expected to ship by');
    expect(count(text, '2 April 2027')).to.equal(1);
    // The date's <time> is the one in the notice: nothing outside it states the promise.
    const notice = part(date, 'notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(parts(date, 'date')).to.have.length(1);
    expect(notice.contains(part(date, 'date'))).to.equal(true);
    expect(part(date, 'date')!.getAttribute('datetime')).to.equal('2027-04-02');
  });

  it('moved after this browser showed another date: also said once', async () => {
    const seen = (expectedDate: string) => ({ sku: 'SEEN', status: 'backorder', expectedDate });
    await page(make<ExpectedDate>('expected-date', seen('2027-03-12'), 1));
    const later = make<ExpectedDate>('expected-date', seen('2027-04-02'), 1);
    await page(later);
    const text = shownText(later);
    expect(text).to.equal('Now expected 2 April 2027 (was 12 March 2027)');
    expect(count(text, '2 April 2027')).to.equal(1);
  });

  it('beside an <order-button> for the same SKU: the page says the new date once', async () => {
    const button = make<OrderButton>('order-button', RECORDS.moved, 1);
    const date = make<ExpectedDate>('expected-date', RECORDS.moved, 1);
    await page(button, date);
    expect(count(shownText(button) + shownText(date), '2 April 2027')).to.equal(1);
  });
});
