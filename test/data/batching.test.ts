import { expect, waitUntil } from '@open-wc/testing';
import { newRun, serverLog, settled, sleep, testStore } from './helpers.js';

const batched = (run: string) => `/mock/availability?run=${run}&skus={skus}`;
const single = (run: string) => `/mock/availability/{sku}?run=${run}`;
const skus = (n: number, prefix = 'SKU') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('batching', () => {
  it('48 subscriptions to 48 SKUs in one task cost 1 request', async () => {
    const run = newRun();
    const store = testStore();
    const states = await Promise.all(skus(48).map((sku) => settled(store, sku, batched(run))));
    expect(states.every((s) => s.state === 'ready')).to.equal(true);
    expect(states.map((s) => s.record?.sku)).to.deep.equal(skus(48));
    expect((await serverLog(run)).count).to.equal(1);
  });

  for (const n of [1, 24, 48, 200]) {
    it(`${n} SKUs: ceil(${n} / 50) requests batched, ${n} with one request per SKU`, async () => {
      const [batchedRun, singleRun] = [newRun(), newRun()];
      const store = testStore();
      await Promise.all(skus(n).map((sku) => settled(store, sku, batched(batchedRun))));
      await Promise.all(skus(n).map((sku) => settled(store, sku, single(singleRun))));
      const counts = [(await serverLog(batchedRun)).count, (await serverLog(singleRun)).count];
      console.info(`requests for ${n} SKUs: batched ${counts[0]}, one per SKU ${counts[1]}`);
      expect(counts).to.deep.equal([Math.ceil(n / 50), n]);
    });
  }

  it('120 SKUs with batchSize 50 cost 3 requests of 50, 50 and 20', async () => {
    const run = newRun();
    const store = testStore({ batchSize: 50 });
    await Promise.all(skus(120).map((sku) => settled(store, sku, batched(run))));
    const log = await serverLog(run);
    expect(log.count).to.equal(3);
    const sizes = log.urls.map(
      (u) => new URL(u, location.href).searchParams.get('skus')!.split(',').length,
    );
    expect(sizes.sort((a, b) => b - a)).to.deep.equal([50, 50, 20]);
  });

  it('the same SKU from 10 subscribers costs 1 request', async () => {
    const run = newRun();
    const store = testStore();
    const states = await Promise.all(
      Array.from({ length: 10 }, () => settled(store, 'SAME', batched(run))),
    );
    expect(states.every((s) => s.record?.sku === 'SAME')).to.equal(true);
    expect((await serverLog(run)).count).to.equal(1);
  });

  it('never asks twice for a SKU already in flight, across tasks', async () => {
    const run = newRun();
    const store = testStore();
    const first = settled(store, 'slow300-A', batched(run));
    await sleep(50); // the first request is now on the wire
    const second = settled(store, 'slow300-A', batched(run));
    await Promise.all([first, second]);
    expect((await serverLog(run)).count).to.equal(1);
  });

  it('a repeat view within cacheTtl costs 0 requests', async () => {
    const run = newRun();
    const store = testStore({ cacheTtl: 60 });
    await Promise.all(skus(5).map((sku) => settled(store, sku, batched(run))));
    const again = await Promise.all(skus(5).map((sku) => settled(store, sku, batched(run))));
    expect(again.every((s) => s.state === 'ready')).to.equal(true);
    expect((await serverLog(run)).count).to.equal(1);
  });

  describe('a repeat view of the page (a new store: the page reloaded)', () => {
    afterEach(() => localStorage.clear());
    /** Records are stored when the page is idle: waits for this run's. */
    const stored = (run: string) =>
      waitUntil(
        () => localStorage.getItem('preorder-elements:records')?.includes(run),
        'never stored',
      );

    it('within cacheTtl: 0 requests, the stored records delivered at once', async () => {
      const run = newRun();
      const first = testStore();
      await Promise.all(skus(5).map((sku) => settled(first, sku, batched(run))));
      await stored(run);
      const reloaded = testStore();
      const seen: string[] = [];
      const stop = skus(5).map((sku) =>
        reloaded.subscribe(sku, batched(run), (s) => seen.push(`${s.state} ${s.record?.sku}`)),
      );
      expect(seen).to.deep.equal(skus(5).map((sku) => `ready ${sku}`)); // synchronously
      await sleep(100);
      stop.forEach((unsubscribe) => unsubscribe());
      expect((await serverLog(run)).count).to.equal(1);
    });

    it('past cacheTtl: the stored record at once, then one background request', async () => {
      const run = newRun();
      await settled(testStore({ cacheTtl: 0.05 }), 'OLD', batched(run));
      await stored(run);
      await sleep(80);
      const seen: string[] = [];
      const stop = testStore({ cacheTtl: 0.05 }).subscribe('OLD', batched(run), (s) =>
        seen.push(s.state),
      );
      expect(seen).to.deep.equal(['ready']);
      await waitUntil(() => seen.length === 2, 'the stored record was never refreshed');
      stop();
      expect((await serverLog(run)).count).to.equal(2);
    });

    it('cacheTtl 0 stores nothing; unusable stored data is ignored', async () => {
      const run = newRun();
      await settled(testStore({ cacheTtl: 0 }), 'NONE', batched(run));
      await sleep(100); // past any idle callback
      expect(localStorage.getItem('preorder-elements:records')).to.equal(null);
      localStorage.setItem(
        'preorder-elements:records',
        JSON.stringify({
          [`${batched(run)}\nBAD`]: [Date.now(), { sku: 'OTHER', onHand: 1 }],
          [`${batched(run)}\nWORSE`]: 'garbage',
        }),
      );
      const reloaded = testStore();
      const states = await Promise.all(
        ['BAD', 'WORSE'].map((sku) => settled(reloaded, sku, batched(run))),
      );
      expect(states.map((s) => s.record?.sku)).to.deep.equal(['BAD', 'WORSE']);
      expect((await serverLog(run)).count).to.equal(2); // NONE, then BAD and WORSE in one batch
      localStorage.setItem('preorder-elements:records', '{not json');
      expect((await settled(testStore(), 'BAD', batched(run))).state).to.equal('ready');
    });
  });

  it('a stale record is delivered at once and refreshed in the background', async () => {
    const run = newRun();
    const store = testStore({ cacheTtl: 0.05 });
    await settled(store, 'STALE', batched(run));
    await sleep(80);
    const seen: string[] = [];
    const unsubscribe = store.subscribe('STALE', batched(run), (s) => seen.push(s.state));
    expect(seen).to.deep.equal(['ready']); // synchronously, from the cache
    await waitUntil(() => seen.length === 2, 'the stale record was never refreshed');
    unsubscribe();
    expect(seen).to.deep.equal(['ready', 'ready']); // then the refreshed record
    expect((await serverLog(run)).count).to.equal(2);
  });

  it('{sku} templates make one request per SKU, and a record without sku is taken for the URL’s', async () => {
    const run = newRun();
    const store = testStore();
    const states = await Promise.all(skus(4).map((sku) => settled(store, sku, single(run))));
    expect(states.map((s) => s.record?.sku)).to.deep.equal(skus(4));
    expect((await serverLog(run)).count).to.equal(4);
  });

  it('URL-encodes each SKU and joins them with commas', async () => {
    const run = newRun();
    const store = testStore();
    const odd = ['a,b', 'ü/?&', 'plain'];
    const states = await Promise.all(odd.map((sku) => settled(store, sku, batched(run))));
    expect(states.map((s) => s.record?.sku)).to.deep.equal(odd);
    const log = await serverLog(run);
    expect(log.urls[0]).to.contain('skus=a%2Cb,%C3%BC%2F%3F%26,plain');
  });

  it('a batch missing a SKU marks only that SKU unknown', async () => {
    const run = newRun();
    const store = testStore();
    const [ok, missing] = await Promise.all([
      settled(store, 'PRESENT', batched(run)),
      settled(store, 'missing-1', batched(run)),
    ]);
    expect(ok.state).to.equal('ready');
    expect(missing.state).to.equal('error');
    expect(missing.error?.kind).to.equal('data');
    expect(missing.error?.message).to.contain('missing-1');
  });

  it('refresh(sku) fetches again even when fresh; refresh() fetches every watched SKU in one batch', async () => {
    const run = newRun();
    const store = testStore({ cacheTtl: 60 });
    // Each step waits for its answers (a busy machine can take longer than any fixed pause).
    let answers = 0;
    const answered = (n: number) =>
      waitUntil(() => answers >= n, `${n} answers expected`, { timeout: 5000 });
    const offs = skus(3).map((sku) =>
      store.subscribe(sku, batched(run), (s) => {
        if (s.state !== 'loading') answers++;
      }),
    );
    await answered(3);
    store.refresh('SKU-1');
    await answered(4);
    store.refresh();
    await answered(7);
    offs.forEach((off) => off());
    const log = await serverLog(run);
    expect(log.count).to.equal(3);
    expect(log.urls[1]).to.match(/skus=SKU-1(&|$)/);
    expect(log.urls[2]).to.contain('SKU-0,SKU-1,SKU-2');
  });

  it('refresh(sku) of a SKU no element shows marks its record stale: fetched when next shown', async () => {
    const run = newRun();
    const store = testStore({ cacheTtl: 60 });
    await settled(store, 'AWAY', batched(run));
    await sleep(0); // settled() unsubscribes in a microtask
    store.refresh('AWAY'); // nobody watches it now: no request yet
    await sleep(50);
    expect((await serverLog(run)).count).to.equal(1);
    const seen: string[] = [];
    const off = store.subscribe('AWAY', batched(run), (s) => seen.push(s.state));
    await waitUntil(() => seen.length === 2, 'the stale record was never fetched');
    off();
    expect(seen).to.deep.equal(['ready', 'ready']); // the stale record at once, then the fresh one
    expect((await serverLog(run)).count).to.equal(2);
  });

  it('transform adapts another API shape', async () => {
    const run = newRun();
    const store = testStore({
      transform: (json) => (json as { data: { items: unknown[] } }).data.items,
    });
    const state = await settled(
      store,
      'T-1',
      `/mock/availability?run=${run}&body=object&skus={skus}`,
    );
    expect(state.record?.sku).to.equal('T-1');
  });

  it('fetchInit headers reach the server (and Accept asks for JSON)', async () => {
    let seen: Headers | undefined;
    const original = window.fetch;
    window.fetch = (input, init) => {
      seen = new Headers(init?.headers);
      return original(input, init);
    };
    try {
      const store = testStore({
        fetchInit: { headers: { 'X-Shop': 'demo' }, credentials: 'include' },
      });
      await settled(store, 'H-1', batched(newRun()));
    } finally {
      window.fetch = original;
    }
    expect(seen?.get('X-Shop')).to.equal('demo');
    expect(seen?.get('Accept')).to.equal('application/json');
  });

  it('refreshInterval refreshes while visible and stops when nobody listens', async () => {
    const run = newRun();
    const store = testStore({ refreshInterval: 0.1, cacheTtl: 60 });
    const off = store.subscribe('TICK', batched(run), () => undefined);
    await sleep(350);
    off();
    const during = (await serverLog(run)).count;
    await sleep(250);
    const after = (await serverLog(run)).count;
    expect(during).to.be.within(3, 5); // first load + about 3 ticks
    expect(after).to.equal(during);
  });
});
