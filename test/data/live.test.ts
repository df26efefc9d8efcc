/**
 * The live feed (the `live` option) against a real Server-Sent Events source
 * (test/support/event-server.js): one stream for the SKUs shown, reopened
 * with the last event's id for SKUs added later, closed while the page is
 * hidden; pushed records reach the store's subscribers and the elements.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import {
  availabilityStore,
  configure,
  getOptions,
  optionsFromDataset,
  type AvailabilityState,
} from '../../src/data/index.js';
import type { ExpectedDate } from '../../src/elements.js';
import { part, pinClock, resetAll, shownText } from '../elements/helpers.js';
import { batched, eventually, newRun, restoreStubs, stub, testStore } from './helpers.js';

interface Stream {
  url: string;
  lastEventId: string;
  open: boolean;
}

const pageFetch = window.fetch.bind(window);

async function streams(run: string): Promise<Stream[]> {
  const response = await pageFetch(`/mock/events/log?run=${run}`);
  return ((await response.json()) as { streams: Stream[] }).streams;
}

/** Waits until the run's streams pass `test`, and returns them. */
async function streamsWhen(run: string, test: (all: Stream[]) => boolean, what: string) {
  let last: Stream[] = [];
  await eventually(async () => test((last = await streams(run))), what);
  return last;
}

/** Sends one `availability` event (or raw `data`) to the run's open streams. */
async function send(run: string, id: string, data: unknown) {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  await pageFetch(`/mock/events/send?run=${run}`, {
    method: 'POST',
    body: `id: ${id}\nevent: availability\ndata: ${text}\n\n`,
  });
}

const liveTemplate = (run: string) => `/mock/events?run=${run}&skus={skus}`;
/** The SKUs a stream asked for, as sent: each URL-encoded, comma-joined. */
const skusOf = (stream: Stream) => /[?&]skus=([^&]*)/.exec(stream.url)![1]!.split(',');

/** Subscribes, keeping every state delivered. */
function watch(store: ReturnType<typeof testStore>, sku: string, run: string) {
  const states: AvailabilityState[] = [];
  const unsubscribe = store.subscribe(sku, batched(run), (state) => states.push(state));
  return { states, unsubscribe };
}

/** Makes the page look hidden (or shown again) and says so, as the browser would. */
function setHidden(hidden: boolean) {
  // Own properties over the prototype's getters; showPage() takes them away.
  Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
  const state = hidden ? 'hidden' : 'visible';
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

function showPage() {
  delete (document as { hidden?: boolean }).hidden;
  delete (document as { visibilityState?: string }).visibilityState;
}

describe('live feed (the live option)', () => {
  const unsubscribes: (() => void)[] = [];
  afterEach(() => {
    unsubscribes.splice(0).forEach((unsubscribe) => unsubscribe());
    showPage();
    restoreStubs();
    resetAll();
  });

  it('opens one stream for every SKU shown, and reopens after the last event for one added later', async () => {
    const run = newRun();
    const store = testStore({ live: liveTemplate(run) });
    const watched = ['A', 'B,C', 'D'].map((sku) => watch(store, sku, run));
    unsubscribes.push(...watched.map((w) => w.unsubscribe));
    const [first] = await streamsWhen(run, (all) => all.length > 0, 'a stream opens');
    expect(skusOf(first!)).to.deep.equal(['A', 'B%2CC', 'D']);
    expect(first!.lastEventId).to.equal('');

    await send(run, '41', { sku: 'A', onHand: 7 });
    await eventually(() => watched[0]!.states.at(-1)?.record?.onHand === 7, 'the pushed record');

    const added = watch(store, 'E', run);
    unsubscribes.push(added.unsubscribe);
    const all = await streamsWhen(
      run,
      (s) => s.length === 2 && !s[0]!.open,
      'a second stream, the first closed',
    );
    expect(skusOf(all[1]!)).to.deep.equal(['A', 'B%2CC', 'D', 'E']);
    expect(all[1]!.lastEventId).to.equal('41');
    expect(all[1]!.url).to.contain('&lastEventId=41');
  });

  it('closes while the page is hidden and resumes after the last event when it is shown', async () => {
    const run = newRun();
    const store = testStore({ live: liveTemplate(run) });
    const a = watch(store, 'A', run);
    unsubscribes.push(a.unsubscribe);
    await streamsWhen(run, (all) => all.length === 1 && all[0]!.open, 'a stream opens');
    await send(run, '7', { sku: 'A', onHand: 3 });
    await eventually(() => a.states.at(-1)?.record?.onHand === 3, 'the pushed record');

    setHidden(true);
    await streamsWhen(run, (all) => all.length === 1 && !all[0]!.open, 'the stream closed');
    setHidden(false);
    const all = await streamsWhen(run, (s) => s.length === 2 && s[1]!.open, 'a stream again');
    expect(all[1]!.lastEventId).to.equal('7');
  });

  it('closes when no SKU is shown any more', async () => {
    const run = newRun();
    const store = testStore({ live: liveTemplate(run) });
    const a = watch(store, 'A', run);
    await streamsWhen(run, (all) => all.length === 1 && all[0]!.open, 'a stream opens');
    a.unsubscribe();
    await streamsWhen(run, (all) => !all[0]!.open, 'the stream closed');
  });

  it('warns about a bad pushed record and keeps the last good one; the next good one comes through', async () => {
    const run = newRun();
    const warnings: string[] = [];
    stub(console, 'warn', (...args: unknown[]) => warnings.push(args.join(' ')));
    const store = testStore({ live: liveTemplate(run) });
    const a = watch(store, 'BAD-A', run);
    unsubscribes.push(a.unsubscribe);
    await eventually(() => a.states.at(-1)?.state === 'ready', 'the fetched record');
    await streamsWhen(run, (all) => all.length === 1 && all[0]!.open, 'a stream opens');

    await send(run, '1', '{not json');
    await send(run, '2', { sku: 'BAD-A', onHand: 'lots' });
    await send(run, '3', { sku: 'BAD-A', onHand: 2 });
    await eventually(() => a.states.at(-1)?.record?.onHand === 2, 'the good record after');
    expect(warnings.some((w) => w.includes('not JSON'))).to.equal(true);
    expect(warnings.some((w) => w.includes('SKU "BAD-A": ignored onHand'))).to.equal(true);
    // The bad ones delivered nothing: the fetched record, then the good push.
    expect(a.states.map((s) => s.record?.onHand)).to.deep.equal([undefined, 5, 2]);
  });
});

describe('live feed on the page: <expected-date>', () => {
  beforeEach(() => pinClock());
  afterEach(() => {
    restoreStubs();
    resetAll();
  });

  it('renders a pushed moved date, announces it politely and raises expected-date-change', async () => {
    const run = newRun();
    configure({ endpoint: batched(run), live: liveTemplate(run) });
    const changes: unknown[] = [];
    const el = await fixture<ExpectedDate>(
      html`<expected-date
        sku="pre-LIVE"
        locale="en-GB"
        @expected-date-change=${(e: CustomEvent) => changes.push(e.detail)}
      ></expected-date>`,
    );
    await eventually(() => shownText(el).includes('12 March 2027'), 'the fetched date');
    await streamsWhen(run, (all) => all.length === 1 && all[0]!.open, 'a stream opens');

    await send(run, '9', { sku: 'pre-LIVE', status: 'preorder', expectedDate: '2027-04-02' });
    await eventually(() => part(el, 'notice')?.textContent?.includes('Now expected'), 'notice');
    const notice = part(el, 'notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Now expected 2 April 2027 (was 12 March 2027)',
    );
    expect(changes).to.deep.equal([
      { sku: 'pre-LIVE', previous: '2027-03-12', current: '2027-04-02' },
    ]);
    el.remove();
    await streamsWhen(run, (all) => !all[0]!.open, 'the stream closed with the element');
  });
});

describe('the live option: data-live and configure()', () => {
  afterEach(() => {
    restoreStubs();
    resetAll();
  });

  it('data-live is read from the script tag; a template without {skus} is refused, saying why', () => {
    expect(optionsFromDataset({ live: '/events?skus={skus}' })).to.deep.equal({
      live: '/events?skus={skus}',
    });
    const errors: string[] = [];
    stub(console, 'error', (message: string) => errors.push(message));
    configure({ live: '/events' });
    expect(getOptions().live).to.equal(undefined);
    expect(errors).to.deep.equal([
      '[preorder-elements] configure(): option "live" must be a URL template with {skus}; got /events. Ignored.',
    ]);
  });

  it('configure({ live }) with SKUs already shown opens the stream; null closes it and forgets the last event', async () => {
    const run = newRun();
    const unsubscribe = availabilityStore.subscribe('A', batched(run), () => {});
    try {
      configure({ live: liveTemplate(run) });
      await streamsWhen(run, (all) => all.length === 1 && all[0]!.open, 'a stream opens');
      await send(run, '9', { sku: 'A', onHand: 2 });
      configure({ live: null });
      await streamsWhen(run, (all) => !all[0]!.open, 'the stream closed');
      // Turned on again (another service, a reset database): afresh, not after event 9.
      configure({ live: liveTemplate(run) });
      const all = await streamsWhen(run, (s) => s.length === 2 && s[1]!.open, 'a stream again');
      expect(all[1]!.lastEventId).to.equal('');
      expect(all[1]!.url).not.to.contain('lastEventId');
    } finally {
      unsubscribe();
    }
  });
});
