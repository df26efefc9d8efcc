import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AvailabilityRecord, AvailabilityBadge } from '../../src/elements.js';
import { configure } from '../../src/elements.js';
import { newRun, serverLog } from '../data/helpers.js';
import { part, pinClock, RECORDS, resetAll, settled } from './helpers.js';

async function badge(record: object, locale = 'en-GB'): Promise<AvailabilityBadge> {
  const element = document.createElement('availability-badge');
  element.setAttribute('locale', locale);
  element.availability = record as AvailabilityRecord; // bad records too, on purpose
  await fixture(html`<div>${element}</div>`);
  await settled(element);
  return element;
}

describe('<availability-badge>', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  const cases: [string, object, string, string | null, string | null][] = [
    ['in stock: nothing', RECORDS.inStock, 'in_stock', null, null],
    ['low stock', RECORDS.lowStock, 'in_stock', 'Only 3 left', 'Nur noch 3 auf Lager'],
    ['pre-order', RECORDS.preorder, 'preorder', 'Pre-order', 'Vorbestellen'],
    ['backorder', RECORDS.backorder, 'backorder', 'Backorder', null],
    ['sold out', RECORDS.soldOut, 'sold_out', 'Sold out', 'Ausverkauft'],
    ['pre-orders full', RECORDS.preorderFull, 'sold_out', 'Sold out', 'Ausverkauft'],
    ['coming soon', RECORDS.comingSoon, 'coming_soon', 'Coming soon', 'Demnächst erhältlich'],
    [
      'discontinued',
      RECORDS.discontinued,
      'discontinued',
      'No longer available',
      'Nicht mehr erhältlich',
    ],
  ];
  for (const [name, record, status, english, german] of cases) {
    it(`${name}: ${JSON.stringify(english)}`, async () => {
      const el = await badge(record);
      expect(part(el, 'badge')?.textContent ?? null).to.equal(english);
      expect(el.getAttribute('status')).to.equal(status);
      await expect(el).to.be.accessible();
      if (german) {
        const de = await badge(record, 'de');
        expect(part(de, 'badge')!.textContent).to.equal(german);
        // German text on an English page says so, for screen readers' voices.
        expect(part(de, 'badge')!.getAttribute('lang')).to.equal('de');
      }
    });
  }

  it('48 badges for 48 SKUs cost one request', async () => {
    const run = newRun();
    configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
    const skus = Array.from({ length: 48 }, (_, i) => `pre-card-${i}`);
    const grid = await fixture(
      html`<div>
        ${skus.map((sku) => html`<availability-badge sku=${sku}></availability-badge>`)}
      </div>`,
    );
    const badges = [...grid.querySelectorAll('availability-badge')];
    await waitUntil(
      () => badges.every((b) => b.getAttribute('status') === 'preorder'),
      'badges never rendered',
    );
    expect((await serverLog(run)).count).to.equal(1);
  });
});
