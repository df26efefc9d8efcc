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
} from './helpers.js';

// Records kept in localStorage for a later view of the page. Nothing here is
// timed: Date.now() is moved past cacheTtl, stored records are waited for,
// and a later request's URL shows that nothing else was asked for.
describe('batching', () => {
  afterEach(restoreStubs);

  describe('a repeat view of the page (a new store: the page reloaded)', () => {
    afterEach(() => localStorage.clear());
    const STORED = 'preorder-elements:records';
    const storedKeys = () => Object.keys(JSON.parse(localStorage.getItem(STORED) ?? '{}'));
    /** Records are stored when the page is idle (and in order): waits for this one. */
    const stored = (run: string, sku: string) =>
      eventually(() => storedKeys().includes(`${batched(run)}\n${sku}`), `${sku} never stored`);

    it('within cacheTtl: 0 requests, the stored records delivered at once', async () => {
      const run = newRun();
      const first = testStore();
      await Promise.all(skus(5).map((sku) => settled(first, sku, batched(run))));
      await stored(run, 'SKU-4');
      const reloaded = testStore();
      const seen: string[] = [];
      const stop = skus(5).map((sku) =>
        reloaded.subscribe(sku, batched(run), (s) => seen.push(`${s.state} ${s.record?.sku}`)),
      );
      expect(seen).to.deep.equal(skus(5).map((sku) => `ready ${sku}`)); // synchronously
      await settled(reloaded, 'LATER', batched(run));
      stop.forEach((unsubscribe) => unsubscribe());
      const log = await serverLog(run);
      expect(log.urls.map(skusIn)).to.deep.equal([skus(5), ['LATER']]);
    });

    it('past cacheTtl: the stored record at once, then one background request', async () => {
      const run = newRun();
      await settled(testStore(), 'OLD', batched(run));
      await stored(run, 'OLD');
      advanceDateNow(61_000); // past the default cacheTtl, 60 s
      const seen: string[] = [];
      const stop = testStore().subscribe('OLD', batched(run), (s) => seen.push(s.state));
      expect(seen).to.deep.equal(['ready']);
      await eventually(() => seen.length === 2, 'the stored record was never refreshed');
      stop();
      expect((await serverLog(run)).count).to.equal(2);
    });

    it('cacheTtl 0 stores nothing; unusable stored data is ignored', async () => {
      const run = newRun();
      await settled(testStore({ cacheTtl: 0 }), 'NONE', batched(run));
      // Stored in order: once a later answer's record is, NONE's would have been.
      await settled(testStore(), 'LATER', batched(run));
      await stored(run, 'LATER');
      const ours = storedKeys().filter((key) => key.startsWith(batched(run)));
      expect(ours).to.deep.equal([`${batched(run)}\nLATER`]);
      localStorage.setItem(
        STORED,
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
      expect((await serverLog(run)).count).to.equal(3); // NONE, LATER, then BAD and WORSE in one batch
      localStorage.setItem(STORED, '{not json');
      expect((await settled(testStore(), 'BAD', batched(run))).state).to.equal('ready');
    });
  });
});
