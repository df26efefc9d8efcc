// ActivationController on a host of its own: what an order would be is set by the test.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ActivationController, type Order } from '../../../src/elements/controllers/activation.js';
import type { ThemeButton } from '../../../src/elements/controllers/theme-button.js';
import type { OrderButtonClickDetail } from '../../../src/elements/events.js';

const LINE = {
  sku: 'PRE',
  quantity: 2,
  orderType: 'preorder',
  expectedDate: '2027-03-12',
  properties: { kind: 'preorder' },
};

class ActivationHost extends LitElement {
  /** What an order now would be (null: cannot order). */
  order: Order | null = { lineItem: LINE, notifyUrl: null };
  /** Whether the host acts for the theme's button yet. */
  enhancing = true;
  readonly status = 'preorder';
  readonly activation = new ActivationController(this, {
    order: () => this.order,
    themeButton: () => (this.enhancing ? this.querySelector<ThemeButton>('button') : null),
  });

  get form(): HTMLFormElement | null {
    return this.closest('form');
  }

  override render() {
    return html`<button part="own" @click=${this.activation.click}>Order</button>`;
  }
}
customElements.define('activation-host', ActivationHost);

/** A product form; `theme` puts a theme's submit button in the host. */
async function productForm(theme = false) {
  const form = await fixture<HTMLFormElement>(
    html`<form>
      <input name="q" />
      <activation-host>${theme ? html`<button type="submit">Add</button>` : ''}</activation-host>
      <button type="submit" id="buy-now">Buy it now</button>
    </form>`,
  );
  const host = form.querySelector<ActivationHost>('activation-host')!;
  const log: string[] = [];
  const details: OrderButtonClickDetail[] = [];
  host.addEventListener('order-button-click', (event) => {
    log.push('click');
    details.push(event.detail);
  });
  form.addEventListener('submit', (event) => {
    log.push('submit');
    event.preventDefault();
  });
  const own = host.shadowRoot!.querySelector<HTMLButtonElement>('[part=own]')!;
  return { form, host, own, theme: host.querySelector('button'), log, details };
}

describe('ActivationController', () => {
  it('the host’s own button: order-button-click first (bubbling, composed), then the form’s submit', async () => {
    const { form, own, log, details } = await productForm();
    let seenByPage: Event | undefined;
    form.parentElement!.addEventListener('order-button-click', (e) => (seenByPage = e));
    own.click();
    expect(log).to.deep.equal(['click', 'submit']);
    expect(details[0]).to.deep.equal({
      sku: 'PRE',
      quantity: 2,
      status: 'preorder',
      expectedDate: '2027-03-12',
      lineItem: LINE,
    });
    expect([seenByPage?.composed, seenByPage?.cancelable]).to.deep.equal([true, true]);
  });

  it('cancelling order-button-click stops the submit', async () => {
    const { host, own, log } = await productForm();
    host.addEventListener('order-button-click', (e) => e.preventDefault());
    own.click();
    expect(log).to.deep.equal(['click']);
  });

  it('a button that cannot order raises nothing and submits nothing', async () => {
    const { host, own, log } = await productForm();
    host.order = null;
    own.click();
    expect(log).to.deep.equal([]);
  });

  it('"Notify me" leads to its page instead of the cart', async () => {
    const { host, own, log } = await productForm();
    host.order = {
      lineItem: { ...LINE, orderType: null, properties: {} },
      notifyUrl: '#notify-me',
    };
    try {
      own.click();
      expect(location.hash).to.equal('#notify-me');
      expect(log).to.deep.equal(['click']);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('the theme’s button: the event first, then its own submit; cancelled, nothing behind the host runs', async () => {
    const { host, theme, log } = await productForm(true);
    const themeClicks: string[] = [];
    theme!.addEventListener('click', () => themeClicks.push('theme script'));
    theme!.click();
    expect(log).to.deep.equal(['click', 'submit']);
    expect(themeClicks).to.deep.equal(['theme script']);
    host.addEventListener('order-button-click', (e) => e.preventDefault());
    theme!.click();
    expect(log).to.deep.equal(['click', 'submit', 'click']);
    expect(themeClicks).to.deep.equal(['theme script']);
  });

  it('a theme button that cannot order blocks its clicks, Enter and script submits, not the form’s other buttons', async () => {
    const { form, host, theme, log } = await productForm(true);
    host.order = null;
    theme!.click();
    form.requestSubmit(); // what Enter in a field does
    form.requestSubmit(theme);
    expect(log).to.deep.equal([]);
    form.requestSubmit(form.querySelector<HTMLButtonElement>('#buy-now'));
    expect(log).to.deep.equal(['submit']);
  });

  it('before the host acts for the theme’s button, the theme’s own behaviour stands', async () => {
    const { form, host, theme, log } = await productForm(true);
    host.enhancing = false;
    host.order = null;
    theme!.click();
    form.requestSubmit();
    expect(log).to.deep.equal(['submit', 'submit']);
  });
});
