import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { configure, getOptions, resetOptions, validateOptions } from '../../src/data/index.js';
import {
  batched,
  eventually,
  newRun,
  restoreStubs,
  serverLog,
  settled,
  skusIn,
  stub,
  testStore,
  watchFetch,
} from './helpers.js';

// Issue 16 (a hostile-page probe), the store's part: stored times, answers
// carrying what nobody asked for, huge answers, and refresh() past the HTTP cache.
const STORED = 'preorder-elements:records';
const NOW = Date.UTC(2026, 10, 26, 15, 0);
const TTL_MS = 60_000; // the default cacheTtl

/** console.warn calls until restoreStubs(), as text. */
function watchWarnings(): string[] {
  const seen: string[] = [];
  stub(console, 'warn', (...args: unknown[]) => void seen.push(args.map(String).join(' ')));
  return seen;
}

/** Lets the store's flush run: it asks in the task after a subscribe (afterCurrentTask). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('hardening: the store (issue 16)', () => {
  afterEach(() => {
    restoreStubs();
    localStorage.clear();
    resetOptions();
  });

  describe('item 2: a stored fetched-at time is bounded', () => {
    it('a time ahead of the clock is stale: the stored record at once, then a request', async () => {
      const run = newRun();
      const template = batched(run);
      localStorage.setItem(
        STORED,
        JSON.stringify({ [`${template}\nFUTURE`]: [Date.now() + 86_400_000, { sku: 'FUTURE' }] }),
      );
      const seen: (number | undefined)[] = [];
      const stop = testStore().subscribe('FUTURE', template, (s) => seen.push(s.record?.onHand));
      expect(seen).to.deep.equal([undefined]); // shown at once, from storage (it has no onHand)
      await eventually(() => seen.length === 2, 'the future-dated record was never refreshed');
      stop();
      expect(seen[1]).to.equal(5); // the server's record
      expect((await serverLog(run)).count).to.equal(1);
    });

    it('generated stored times: fresh only when 0 <= now - time < cacheTtl', async () => {
      stub(Date, 'now', () => NOW);
      const time = fc.oneof(
        fc.integer({ min: -TTL_MS, max: 2 * TTL_MS }).map((ms) => NOW - ms),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -0, NOW, NOW + 1, NOW - TTL_MS, NOW - TTL_MS + 1, 8.64e15, 1e308),
      );
      await fc.assert(
        fc.asyncProperty(time, async (fetchedAt) => {
          localStorage.setItem(
            STORED,
            JSON.stringify({ ['/never/{skus}\nS']: [fetchedAt, { sku: 'S', onHand: 1 }] }),
          );
          const fetches = watchFetch({ hold: true });
          const store = testStore();
          const stop = store.subscribe('S', '/never/{skus}', () => {});
          await nextTask(); // the flush: a request, or none
          stop(); // aborts the held request
          restoreStubs();
          stub(Date, 'now', () => NOW);
          const age = NOW - fetchedAt;
          expect(fetches.requests.length, `fetched at ${fetchedAt}`).to.equal(
            age >= 0 && age < TTL_MS ? 0 : 1,
          );
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('items 3 and 4: only the SKUs asked for are read and kept', () => {
    it('a batch answering 1,000 records besides the one asked for keeps that one, with one note', async () => {
      const run = newRun();
      const others = Array.from({ length: 1000 }, (_, i) => `OTHER-${i}`);
      // The real server answers every SKU in the URL: these come unasked for.
      const template = `/mock/availability?run=${run}&skus=${others.join(',')},{skus}`;
      const warnings = watchWarnings();
      const store = testStore();
      const state = await settled(store, 'A', template);
      expect(state.record?.sku).to.equal('A');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('ignored 1000 records not asked for');
      const stored = () => Object.keys(JSON.parse(localStorage.getItem(STORED) ?? '{}'));
      await eventually(() => stored().length, 'nothing stored');
      expect(stored()).to.deep.equal([`${template}\nA`]);
    });

    it('100,000 bad records in one answer: one warning, none per record', async () => {
      const run = newRun();
      const warnings = watchWarnings();
      const junk = Array.from({ length: 100_000 }, (_, i) => ({ sku: `J${i}`, status: 'bogus' }));
      const store = testStore({ transform: (json) => [...junk, ...(json as unknown[])] });
      const state = await settled(store, 'A', batched(run));
      expect(state.record?.sku).to.equal('A');
      expect(warnings).to.deep.equal([
        `[preorder-elements] ${new URL(batched(run).replace('{skus}', 'A'), location.href).href}: ignored 100000 records not asked for`,
      ]);
    });

    it('a SKU asked for is still validated, and warned about', async () => {
      const run = newRun();
      const warnings = watchWarnings();
      const store = testStore({
        transform: () => [{ sku: 'A', onHand: 'many' }, { sku: 'B' }],
      });
      const state = await settled(store, 'A', batched(run));
      expect(state.state).to.equal('error');
      expect(warnings.join('\n')).to.contain('SKU "A": ignored onHand');
      expect(warnings.join('\n')).to.contain('ignored 1 records not asked for');
    });
  });

  describe('item 4: the response body is bounded (maxResponseSize)', () => {
    it('defaults to 4,000,000 bytes; configure() and data-max-response-size set it', () => {
      expect(getOptions().maxResponseSize).to.equal(4_000_000);
      configure({ maxResponseSize: 1000 });
      expect(getOptions().maxResponseSize).to.equal(1000);
      expect(validateOptions({ maxResponseSize: 0 })).to.deep.equal({});
    });

    it('an answer over the limit is an availability error, asked for once, no record', async () => {
      const run = newRun();
      stub(console, 'warn', () => {});
      // The mock's answer for one SKU is about 50 bytes.
      const store = testStore({ maxResponseSize: 20 });
      const state = await settled(store, 'A', batched(run));
      expect(state.state).to.equal('error');
      expect(state.error?.kind).to.equal('parse');
      expect(state.error?.message).to.contain('body over 20 bytes');
      expect((await serverLog(run)).count).to.equal(1); // final: not retried
      const within = await settled(testStore({ maxResponseSize: 200 }), 'A', batched(run));
      expect(within.record?.sku).to.equal('A');
    });

    it('a body declared over the limit is refused before it is read (a trickle is not waited for)', async () => {
      const run = newRun();
      stub(console, 'warn', () => {});
      // One byte per 200 ms, its length declared: read whole, it would time out (8 s) instead.
      const store = testStore({ maxResponseSize: 3 });
      const state = await settled(
        store,
        'A',
        `/mock/availability?run=${run}&body=trickle&skus={skus}`,
      );
      expect(state.error?.message).to.contain('body over 3 bytes');
    });

    it('a body with no declared length is measured as read', async () => {
      const run = newRun();
      stub(console, 'warn', () => {});
      const template = `/mock/availability?run=${run}&chunked=1&skus={skus}`;
      const over = await settled(testStore({ maxResponseSize: 20 }), 'A', template);
      expect(over.error?.message).to.contain('body over 20 bytes');
      const within = await settled(testStore({ maxResponseSize: 200 }), 'B', template);
      expect(within.record?.sku).to.equal('B');
    });
  });

  describe('refresh() revalidates the browser HTTP cache', () => {
    it('a cacheable answer is fetched again on refresh(), not taken from the cache', async () => {
      const run = newRun();
      // maxAge: the test server lets the browser cache this answer for an hour.
      const template = `/mock/availability?run=${run}&maxAge=3600&skus={skus}`;
      // cacheTtl 0: nothing in localStorage, and each new store (a reload) asks again.
      await settled(testStore({ cacheTtl: 0 }), 'A', template);
      const fetches = watchFetch();
      // The HTTP cache is in play: a plain ask of a reloaded page reaches no server
      // (Chromium, Firefox; WebKit's test browser asks again, and then this proves less).
      await settled(testStore({ cacheTtl: 0 }), 'A', template);
      expect(fetches.requests).to.have.length(1);
      const before = (await serverLog(run)).count;
      if (!/AppleWebKit/.test(navigator.userAgent) || /Chrome/.test(navigator.userAgent))
        expect(before).to.equal(1);
      const store = testStore({ cacheTtl: 0 });
      const seen: string[] = [];
      const stop = store.subscribe('A', template, (s) => seen.push(s.state));
      store.refresh('A');
      await eventually(() => seen.includes('ready'), 'no answer after refresh()');
      stop();
      expect((await serverLog(run)).count).to.equal(before + 1);
      expect(skusIn(fetches.requests.at(-1)!.url)).to.deep.equal(['A']);
    });
  });
});
