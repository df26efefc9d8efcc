import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AvailabilityRecord, ExpectedDate } from '../../src/elements.js';
import { configure } from '../../src/elements.js';
import { newRun } from '../data/helpers.js';
import { gb } from '../support/cldr.js';
import { NOW, part, pinClock, RECORDS, resetAll, shownText, settled } from './helpers.js';

async function dateFor(record: object, attrs: Record<string, string> = {}): Promise<ExpectedDate> {
  const element = document.createElement('expected-date');
  element.setAttribute('locale', 'en-GB');
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.availability = record as AvailabilityRecord; // bad records too, on purpose
  await fixture(html`<div>${element}</div>`);
  await settled(element);
  return element;
}

const promise = (el: ExpectedDate) => part(el, 'date');
const notice = (el: ExpectedDate) => part(el, 'notice')!.textContent!.trim();

describe('<expected-date>', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  const cases: [string, object, string, string | null][] = [
    // name, record, text, <time datetime> (null: no <time>)
    [
      'exact day',
      { sku: 'D1', status: 'preorder', expectedDate: '2027-03-12' },
      'Expected to ship by 12 March 2027',
      '2027-03-12',
    ],
    [
      'queue-aware day (order of 1)',
      RECORDS.preorder,
      'Expected to ship by 12 March 2027',
      '2027-03-12',
    ],
    [
      'window',
      {
        sku: 'D2',
        status: 'backorder',
        expectedDate: { earliest: '2027-03-10', latest: '2027-03-20' },
      },
      'Ships 10–20 March 2027',
      '2027-03-10',
    ],
    [
      'month precision',
      { sku: 'D3', status: 'preorder', expectedDate: '2027-03-12', datePrecision: 'month' },
      'Ships in March 2027',
      '2027-03',
    ],
    [
      'quarter precision',
      { sku: 'D4', status: 'preorder', expectedDate: '2027-02-12', datePrecision: 'quarter' },
      'Ships in Q1 2027',
      '2027',
    ],
    ['to be confirmed', { sku: 'D5', status: 'backorder' }, 'Ship date to be confirmed', null],
    ['coming soon: the release date', RECORDS.comingSoon, 'Release date 1 May 2027', '2027-05-01'],
  ];
  for (const [name, record, text, datetime] of cases) {
    it(`${name}: "${text}"`, async () => {
      const el = await dateFor(record);
      // Intl puts thin spaces around the range dash; compare words and dashes.
      const words = (value: string) => value.replace(/\s*–\s*/g, '–').replace(/\s+/g, ' ');
      expect(words(promise(el)!.textContent!.trim())).to.equal(text);
      if (datetime === null) expect(promise(el)!.tagName).to.equal('SPAN');
      else {
        expect(promise(el)!.tagName).to.equal('TIME');
        expect(promise(el)!.getAttribute('datetime')).to.equal(datetime);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('a mixed order states both parts', async () => {
    const el = await dateFor(RECORDS.mixed, { quantity: '5' });
    expect(promise(el)!.textContent!.trim()).to.equal('2 ship now, 3 ship by 15 January 2027');
    expect(promise(el)!.getAttribute('datetime')).to.equal('2027-01-15');
  });

  it('the queue: an order of 30 ships from the April lot', async () => {
    const el = await dateFor(RECORDS.preorder, { quantity: '30' });
    expect(promise(el)!.textContent!.trim()).to.equal('Expected to ship by 2 April 2027');
  });

  it('in German and Japanese', async () => {
    const de = await dateFor(
      { sku: 'D1', status: 'preorder', expectedDate: '2027-03-12' },
      { locale: 'de-DE' },
    );
    expect(shownText(de)).to.equal('Versand voraussichtlich bis 12. März 2027');
    const ja = await dateFor(
      { sku: 'D1', status: 'preorder', expectedDate: '2027-03-12' },
      { locale: 'ja-JP' },
    );
    expect(shownText(ja)).to.contain('2027年3月12日');
  });

  describe('date moved', () => {
    it('says so from previousExpectedDate, in a polite live region, and raises expected-date-change', async () => {
      const element = document.createElement('expected-date');
      element.setAttribute('locale', 'en-GB');
      element.availability = RECORDS.moved;
      const changed = oneEvent(element, 'expected-date-change');
      await fixture(html`<div>${element}</div>`);
      const event = await changed;
      expect(event.detail).to.deep.equal({
        sku: 'MOVED',
        previous: '2027-03-12',
        current: '2027-04-02',
      });
      expect(notice(element)).to.equal('Now expected 2 April 2027 (was 12 March 2027)');
      expect(part(element, 'notice')!.getAttribute('role')).to.equal('status');
      await expect(element).to.be.accessible();
    });

    it('says so when this browser showed another date for the SKU before', async () => {
      await dateFor({ sku: 'REMEMBER', status: 'preorder', expectedDate: '2027-03-12' });
      const again = await dateFor({
        sku: 'REMEMBER',
        status: 'preorder',
        expectedDate: '2027-03-19',
      });
      expect(notice(again)).to.equal('Now expected 19 March 2027 (was 12 March 2027)');
      const same = await dateFor({
        sku: 'REMEMBER',
        status: 'preorder',
        expectedDate: '2027-03-19',
      });
      expect(notice(same)).to.equal('');
    });

    it('has no notice when nothing moved, and survives storage that throws', async () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const el = await dateFor({ sku: 'QUIET', status: 'preorder', expectedDate: '2027-03-12' });
        expect(notice(el)).to.equal('');
        expect(promise(el)!.textContent!.trim()).to.equal('Expected to ship by 12 March 2027');
      } finally {
        Storage.prototype.setItem = original;
      }
    });

    it('a refresh that moves the date is announced by every element showing the SKU', async () => {
      const first = await dateFor({ sku: 'TWO', status: 'backorder', expectedDate: '2027-01-15' });
      const second = await dateFor({ sku: 'TWO', status: 'backorder', expectedDate: '2027-01-15' });
      const moved: AvailabilityRecord = {
        sku: 'TWO',
        status: 'backorder',
        expectedDate: '2027-02-01',
      };
      first.availability = moved;
      await first.updateComplete; // stores the new day before the second element looks
      const changed = oneEvent(second, 'expected-date-change');
      second.availability = { ...moved };
      expect((await changed).detail.previous).to.equal('2027-01-15');
      await second.updateComplete;
      expect(notice(first)).to.equal('Now expected 1 February 2027 (was 15 January 2027)');
      expect(notice(second)).to.equal('Now expected 1 February 2027 (was 15 January 2027)');
    });

    it("the shopper's own quantity change is no moved date, on the page or after a reload", async () => {
      const el = await dateFor(RECORDS.preorder);
      let moves = 0;
      el.addEventListener('expected-date-change', () => moves++);
      el.quantity = 30; // the queue puts 30 in the April lot
      await settled(el);
      expect(promise(el)!.textContent!.trim()).to.equal('Expected to ship by 2 April 2027');
      expect(notice(el)).to.equal('');
      // A later visit at 1 compares with what 1 was promised, not with 30.
      const again = await dateFor(RECORDS.preorder);
      again.addEventListener('expected-date-change', () => moves++);
      expect(promise(again)!.textContent!.trim()).to.equal('Expected to ship by 12 March 2027');
      expect(notice(again)).to.equal('');
      expect(moves).to.equal(0);
    });

    it('a refresh that moves the date for the quantity chosen is announced', async () => {
      const el = await dateFor({ ...RECORDS.preorder, sku: 'PRE-Q' }, { quantity: '30' });
      const changed = oneEvent(el, 'expected-date-change');
      el.availability = {
        ...RECORDS.preorder,
        sku: 'PRE-Q',
        incoming: [
          { quantity: 200, date: '2027-03-12' },
          { quantity: 500, date: '2027-04-09' },
        ],
      } as AvailabilityRecord;
      expect((await changed).detail).to.deep.equal({
        sku: 'PRE-Q',
        previous: '2027-04-02',
        current: '2027-04-09',
      });
    });

    it('announces a date moved by a refresh while the page is open', async () => {
      const el = await dateFor({ sku: 'LIVE', status: 'backorder', expectedDate: '2027-01-15' });
      const changed = oneEvent(el, 'expected-date-change');
      el.availability = { sku: 'LIVE', status: 'backorder', expectedDate: '2027-02-01' };
      const event = await changed;
      expect(event.detail).to.deep.equal({
        sku: 'LIVE',
        previous: '2027-01-15',
        current: '2027-02-01',
      });
      await el.updateComplete;
      expect(notice(el)).to.equal('Now expected 1 February 2027 (was 15 January 2027)');
    });
  });

  describe('in stock: cut-off and arrival', () => {
    // NOW is Thursday 26 November 2026, 15:00 UTC = 16:00 in Berlin.
    it('counts down to the cut-off in the store zone', async () => {
      const el = await dateFor(RECORDS.inStock, { cutoff: '18:10', 'time-zone': 'Europe/Berlin' });
      expect(promise(el)!.textContent!.trim()).to.equal('Order within 2 h 10 min to ship today');
      expect(promise(el)!.getAttribute('datetime')).to.equal('2026-11-26');
    });

    it('after the cut-off, ships the next business day', async () => {
      const el = await dateFor(RECORDS.inStock, { cutoff: '14:00', 'time-zone': 'Europe/Berlin' });
      expect(gb(promise(el)!.textContent!.trim())).to.equal('Ships Fri 27 November');
    });

    it('arrival window in business days, weekends skipped', async () => {
      const el = await dateFor(RECORDS.inStock, {
        cutoff: '18:00',
        'transit-days': '2-4',
        'time-zone': 'Europe/Berlin',
      });
      // Ships Thu 26, +2 business days = Mon 30 Nov, +4 = Wed 2 Dec.
      expect(part(el, 'arrival')!.textContent!.trim()).to.equal(
        'Arrives Mon 30 November – Wed 2 December',
      );
    });

    it('a number set as transitDays reads as its text; any other value as none, never a throw', async () => {
      const el = await dateFor(RECORDS.inStock, { cutoff: '18:00', 'time-zone': 'Europe/Berlin' });
      // React and Vue set properties: transitDays={3} arrives as a number (a TypeError before).
      (el as unknown as { transitDays: unknown }).transitDays = 3;
      await settled(el);
      expect(gb(part(el, 'arrival')!.textContent!.trim())).to.equal('Arrives Tue 1 December');
      const hostile = {
        toString: () => {
          throw new Error('no');
        },
      };
      Object.assign(el, { transitDays: hostile, cutoff: hostile });
      await settled(el);
      expect(part(el, 'arrival'), 'no window from an object').to.equal(null);
      expect(promise(el)!.textContent!.trim()).to.equal('In stock, ready to ship');
    });

    it('updates on each minute boundary, without drift', async () => {
      // 16:00:59.900 in Berlin: 60.1 s to a 16:02 cut-off, shown as 2 min.
      let now = NOW + 59_900;
      pinClock(() => now);
      const el = await dateFor(RECORDS.inStock, { cutoff: '16:02', 'time-zone': 'Europe/Berlin' });
      expect(promise(el)!.textContent!.trim()).to.equal('Order within 2 min to ship today');
      // The element set its timer for the next minute boundary, 100 ms (+50 ms margin) away.
      now += 200;
      await waitUntil(
        () => promise(el)!.textContent!.trim() === 'Order within 1 min to ship today',
        'no tick',
        { timeout: 1000, interval: 20 },
      );
    });

    it('in stock without a cut-off: the plain promise', async () => {
      const el = await dateFor(RECORDS.inStock);
      expect(promise(el)!.textContent!.trim()).to.equal('In stock, ready to ship');
    });
  });

  it('reserves its line while loading, then renders from the endpoint', async () => {
    configure({ endpoint: `/mock/availability?run=${newRun()}&skus={skus}` });
    const el = await fixture<ExpectedDate>(
      html`<expected-date sku="slow150-pre-3" locale="en-GB"></expected-date>`,
    );
    expect(el.hasAttribute('loading')).to.equal(true);
    expect(el.getBoundingClientRect().height).to.be.above(10);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(shownText(el)).to.equal('Expected to ship by 12 March 2027');
  });
});
