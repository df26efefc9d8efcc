/**
 * Many elements updating at once render in slices: one task renders for
 * about 16 ms, the rest wait for later tasks (scheduler.yield where it
 * exists). The clock that measures a slice is controlled here: it stands
 * still except while an element renders, and each render takes 1 ms of it,
 * so a slice holds a few renders however many elements ask at once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { configure, openSlice } from '../../src/data/index.js';
import { AvailabilityBadge } from '../../src/elements.js';
import { newRun } from '../data/helpers.js';
import { pinClock, resetAll } from './helpers.js';

const realNow = performance.now.bind(performance);

/** Lets every microtask of this task run (Lit's updates are microtasks), without ending the task. */
async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < 2000; i++) await null;
}

describe('render slices', () => {
  let fake = 0;
  const proto = AvailabilityBadge.prototype as unknown as { update(changed: unknown): void };
  const update = proto.update;
  beforeEach(async () => {
    pinClock();
    // A slice an earlier test left (its elements re-rendering on reset) ends with its task.
    await new Promise((resolve) => setTimeout(resolve));
    fake = 0;
    performance.now = () => fake;
    proto.update = function (this: unknown, changed: unknown) {
      fake += 1;
      update.call(this, changed);
    };
  });
  afterEach(() => {
    performance.now = realNow;
    proto.update = update;
    resetAll();
  });

  it('200 badges given their records at once render over several tasks, each once', async () => {
    const root = await fixture(html`<div></div>`);
    const badges = Array.from({ length: 200 }, (_, i) => {
      const badge = document.createElement('availability-badge') as AvailabilityBadge;
      badge.availability = { sku: `S${i}`, releaseDate: '2027-03-12', allowPreorder: true };
      return badge;
    });
    root.append(...badges);
    await drainMicrotasks();
    const inFirstTask = badges.filter((badge) => badge.hasUpdated).length;
    expect(inFirstTask, 'rendered in the first task').to.be.greaterThan(0).and.lessThan(50);
    await waitUntil(() => badges.every((badge) => badge.hasUpdated), 'all rendered');
    expect(badges.every((badge) => badge.status === 'preorder')).to.equal(true);
    root.remove();
  });

  it('each task wakes only the renders it runs: the clock is read about once per render, not once per waiting element', async () => {
    let reads = 0;
    performance.now = () => (reads++, fake);
    const root = await fixture(html`<div></div>`);
    const badges = Array.from({ length: 200 }, (_, i) => {
      const badge = document.createElement('availability-badge') as AvailabilityBadge;
      badge.availability = { sku: `W${i}`, onHand: 5 };
      return badge;
    });
    reads = 0;
    root.append(...badges);
    await waitUntil(() => badges.every((badge) => badge.hasUpdated), 'all rendered');
    // 200 renders in slices of 16: each waiting element re-checking every task was ~1,300 reads.
    expect(reads, 'clock reads').to.be.lessThan(3 * badges.length);
    root.remove();
  });

  it("reading an answer counts against its task's slice: spent there, the records render in later tasks", async () => {
    const badges = Array.from({ length: 20 }, (_, i) => {
      const badge = document.createElement('availability-badge') as AvailabilityBadge;
      badge.sku = `pre-slice-${i}`;
      return badge;
    });
    let inAnswerTask: number | undefined;
    configure({
      endpoint: `/mock/availability?run=${newRun()}&skus={skus}`,
      transform: (json) => {
        fake += 50; // this answer takes a long task to read: no slice has room left
        void drainMicrotasks().then(() => {
          inAnswerTask = badges.filter((badge) => badge.status !== 'unknown').length;
        });
        return json;
      },
    });
    const root = await fixture(html`<div></div>`);
    root.append(...badges);
    await waitUntil(() => badges.every((badge) => badge.status === 'preorder'), 'all rendered');
    expect(inAnswerTask, 'rendered in the task that read the answer').to.equal(0);
    root.remove();
  });

  /** Spends this task's slice, as customElements.define upgrading thousands of elements does. */
  const spendSlice = () => {
    fake = 1000;
    openSlice();
    fake += 50;
  };

  it('elements connected once the slice is spent connect in later tasks, their space held by preorder-elements.css', async () => {
    const sheet = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: '/src/preorder-elements.css',
    });
    await new Promise((resolve) => document.head.append(Object.assign(sheet, { onload: resolve })));
    const root = await fixture(html`<div></div>`);
    const badges = Array.from({ length: 20 }, (_, i) => {
      const badge = document.createElement('availability-badge') as AvailabilityBadge;
      badge.availability = { sku: `C${i}`, releaseDate: '2027-03-12', allowPreorder: true };
      return badge;
    });
    spendSlice();
    root.append(...badges);
    expect(
      badges.filter((badge) => badge.shadowRoot).length,
      'connected in the spent task',
    ).to.equal(0);
    const reserved = badges.map((badge) => badge.getBoundingClientRect().height);
    expect(Math.min(...reserved), 'space held before connecting').to.be.greaterThan(0);
    await waitUntil(() => badges.every((badge) => badge.status === 'preorder'), 'all rendered');
    expect(badges.map((badge) => badge.getBoundingClientRect().height)).to.deep.equal(reserved);
    root.remove();
    sheet.remove();
  });

  it('an element removed before its turn never connects; one moved meanwhile connects once', async () => {
    const root = await fixture(html`<div></div>`);
    const [removed, moved, other] = ['R', 'M', 'O'].map((sku) => {
      const badge = document.createElement('availability-badge') as AvailabilityBadge;
      badge.availability = { sku, onHand: 3 };
      return badge;
    });
    let changes = 0;
    moved.addEventListener('availability-change', () => changes++);
    spendSlice();
    root.append(removed, moved, other);
    removed.remove();
    root.append(moved); // disconnected and connected again, both before its turn
    await waitUntil(() => moved.status === 'in_stock' && other.status === 'in_stock', 'rendered');
    expect(removed.shadowRoot === null, 'the removed element never connected').to.equal(true);
    expect(changes, 'availability-change events of the moved element').to.equal(1);
    root.remove();
  });

  it('a single element renders in the task that asked for it', async () => {
    const badge = document.createElement('availability-badge') as AvailabilityBadge;
    badge.availability = { sku: 'ONE', onHand: 2, lowStockThreshold: 5 };
    document.body.append(badge);
    await drainMicrotasks();
    expect(badge.hasUpdated).to.equal(true);
    badge.remove();
  });
});
