import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AvailabilityState } from '../../src/data/index.js';
import {
  eventually,
  newRun,
  PATIENCE,
  restoreStubs,
  serverLog,
  settled,
  stub,
  testStore,
  watchTimers,
} from './helpers.js';

const endpoint = (run: string, knobs: string) =>
  `/mock/availability?run=${run}&${knobs}&skus={skus}`;

/** Fails the test on any uncaught error or unhandled rejection while it runs. */
let uncaught: unknown[] = [];
const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
  uncaught.push('reason' in event ? event.reason : event.error);

describe('faults', () => {
  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    restoreStubs();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
  });

  /** Subscribes, waits for the first settled state, checks the attempts at the server. */
  async function expectFailure(knobs: string, kind: string, attempts: number, options = {}) {
    const run = newRun();
    const store = testStore({ retries: 2, ...options });
    const state = await settled(store, 'F-1', endpoint(run, knobs));
    expect(state.state).to.equal('error');
    expect(state.error?.kind).to.equal(kind);
    expect(state.error?.attempts).to.equal(attempts);
    expect((await serverLog(run)).count, 'attempts at the server').to.equal(attempts);
    return { state, run, store };
  }

  it('connection refused: network error after 1 + retries attempts', async () => {
    const store = testStore({ retries: 2 });
    const state = await settled(store, 'F-1', 'http://127.0.0.1:9/availability?skus={skus}');
    expect(state.state).to.equal('error');
    expect(state.error?.kind).to.equal('network');
    expect(state.error?.attempts).to.equal(3);
    expect(state.error?.url).to.equal('http://127.0.0.1:9/availability?skus=F-1');
  });

  it('timeout: abandoned after `timeout` ms, not retried', async () => {
    const started = performance.now();
    // Not waited out: the answer (at 3 s) would have made it 'ready', not 'timeout'.
    const { state } = await expectFailure('delay=3000', 'timeout', 1, { timeout: 300 });
    // Nor cut short. A lower bound: a slow machine only adds to it (the margin is a timer's
    // granularity, not speed).
    expect(performance.now() - started).to.be.at.least(250);
    expect(state.error?.message).to.contain('300 ms');
  });

  it('500: retried, 1 + retries attempts in all', async () => {
    const { state } = await expectFailure('status=500', 'http', 3);
    expect(state.error?.status).to.equal(500);
  });

  // Lower bounds on the wall clock: a slow machine only adds to them.
  it('503 with Retry-After in seconds: waits that long before the retry', async () => {
    const started = performance.now();
    await expectFailure('status=503&retryAfter=1', 'http', 2, { retries: 1 });
    expect(performance.now() - started).to.be.at.least(1000);
  });

  it('429 with Retry-After as an HTTP date: waits until then', async () => {
    const started = performance.now();
    await expectFailure('status=429&retryAfter=date', 'http', 2, { retries: 1 });
    // The date has whole seconds: at least 0.5 s of the 1.5 s asked for remain.
    expect(performance.now() - started).to.be.at.least(450);
  });

  it('404: never retried', async () => {
    await expectFailure('status=404', 'http', 1);
  });

  it('malformed JSON: a parse error, not retried', async () => {
    await expectFailure('body=malformed', 'parse', 1);
  });

  it('an HTML body: a parse error', async () => {
    const { state } = await expectFailure('body=html', 'parse', 1);
    expect(state.error?.message).to.contain('text/html');
  });

  it('JSON with a wrong content type: a parse error', async () => {
    await expectFailure('body=text-type', 'parse', 1);
  });

  it('a body that trickles in: abandoned at the timeout', async () => {
    await expectFailure('body=trickle', 'timeout', 1, { timeout: 600 });
  });

  it('a 200 whose fields all violate the schema: a data error, with one warning per SKU', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      await expectFailure('body=schema', 'data', 1);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('F-1').and.contain('onHand').and.contain('reserved');
    expect(warnings[1]).to.contain('no record for "F-1"');
  });

  it('each failed request is one console warning naming the kind, attempts and URL', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { run } = await expectFailure('status=500', 'http', 3, { retryDelay: 1 });
      expect(warnings).to.have.length(1);
      expect(warnings[0])
        .to.contain('(http, attempts: 3)')
        .and.contain('500')
        .and.contain(`run=${run}`);
      warnings.length = 0;
      const store = testStore({});
      const state = await settled(store, 'missing-9', endpoint(newRun(), 'x=1'));
      expect(state.error?.kind).to.equal('data');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(
        /^\[preorder-elements\] http:\/\/\S+\/mock\/availability\?\S+ has no record for "missing-9"$/,
      );
    } finally {
      console.warn = original;
    }
  });

  it('backoff: retries wait, and grow (full jitter)', async () => {
    // Attempt n waits random() * retryDelay * 2^(n-1): with random() pinned the waits are
    // known, and read where they are asked for (setTimeout), not off the wall clock.
    stub(Math, 'random', () => 0.5);
    const timers = watchTimers();
    const timeout = 4321; // each attempt's own timer: told apart from the waits by its delay
    await expectFailure('status=500', 'http', 4, { retries: 3, retryDelay: 200, timeout });
    const waits = timers.delays.filter((ms) => ms !== undefined && ms !== timeout);
    expect(waits).to.deep.equal([100, 200, 400]);
  });

  it('recovers on the next successful refresh', async () => {
    const run = newRun();
    const store = testStore({ retries: 0 });
    const states: AvailabilityState[] = [];
    const off = store.subscribe('R-1', endpoint(run, 'status=500&failTimes=1'), (s) =>
      states.push(s),
    );
    await eventually(() => states.at(-1)?.state === 'error', 'never failed');
    store.refresh();
    await eventually(() => states.at(-1)?.state === 'ready', 'never recovered');
    off();
    expect(states.at(-1)?.state).to.equal('ready');
    expect(states.at(-1)?.error).to.equal(undefined);
  });

  it('a failed refresh keeps the last good record and reports the error', async () => {
    const run = newRun();
    const store = testStore({ retries: 0 });
    const states: AvailabilityState[] = [];
    const off = store.subscribe('K-1', endpoint(run, 'x=1'), (s) => states.push(s));
    await eventually(() => states.at(-1)?.state !== 'loading', 'no answer for K-1');
    expect(states.at(-1)?.state).to.equal('ready');
    // The endpoint now answers 503 (stubbed at the network boundary only).
    const original = window.fetch;
    window.fetch = () => Promise.resolve(new Response('{}', { status: 503 }));
    try {
      store.refresh('K-1');
      await eventually(() => states.at(-1)?.error, 'the failed refresh was not reported');
    } finally {
      window.fetch = original;
      off();
    }
    const last = states.at(-1)!;
    expect(last.state).to.equal('ready');
    expect(last.record?.sku).to.equal('K-1');
    expect(last.error?.status).to.equal(503);
  });

  it('offline, then online: fails, then recovers by itself on reconnect', async function () {
    // The runner's server ends the offline spell on its own clock (the page cannot reach it
    // meanwhile): forMs only has to outlast two failing attempts (a few ms) with a wide margin.
    const forMs = 2000;
    this.timeout(forMs + 2 * PATIENCE);
    const run = newRun();
    const store = testStore({ retries: 1 });
    const states: AvailabilityState[] = [];
    // false where the runner cannot take this browser offline (WebKit over WebDriver classic).
    const offline = await executeServerCommand('go-offline', { afterMs: 50, forMs });
    if (!offline) {
      console.warn('skipped "offline, then online": this browser cannot be taken offline');
      this.skip();
    }
    await eventually(() => !navigator.onLine, 'never went offline');
    const off = store.subscribe('O-1', endpoint(run, 'x=1'), (s) => states.push(s));
    await eventually(() => states.at(-1)?.state === 'error', 'never failed');
    expect(states.at(-1)?.error?.kind).to.equal('network');
    // Back online: the 'online' event refreshes.
    await eventually(() => states.at(-1)?.state === 'ready', 'never recovered');
    off();
    expect(navigator.onLine).to.equal(true);
    expect(states.at(-1)?.state).to.equal('ready');
    expect((await serverLog(run)).count).to.equal(1);
  });
});
