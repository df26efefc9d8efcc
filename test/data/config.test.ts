import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import {
  AvailabilityController,
  configure,
  DEFAULTS,
  getOptions,
  onOptionsChange,
  optionsFromDataset,
  resetOptions,
  setScriptOptions,
} from '../../src/data/index.js';
import { eventually, newRun, testStore } from './helpers.js';

function captureErrors(run: () => void): string[] {
  const messages: string[] = [];
  const original = console.error;
  console.error = (message: string) => messages.push(message);
  try {
    run();
  } finally {
    console.error = original;
  }
  return messages;
}

describe('configure()', () => {
  afterEach(() => resetOptions());

  it('starts from the documented defaults', () => {
    const options = getOptions();
    expect(options.batchSize).to.equal(50);
    expect(options.cacheTtl).to.equal(60);
    expect(options.refreshInterval).to.equal(0);
    expect(options.timeout).to.equal(8000);
    expect(options.retries).to.equal(2);
    expect(options.fallback).to.equal('add-to-cart');
    expect(options.currency).to.equal('USD');
    expect(options.endpoint).to.equal(undefined);
  });

  it('merges successive calls', () => {
    configure({ endpoint: '/a?skus={skus}' });
    configure({ batchSize: 20 });
    expect(getOptions().endpoint).to.equal('/a?skus={skus}');
    expect(getOptions().batchSize).to.equal(20);
  });

  it('reports each bad option clearly and still applies the rest', () => {
    const errors = captureErrors(() =>
      configure({
        endpoint: '/no-placeholder',
        batchSize: 0,
        timeout: -5,
        retries: 1.5,
        fallback: 'explode' as never,
        timeZone: 'Mars/Olympus',
        locale: 'not a locale!!',
        currency: 'EURO',
        cacheTtl: 5,
        ...({ colour: 'red' } as object),
      }),
    );
    expect(errors).to.have.length(9);
    expect(errors.join('\n')).to.contain('"endpoint" must be a URL template with {sku} or {skus}');
    expect(errors.join('\n')).to.contain('unknown option "colour"');
    expect(getOptions().cacheTtl).to.equal(5);
    expect(getOptions().batchSize).to.equal(DEFAULTS.batchSize);
  });

  it('is not thrown by a non-object', () => {
    const errors = captureErrors(() => configure(null as never));
    expect(errors[0]).to.contain('expects an object');
  });

  it('configure() wins over the script tag, which wins over defaults', () => {
    setScriptOptions({ endpoint: '/script?skus={skus}', locale: 'de-DE', retries: 4 });
    configure({ endpoint: '/app?skus={skus}' });
    const options = getOptions();
    expect(options.endpoint).to.equal('/app?skus={skus}');
    expect(options.locale).to.equal('de-DE');
    expect(options.retries).to.equal(4);
  });

  it('reads the script tag’s data-* attributes, typed', () => {
    const script = document.createElement('script');
    Object.assign(script.dataset, {
      endpoint: '/availability?skus={skus}',
      locale: 'de-DE',
      currency: 'eur',
      timeZone: 'Europe/Berlin',
      batchSize: '20',
      cacheTtl: '30',
      refreshInterval: '120',
      timeout: '5000',
      retries: '1',
      fallback: 'disabled',
    });
    expect(optionsFromDataset(script.dataset)).to.deep.equal({
      endpoint: '/availability?skus={skus}',
      locale: 'de-DE',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      batchSize: 20,
      cacheTtl: 30,
      refreshInterval: 120,
      timeout: 5000,
      retries: 1,
      fallback: 'disabled',
    });
  });

  it('null puts an option back to its default', () => {
    configure({ timeZone: 'Europe/Berlin', retries: 5 });
    configure({ timeZone: null, retries: null });
    expect(getOptions().timeZone).to.equal(undefined);
    expect(getOptions().retries).to.equal(DEFAULTS.retries);
  });

  it('tells listeners about changes', () => {
    let calls = 0;
    const off = onOptionsChange(() => calls++);
    configure({ retries: 1 });
    off();
    configure({ retries: 2 });
    expect(calls).to.equal(1);
  });
});

describe('an element before configure()', () => {
  afterEach(() => resetOptions());
  const host: ReactiveControllerHost = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };

  it('waits for configure() in the same task, then loads', async () => {
    const run = newRun();
    const controller = new AvailabilityController(
      host,
      () => ({ sku: 'LATE' }),
      undefined,
      testStore(),
    );
    controller.hostConnected();
    expect(controller.state.state).to.equal('loading');
    configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
    await eventually(() => controller.state.record, 'no answer for LATE');
    expect(controller.state.record?.sku).to.equal('LATE');
    controller.hostDisconnected();
  });

  it('reports a config error when no endpoint ever comes', async () => {
    const controller = new AvailabilityController(
      host,
      () => ({ sku: 'LOST' }),
      undefined,
      testStore(),
    );
    controller.hostConnected();
    expect(controller.state.state).to.equal('loading'); // configure() may still come in this task
    await eventually(() => controller.state.state === 'error', 'no config error');
    expect(controller.state.error?.kind).to.equal('config');
    expect(controller.state.error?.message).to.contain('configure({ endpoint })');
    controller.hostDisconnected();
  });
});
