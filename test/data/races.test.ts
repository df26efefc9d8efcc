import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AvailabilityController } from '../../src/data/index.js';
import {
  batched,
  eventually,
  newRun,
  restoreStubs,
  serverLog,
  settled,
  skusIn,
  sleep,
  testStore,
  watchFetch,
} from './helpers.js';

/** The smallest host a controller needs: what a LitElement gives it. */
class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
}

describe('races: variant switches while requests are in flight', () => {
  afterEach(restoreStubs);

  it('the final state is always the last SKU’s (property, out-of-order answers)', async function () {
    this.timeout(60_000);
    const requests = watchFetch();
    await fc.assert(
      fc.asyncProperty(
        // Each step: which SKU, how slow its answer, how long until the next switch.
        fc.array(
          fc.record({
            sku: fc.constantFrom('A', 'B', 'C', 'D'),
            latency: fc.integer({ min: 0, max: 120 }),
            gap: fc.integer({ min: 0, max: 60 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (steps) => {
          const run = newRun();
          const store = testStore({ cacheTtl: 0 });
          const host = new FakeHost();
          let sku = '';
          const seenAfterLast: string[] = [];
          let last = '';
          const controller = new AvailabilityController(
            host,
            () => ({ sku, endpoint: batched(run) }),
            (state) => {
              if (state.record && sku === last) seenAfterLast.push(state.record.sku);
            },
            store,
          );
          for (const [i, step] of steps.entries()) {
            sku = `slow${step.latency}-${step.sku}`;
            if (i === steps.length - 1) last = sku;
            if (i === 0) controller.hostConnected();
            else controller.sync();
            // The gap only shapes how switches and answers interleave; the property must
            // hold for any interleaving, so a slow machine (longer gaps) changes which one.
            if (step.gap) await sleep(step.gap);
          }
          await eventually(() => controller.state.record?.sku === last, `no answer for ${last}`);
          // Every request has been answered or aborted, and its answer handled: a late one
          // had its chance to land wrongly.
          await eventually(() => !requests.open, 'requests left unanswered');
          controller.hostDisconnected();
          expect(controller.state.state).to.equal('ready');
          expect(controller.state.record?.sku).to.equal(last);
          expect(seenAfterLast.every((s) => s === last)).to.equal(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a superseded request is aborted when no one else wants its SKU', async () => {
    const requests = watchFetch({ hold: true }); // OLD stays in flight until the switch
    const run = newRun();
    const store = testStore();
    const host = new FakeHost();
    let sku = 'OLD';
    const controller = new AvailabilityController(
      host,
      () => ({ sku, endpoint: batched(run) }),
      undefined,
      store,
    );
    controller.hostConnected();
    await eventually(() => requests.requests.length, 'OLD was never asked for');
    sku = 'NEW';
    controller.sync();
    // Checked before its answer is let through: a finished request's signal is aborted too.
    expect(requests.requests[0]!.signal?.aborted, 'OLD aborted').to.equal(true);
    requests.release();
    await eventually(() => controller.state.record?.sku === 'NEW', 'no answer for NEW');
    expect(requests.requests.map((r) => skusIn(r.url))).to.deep.equal([['OLD'], ['NEW']]);
    controller.hostDisconnected();
  });

  it('inline availability needs no request and wins over the endpoint', async () => {
    const run = newRun();
    const store = testStore();
    const host = new FakeHost();
    const controller = new AvailabilityController(
      host,
      () => ({ sku: 'X', endpoint: batched(run), inline: '{"sku":"X","status":"preorder"}' }),
      undefined,
      store,
    );
    controller.hostConnected();
    expect(controller.state.state).to.equal('ready');
    expect(controller.state.record?.status).to.equal('preorder');
    // A SKU asked for in the same task would share a request for X: its request alone shows none.
    await settled(store, 'LATER', batched(run));
    const log = await serverLog(run);
    expect(log.urls.map(skusIn)).to.deep.equal([['LATER']]);
    controller.hostDisconnected();
  });

  it('inline availability that is not JSON is a clear parse error', () => {
    const host = new FakeHost();
    const controller = new AvailabilityController(
      host,
      () => ({ sku: 'X', inline: '{oops' }),
      undefined,
      testStore(),
    );
    controller.hostConnected();
    expect(controller.state.state).to.equal('error');
    expect(controller.state.error?.kind).to.equal('parse');
    controller.hostDisconnected();
  });
});
