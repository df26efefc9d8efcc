/**
 * Issue 16 (a hostile-page probe), the elements' part: junk shown-dates in
 * storage, inline data JSON cannot hold, records whose only fact is invalid,
 * -0 and huge money, SKUs that would walk a path template, untrimmed `sku`,
 * and `javascript:` notify links.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import type { AvailabilityRecord, ExpectedDate, OrderButton } from '../../src/elements.js';
import { validateRecord } from '../../src/engine/index.js';
import { PromiseOnScreen } from '../../src/data/index.js';
import { newRun, restoreStubs, skusIn, stub, watchFetch } from '../data/helpers.js';
import { part, pinClock, resetAll, settled, shownText } from './helpers.js';

const SHOWN = 'preorder-elements:shown-dates';

/** console.warn calls until restoreStubs(), as text. */
function watchWarnings(): string[] {
  const seen: string[] = [];
  stub(console, 'warn', (...args: unknown[]) => void seen.push(args.map(String).join(' ')));
  return seen;
}

async function element<T extends HTMLElement>(
  tag: string,
  attrs: Record<string, string>,
  availability?: unknown,
): Promise<T> {
  const el = document.createElement(tag) as T & { availability: unknown };
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (availability !== undefined) el.availability = availability;
  await fixture(html`<div>${el}</div>`);
  await settled(el as unknown as OrderButton);
  return el;
}

const label = (el: OrderButton) => part(el, 'button')!.textContent!.trim();
/** Shows the fallback: no record, an error, status unknown (the default fallback reads "Add to cart"). */
function expectFallback(el: OrderButton) {
  expect(el.record, 'no record').to.equal(null);
  expect(el.error, 'an error').to.not.equal(undefined);
  expect(el.getAttribute('status')).to.equal('unknown');
  expect(label(el)).to.equal('Add to cart');
}

describe('hardening: the elements (issue 16)', () => {
  beforeEach(() => pinClock());
  afterEach(() => {
    restoreStubs();
    resetAll();
  });

  describe('item 5: stored shown-dates are read back as dates', () => {
    const junk = fc.oneof(
      fc.jsonValue(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('not a date', '<b>not a date</b>', '2027-02-30', '2027-3-1', ' 2027-03-01'),
      fc.constantFrom('2027-03-01', '0999-12-31', ['2027-03-01'], { day: '2027-03-01' }),
      // No string at all, and none to be had: a pattern's test() of it throws (found by fast-check).
      fc.constant({ toString: 0 }),
    );

    it('generated junk is never recalled as a shown day; a real day is', () => {
      fc.assert(
        fc.property(junk, (value) => {
          localStorage.setItem(SHOWN, JSON.stringify({ A: value }));
          const recalled = new PromiseOnScreen().recall('A', 1);
          const isDay = validateRecord({ sku: 'A', releaseDate: value }).record?.releaseDate;
          if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && isDay)
            expect(recalled).to.deep.equal({ day: value, movedFrom: null });
          else expect(recalled, JSON.stringify(value)).to.equal(null);
        }),
        { numRuns: 500 },
      );
    });

    it('a junk entry is not shown as "was ..." nor raised as a date change', async () => {
      localStorage.setItem(SHOWN, JSON.stringify({ J: '<b>not a date</b>' }));
      const changes: unknown[] = [];
      // Capture on the document: seen whether or not the event bubbles.
      const listener = (event: Event) => changes.push(event);
      document.addEventListener('expected-date-change', listener, true);
      const el = await element<ExpectedDate>(
        'expected-date',
        { locale: 'en-GB' },
        {
          sku: 'J',
          status: 'preorder',
          expectedDate: '2027-03-12',
        },
      );
      document.removeEventListener('expected-date-change', listener, true);
      expect(shownText(el)).to.contain('2027').and.not.contain('not a date');
      expect(changes).to.deep.equal([]);
    });
  });

  describe('item 6: inline data JSON cannot hold never throws into the page', () => {
    it('a cyclic object and a BigInt: the fallback, a parse error', async () => {
      const cyclic: Record<string, unknown> = { sku: 'C', onHand: 3 };
      cyclic.self = cyclic;
      for (const inline of [cyclic, { sku: 'B', onHand: 10n }]) {
        const el = await element<OrderButton>('order-button', {}, inline);
        expectFallback(el);
        expect(el.error?.kind).to.equal('parse');
        el.requestUpdate(); // re-syncing the same object is no change, and no throw
        await el.updateComplete;
        expectFallback(el);
      }
    });

    it('generated inline objects: never a throw, always a defined state', async function () {
      this.timeout(30_000); // an element update per run, on a loaded machine
      const value = fc.anything({ withBigInt: true, withDate: true, withMap: true, maxDepth: 3 });
      const inline = fc.tuple(fc.dictionary(fc.string({ maxLength: 6 }), value), fc.boolean());
      const el = await element<OrderButton>('order-button', {}, { sku: 'X', onHand: 1 });
      stub(console, 'warn', () => {});
      await fc.assert(
        fc.asyncProperty(inline, async ([object, cycle]) => {
          const data: Record<string, unknown> = { sku: 'X', ...object };
          if (cycle) data.again = data;
          el.availability = data as unknown as AvailabilityRecord;
          await el.updateComplete; // rejects if the update threw
          expect([
            'in_stock',
            'preorder',
            'backorder',
            'sold_out',
            'coming_soon',
            'discontinued',
            'unknown',
          ]).to.include(el.status);
          if (!el.record) expect(el.error?.kind).to.be.oneOf(['parse', 'data']);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('item 7: a record whose only fact is invalid makes no promise', () => {
    for (const record of [
      { sku: 'J', incoming: ['bad'] },
      { sku: 'J', incoming: [{ quantity: -1, date: '2027-03-12' }, null] },
      { sku: 'J', cap: 'bad' },
    ])
      it(JSON.stringify(record), async () => {
        stub(console, 'warn', () => {});
        expectFallback(await element<OrderButton>('order-button', {}, record));
      });

    it('`incoming: []` is a fact: nothing incoming, sold out', async () => {
      const el = await element<OrderButton>('order-button', {}, { sku: 'J', incoming: [] });
      expect(el.status).to.equal('sold_out');
    });
  });

  describe('item 8: the small ones', () => {
    it('a deposit of -0 reads "Pay $0.00", never "-$0.00"', async () => {
      // As JSON text: JSON.parse keeps -0 (an object would go through JSON.stringify, which writes 0).
      const json =
        '{"sku":"D","status":"preorder","payment":{"mode":"deposit","depositAmount":-0}}';
      const el = await element<OrderButton>('order-button', {}, json);
      expect(Object.is(el.record?.payment?.depositAmount, 0)).to.equal(true);
      expect(shownText(el)).to.contain('$0.00').and.not.contain('-$0.00');
    });

    it('money is bounded: over 1e12 is invalid, with a warning', async () => {
      const warnings = watchWarnings();
      const el = await element<OrderButton>(
        'order-button',
        {},
        {
          sku: 'M',
          status: 'preorder',
          payment: { mode: 'deposit', depositAmount: 1e308, price: 1e13 },
        },
      );
      expect(el.record?.payment).to.deep.equal({ mode: 'deposit' });
      expect(shownText(el)).to.not.match(/\d{13}/);
      expect(warnings.join('\n')).to.contain('payment.depositAmount').and.contain('payment.price');
      expect(
        validateRecord({ sku: 'M', payment: { mode: 'deposit', price: 1e12 } }).problems,
      ).to.deep.equal([]);
    });

    for (const sku of ['.', '..'])
      it(`SKU "${sku}" never goes into a URL: no request, an error, the fallback`, async () => {
        const fetches = watchFetch();
        const run = newRun();
        const el = await element<OrderButton>('order-button', {
          sku,
          endpoint: `/mock/availability/{sku}/stock.json?run=${run}`,
        });
        expectFallback(el);
        expect(el.error?.message).to.contain('cannot go in a URL');
        expect(fetches.requests).to.deep.equal([]);
      });

    it('generated SKU strings never leave a {sku} path template', async function () {
      this.timeout(30_000); // a request per run
      stub(console, 'warn', () => {});
      const fetches = watchFetch();
      const run = newRun();
      const sku = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.constantFrom('.', '..', '...', './', '../x', '%2e%2e', '.%2E', '\uD800', ' .. '),
      );
      const el = await element<OrderButton>('order-button', {
        sku: 'start',
        endpoint: `/mock/items/{sku}/stock.json?run=${run}`,
      });
      await fc.assert(
        fc.asyncProperty(sku, async (value) => {
          el.sku = value;
          await el.updateComplete;
          await new Promise((resolve) => setTimeout(resolve)); // the store asks in the next task
          for (const { url } of fetches.requests) {
            const { pathname } = new URL(url);
            expect(pathname, url).to.match(/^\/mock\/items\/[^/]+\/stock\.json$/);
          }
        }),
        { numRuns: 150 },
      );
    });

    it('the sku attribute is trimmed, as sku-from is', async () => {
      const fetches = watchFetch();
      const run = newRun();
      await element<OrderButton>('order-button', {
        sku: '  A  ',
        endpoint: `/mock/availability?run=${run}&skus={skus}`,
      });
      expect(fetches.requests.map((r) => skusIn(r.url))).to.deep.equal([['A']]);
    });

    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'http://[',
    ])
      it(`notify-url "${url}": no Notify me, no link, one warning`, async () => {
        const warnings = watchWarnings();
        const el = await element<OrderButton>(
          'order-button',
          { 'notify-url': url },
          {
            sku: 'OUT',
            onHand: 0,
          },
        );
        el.requestUpdate();
        await el.updateComplete;
        expect(label(el)).to.equal('Sold out');
        expect(warnings.filter((w) => w.includes('notify-url'))).to.have.length(1);
        part(el, 'button')!.click(); // nothing to follow; a navigation would end the test page
      });

    for (const url of ['/notify?sku=OUT', 'notify', 'https://shop.example/notify'])
      it(`notify-url "${url}" (http(s) or relative) is kept`, async () => {
        const el = await element<OrderButton>(
          'order-button',
          { 'notify-url': url },
          {
            sku: 'OUT',
            onHand: 0,
          },
        );
        expect(label(el)).to.equal('Notify me');
      });
  });
});
