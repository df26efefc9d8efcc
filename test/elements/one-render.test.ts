/**
 * One record, one render: when a record arrives (or is fetched again), each
 * element showing it updates once. An <expected-date> claims its promise as
 * the record arrives, so a button beside it leaves the said-once facts out in
 * that same render instead of rendering the record a second time.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/index.js';
import { configure } from '../../src/index.js';
import type { AvailabilityBadge, ExpectedDate, OrderButton } from '../../src/elements.js';
import { newRun } from '../data/helpers.js';
import { pinClock, resetAll, settled } from './helpers.js';

const TAGS = ['order-button', 'expected-date', 'availability-badge'] as const;
type Shown = OrderButton | ExpectedDate | AvailabilityBadge;

/** Counts every update of the three elements until the returned function restores them. */
function countUpdates(): { counts: Map<Element, number>; restore: () => void } {
  const counts = new Map<Element, number>();
  const restores = TAGS.map((tag) => {
    const proto = (customElements.get(tag) as unknown as { prototype: LitElement }).prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'update');
    Object.defineProperty(proto, 'update', {
      configurable: true,
      writable: true,
      value(this: LitElement, changed: Map<PropertyKey, unknown>) {
        counts.set(this, (counts.get(this) ?? 0) + 1);
        // The next update method along the chain (LitElement's render).
        return Object.getPrototypeOf(proto).update.call(this, changed);
      },
    });
    return () => {
      if (original) Object.defineProperty(proto, 'update', original);
      else delete (proto as unknown as Record<string, unknown>).update;
    };
  });
  return { counts, restore: () => restores.forEach((restore) => restore()) };
}

async function productPage(sku: string): Promise<Shown[]> {
  const root = await fixture(
    html`<div>
      <order-button sku=${sku} quantity="5" locale="en-GB"
        ><button>Add to cart</button></order-button
      >
      <expected-date sku=${sku} quantity="5" locale="en-GB"></expected-date>
      <availability-badge sku=${sku} locale="en-GB"></availability-badge>
    </div>`,
  );
  return [...root.children] as Shown[];
}

describe('one record, one render', () => {
  let restore = () => {};
  beforeEach(() => pinClock());
  afterEach(() => {
    restore();
    resetAll();
  });

  it('a fetched record renders once in each element (the date beside the button claimed first)', async () => {
    configure({ endpoint: `/mock/availability?run=${newRun()}&skus={skus}` });
    const tracked = countUpdates();
    restore = tracked.restore;
    const elements = await productPage('pre-A');
    // The first render shows loading; the record's arrival is the second.
    for (const element of elements) await settled(element);
    await Promise.all(elements.map((element) => element.updateComplete));
    for (const element of elements)
      expect(tracked.counts.get(element), element.localName).to.equal(2);
  });

  it('a refresh renders once more in each element', async () => {
    configure({ endpoint: `/mock/availability?run=${newRun()}&skus={skus}` });
    const elements = await productPage('pre-B');
    for (const element of elements) await settled(element);
    const tracked = countUpdates();
    restore = tracked.restore;
    const seen = elements.map((element) => element.record);
    elements[0]!.refresh();
    await waitUntil(() => elements.every((element, i) => element.record !== seen[i]), 'refreshed');
    await Promise.all(elements.map((element) => element.updateComplete));
    for (const element of elements)
      expect(tracked.counts.get(element), element.localName).to.equal(1);
  });

  it('an inline record renders once', async () => {
    const tracked = countUpdates();
    restore = tracked.restore;
    const record = {
      sku: 'INLINE',
      onHand: 2,
      allowBackorder: true,
      incoming: [{ quantity: 9, date: '2027-01-15' }],
    };
    const root = await fixture(
      html`<div>
        <order-button quantity="5" locale="en-GB" .availability=${record}
          ><button>Add</button></order-button
        >
        <expected-date quantity="5" locale="en-GB" .availability=${record}></expected-date>
      </div>`,
    );
    const elements = [...root.children] as Shown[];
    await Promise.all(elements.map((element) => element.updateComplete));
    for (const element of elements)
      expect(tracked.counts.get(element), element.localName).to.equal(1);
  });
});
