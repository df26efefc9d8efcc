import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AvailabilityController } from '../../src/data/index.js';
import { newRun, sleep, testStore } from './helpers.js';

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
  it('the final state is always the last SKU’s (property, out-of-order answers)', async function () {
    this.timeout(60_000);
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
            () => ({ sku, endpoint: `/mock/availability?run=${run}&skus={skus}` }),
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
            if (step.gap) await sleep(step.gap);
          }
          // Every answer, late or not, has arrived by now: the last SKU's is waited for (a
          // busy machine can take longer than any fixed pause), and the earlier ones, all
          // sent before it and at most 120 ms slow, get 250 ms more to land wrongly.
          await waitUntil(() => controller.state.record?.sku === last, `no answer for ${last}`, {
            timeout: 5000,
          });
          await sleep(250);
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
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return original(input, init);
    };
    try {
      const run = newRun();
      const store = testStore();
      const host = new FakeHost();
      let sku = 'slow500-OLD';
      const controller = new AvailabilityController(
        host,
        () => ({ sku, endpoint: `/mock/availability?run=${run}&skus={skus}` }),
        undefined,
        store,
      );
      controller.hostConnected();
      await sleep(50);
      sku = 'NEW';
      controller.sync();
      // NEW answers at once, but a busy machine can take longer than any fixed pause.
      await waitUntil(() => controller.state.record?.sku === 'NEW', 'no answer for NEW', {
        timeout: 5000,
      });
      expect(signals[0]?.aborted).to.equal(true);
      expect(controller.state.record?.sku).to.equal('NEW');
      controller.hostDisconnected();
    } finally {
      window.fetch = original;
    }
  });

  it('inline availability needs no request and wins over the endpoint', async () => {
    const run = newRun();
    const store = testStore();
    const host = new FakeHost();
    const controller = new AvailabilityController(
      host,
      () => ({
        sku: 'X',
        endpoint: `/mock/availability?run=${run}&skus={skus}`,
        inline: '{"sku":"X","status":"preorder"}',
      }),
      undefined,
      store,
    );
    controller.hostConnected();
    expect(controller.state.state).to.equal('ready');
    expect(controller.state.record?.status).to.equal('preorder');
    await sleep(50);
    const log = await (await fetch(`/mock/log?run=${run}`)).json();
    expect(log.count).to.equal(0);
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
