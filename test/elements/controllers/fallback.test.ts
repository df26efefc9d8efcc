// FallbackController on a host of its own: loading and failure are set by the test.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Fallback } from '../../../src/data/index.js';
import { configure } from '../../../src/elements.js';
import { FallbackController } from '../../../src/elements/controllers/fallback.js';
import { resetAll } from '../helpers.js';

class FallbackHost extends LitElement {
  fallback: Fallback | null = null;
  failed = false;
  readonly fallbackView = new FallbackController(this, () => this.failed);
}
customElements.define('fallback-host', FallbackHost);

const EN = { locale: 'en' };

async function host(fallback: string | null, failed = false) {
  const el = await fixture<FallbackHost>(html`<fallback-host></fallback-host>`);
  el.fallback = fallback as Fallback | null; // bad values too, on purpose
  el.failed = failed;
  el.requestUpdate();
  await el.updateComplete;
  return el;
}

describe('FallbackController', () => {
  afterEach(() => resetAll());

  it('while loading: a busy, locked "Add to cart" with no message, whatever the fallback', async () => {
    for (const fallback of ['add-to-cart', 'disabled', 'hidden'] as const) {
      const el = await host(fallback);
      expect(el.fallbackView.view(true, EN)).to.deep.equal({
        label: 'Add to cart',
        disabled: true,
        busy: true,
        messages: [],
      });
      expect(el.hasAttribute('fallback-hidden')).to.equal(false);
    }
  });

  const failed: [Fallback, boolean, string[], boolean][] = [
    // fallback, disabled, messages, fallback-hidden
    ['add-to-cart', false, [], false],
    ['disabled', true, ['Availability could not be loaded'], false],
    ['hidden', true, [], true],
  ];
  for (const [fallback, disabled, messages, hidden] of failed) {
    it(`failed, "${fallback}": ${disabled ? 'locked' : 'orderable'}${hidden ? ', hidden' : ''}`, async () => {
      const el = await host(fallback, true);
      expect(el.fallbackView.view(false, EN)).to.deep.equal({
        label: 'Add to cart',
        disabled,
        busy: false,
        messages,
      });
      expect(el.hasAttribute('fallback-hidden')).to.equal(hidden);
    });
  }

  it('"hidden" hides only while availability has failed', async () => {
    const el = await host('hidden', true);
    expect(el.hasAttribute('fallback-hidden')).to.equal(true);
    el.failed = false;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.hasAttribute('fallback-hidden')).to.equal(false);
  });

  it('the host’s own valid fallback wins over the page’s; an invalid one does not', async () => {
    configure({ fallback: 'disabled' });
    expect((await host('hidden')).fallbackView.fallback).to.equal('hidden');
    expect((await host('nonsense')).fallbackView.fallback).to.equal('disabled');
    expect((await host(null)).fallbackView.fallback).to.equal('disabled');
  });

  it('speaks in the text options it is given (locale, label overrides)', async () => {
    const el = await host('disabled', true);
    const labels = { en: { addToCart: 'Buy', unavailable: 'No data' } };
    const view = el.fallbackView.view(false, { locale: 'en-GB', labels });
    expect([view.label, view.messages]).to.deep.equal(['Buy', ['No data']]);
  });
});
