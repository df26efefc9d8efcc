import { expect } from '@open-wc/testing';
import {
  advanceDateNow,
  batched,
  eventually,
  newRun,
  restoreStubs,
  serverLog,
  settled,
  skus,
  skusIn,
  testStore,
  watchFetch,
  watchTimers,
} from './helpers.js';

const single = (run: string) => `/mock/availability/{sku}?run=${run}`;

// No test here times anything: each waits for the answers it counts, moves
// Date.now() or fires the store's timer itself, and shows that nothing more
// was asked for by a later request's URL (a SKU asked for in the same task
// would share it).
describe('batching', () => {
  afterEach(restoreStubs);

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
    const sizes = log.urls.map((url) => skusIn(url).length);
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
    const requests = watchFetch({ hold: true }); // in flight until released
    const first = settled(store, 'A', batched(run));
    await eventually(() => requests.requests.length, 'the first request was never sent');
    const second = settled(store, 'A', batched(run));
    requests.release();
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

  it('a stale record is delivered at once and refreshed in the background', async () => {
    const run = newRun();
    const store = testStore();
    await settled(store, 'STALE', batched(run));
    advanceDateNow(61_000); // past the default cacheTtl, 60 s
    const seen: string[] = [];
    const unsubscribe = store.subscribe('STALE', batched(run), (s) => seen.push(s.state));
    expect(seen).to.deep.equal(['ready']); // synchronously, from the cache
    await eventually(() => seen.length === 2, 'the stale record was never refreshed');
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
    let answers = 0;
    const answered = (n: number) => eventually(() => answers >= n, `${n} answers expected`);
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
    store.refresh('AWAY'); // nobody watches it now: no request yet
    await settled(store, 'LATER', batched(run));
    const seen: string[] = [];
    const off = store.subscribe('AWAY', batched(run), (s) => seen.push(s.state));
    await eventually(() => seen.length === 2, 'the stale record was never fetched');
    off();
    expect(seen).to.deep.equal(['ready', 'ready']); // the stale record at once, then the fresh one
    const log = await serverLog(run);
    expect(log.urls.map(skusIn)).to.deep.equal([['AWAY'], ['LATER'], ['AWAY']]);
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
    // The test says when each interval falls due: 37 s is a delay nothing else here uses.
    const interval = watchTimers({ hold: 37_000 });
    const store = testStore({ refreshInterval: 37, cacheTtl: 60 });
    let answers = 0;
    const answered = (n: number) => eventually(() => answers === n, `${n} answers expected`);
    const off = store.subscribe('TICK', batched(run), (s) => {
      if (s.state !== 'loading') answers++;
    });
    await answered(1);
    for (const n of [2, 3]) {
      expect(interval.pending, 'interval timers armed').to.equal(1);
      interval.fire();
      await answered(n);
    }
    off();
    interval.fire(); // due with nobody listening: asks for nothing, and arms no timer
    expect(interval.pending, 'interval timers armed with nobody listening').to.equal(0);
    await settled(store, 'LATER', batched(run));
    const log = await serverLog(run);
    expect(log.urls.map(skusIn)).to.deep.equal([['TICK'], ['TICK'], ['TICK'], ['LATER']]);
  });
});
