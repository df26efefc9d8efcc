import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AvailabilityRecord, OrderButton } from '../../src/elements.js';
import { configure } from '../../src/elements.js';
import { newRun, serverLog } from '../data/helpers.js';
import { part, parts, pinClock, RECORDS, resetAll, settled } from './helpers.js';

async function button(record: object, attrs: Record<string, string> = {}): Promise<OrderButton> {
  const element = document.createElement('order-button');
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.availability = record as AvailabilityRecord; // bad records too, on purpose
  await fixture(html`<div>${element}</div>`);
  await settled(element);
  return element;
}

/** Waits until the element renders the record of `sku` (the answer may come before any listener). */
async function showing(el: OrderButton, sku: string) {
  await waitUntil(
    () => el.hasAttribute('status') && !el.hasAttribute('loading') && el.record?.sku === sku,
    `never showed ${sku}`,
  );
  await el.updateComplete;
}

const label = (el: OrderButton) => part(el, 'button')!.textContent!.trim();
const messages = (el: OrderButton) => parts(el, 'message').map((m) => m.textContent!.trim());
const disabled = (el: OrderButton) => part(el, 'button')!.getAttribute('aria-disabled') === 'true';

describe('<order-button>', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  const cases: [string, object, Record<string, string>, string, string[], boolean][] = [
    // name, record, attributes, label, messages, disabled
    ['in stock', RECORDS.inStock, {}, 'Add to cart', [], false],
    ['low stock', RECORDS.lowStock, {}, 'Add to cart', ['Only 3 left'], false],
    [
      'pre-order with a deposit',
      RECORDS.preorder,
      {},
      'Pre-order',
      ['Pay 20% today, the rest when it ships'],
      false,
    ],
    [
      'pre-order nearly full',
      RECORDS.preorderNearlyFull,
      {},
      'Pre-order',
      ['Only 10 left to pre-order'],
      false,
    ],
    ['pre-orders full', RECORDS.preorderFull, {}, 'Sold out', ['Pre-orders are full'], true],
    ['backorder', RECORDS.backorder, {}, 'Backorder', ['Pay in full today'], false],
    [
      'mixed order of 5',
      RECORDS.mixed,
      { quantity: '5' },
      'Add to cart',
      ['2 ship now, 3 ship by 15 January 2027'],
      false,
    ],
    [
      'too many for stock and queue',
      { ...RECORDS.lowStock },
      { quantity: '4' },
      'Add to cart',
      ['Only 3 available'],
      true,
    ],
    ['sold out', RECORDS.soldOut, {}, 'Sold out', [], true],
    [
      'sold out with notify-url',
      RECORDS.soldOut,
      { 'notify-url': '/notify' },
      'Notify me',
      [],
      false,
    ],
    ['coming soon', RECORDS.comingSoon, {}, 'Coming soon', [], true],
    [
      'coming soon with notify-url',
      RECORDS.comingSoon,
      { 'notify-url': '/notify' },
      'Notify me',
      [],
      false,
    ],
    ['discontinued', RECORDS.discontinued, {}, 'No longer available', [], true],
    [
      'limit per order',
      { sku: 'LIM', onHand: 9, maxPerOrder: 2 },
      {},
      'Add to cart',
      ['Limit 2 per order'],
      false,
    ],
  ];
  for (const [name, record, attrs, expectedLabel, expectedMessages, expectedDisabled] of cases) {
    it(`${name}: "${expectedLabel}" ${JSON.stringify(expectedMessages)}`, async () => {
      const el = await button(record, { locale: 'en-GB', ...attrs });
      expect(label(el)).to.equal(expectedLabel);
      expect(messages(el)).to.deep.equal(expectedMessages);
      expect(disabled(el)).to.equal(expectedDisabled);
      expect(part(el, 'button')!.tagName).to.equal('BUTTON');
      await expect(el).to.be.accessible();
    });
  }

  const german: [object, string, string[]][] = [
    [RECORDS.inStock, 'In den Warenkorb', []],
    [
      RECORDS.preorder,
      'Vorbestellen',
      [
        `Heute ${new Intl.NumberFormat('de-DE', { style: 'percent' }).format(0.2)} anzahlen, den Rest bei Versand`,
      ],
    ],
    [RECORDS.preorderFull, 'Ausverkauft', ['Keine Vorbestellungen mehr möglich']],
    [RECORDS.comingSoon, 'Demnächst erhältlich', []],
    [RECORDS.discontinued, 'Nicht mehr erhältlich', []],
  ];
  for (const [record, expectedLabel, expectedMessages] of german) {
    it(`de: "${expectedLabel}"`, async () => {
      const el = await button(record, { locale: 'de-DE' });
      expect(label(el)).to.equal(expectedLabel);
      expect(messages(el)).to.deep.equal(expectedMessages);
    });
  }

  it('takes the locale from the closest lang attribute when none is set', async () => {
    const wrapper = await fixture(
      html`<div lang="fr"><order-button .availability=${RECORDS.preorder}></order-button></div>`,
    );
    const el = wrapper.querySelector('order-button')!;
    await settled(el);
    expect(label(el)).to.equal('Précommander');
  });

  it('reflects status, and explains a disabled button through its description', async () => {
    const el = await button(RECORDS.preorderFull, { locale: 'en' });
    expect(el.getAttribute('status')).to.equal('sold_out');
    expect(el.hasAttribute('loading')).to.equal(false);
    const describedBy = part(el, 'button')!.getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(describedBy)!.textContent).to.contain(
      'Pre-orders are full',
    );
  });

  it('re-decides when quantity changes', async () => {
    const el = await button(RECORDS.mixed, { locale: 'en-GB' });
    expect(messages(el)).to.deep.equal([]);
    el.quantity = 5;
    await el.updateComplete;
    expect(messages(el)).to.deep.equal(['2 ship now, 3 ship by 15 January 2027']);
  });

  it('renders markup and script in record strings as text, never as elements', async () => {
    const message = '<img src=x onerror="window.__owned=1"><script>window.__owned=1</script>';
    const el = await button({ ...RECORDS.inStock, message });
    expect(messages(el)).to.deep.equal([message]);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __owned?: number }).__owned).to.equal(undefined);
  });

  it('labels can be overridden per locale through configure()', async () => {
    configure({ labels: { en: { preorder: 'Reserve now' } } });
    const el = await button(RECORDS.preorder, { locale: 'en-US' });
    expect(label(el)).to.equal('Reserve now');
  });

  describe('in a form', () => {
    async function inForm(record: object, attrs = '') {
      const wrapper = await fixture(
        html`<form action="/never" @submit=${(e: Event) => e.preventDefault()}>
          <input name="quantity" value="1" />
        </form>`,
      );
      const form = wrapper as HTMLFormElement;
      form.insertAdjacentHTML('beforeend', `<order-button ${attrs}></order-button>`);
      const el = form.querySelector('order-button')!;
      el.availability = record as AvailabilityRecord; // bad records too, on purpose
      await settled(el);
      return { form, el };
    }

    it('tags the cart line with the order kind and expected date in FormData (no name needed)', async () => {
      const { form } = await inForm(RECORDS.preorder);
      const data = new FormData(form);
      expect(data.get('properties[_order_type]')).to.equal('preorder');
      expect(data.get('properties[_expected_date]')).to.equal('2027-03-12');
      expect(data.get('quantity')).to.equal('1');
    });

    it('uses configurable field names', async () => {
      const { form } = await inForm(
        RECORDS.backorder,
        'field-name="order_kind" date-field-name="ship_by"',
      );
      const data = new FormData(form);
      expect(data.get('order_kind')).to.equal('backorder');
      expect(data.get('ship_by')).to.equal('2027-01-15');
    });

    it('adds no tag when nothing can be ordered', async () => {
      const { form } = await inForm(RECORDS.soldOut);
      expect([...new FormData(form).keys()]).to.deep.equal(['quantity']);
    });

    it('a click raises order-button-click first, then submits the form', async () => {
      const { form, el } = await inForm(RECORDS.preorder);
      const order: string[] = [];
      el.addEventListener('order-button-click', (e) => {
        order.push('click');
        expect(e.detail).to.deep.include({
          sku: 'PRE',
          quantity: 1,
          status: 'preorder',
          expectedDate: '2027-03-12',
        });
        expect(e.detail.lineItem.properties).to.deep.equal({
          'properties[_order_type]': 'preorder',
          'properties[_expected_date]': '2027-03-12',
        });
      });
      form.addEventListener('submit', (e) => {
        order.push('submit');
        expect(
          new FormData(form, (e as SubmitEvent).submitter).get('properties[_order_type]'),
        ).to.equal('preorder');
      });
      part(el, 'button')!.click();
      expect(order).to.deep.equal(['click', 'submit']);
    });

    it('cancelling order-button-click stops the submit', async () => {
      const { form, el } = await inForm(RECORDS.preorder);
      let submitted = false;
      form.addEventListener('submit', () => (submitted = true));
      el.addEventListener('order-button-click', (e) => e.preventDefault());
      part(el, 'button')!.click();
      expect(submitted).to.equal(false);
    });

    it('a disabled button neither raises the event nor submits', async () => {
      const { form, el } = await inForm(RECORDS.soldOut);
      let events = 0;
      let submitted = false;
      el.addEventListener('order-button-click', () => events++);
      form.addEventListener('submit', () => (submitted = true));
      part(el, 'button')!.click();
      expect([events, submitted]).to.deep.equal([0, false]);
    });
  });

  describe('tooltip', () => {
    it('opens on keyboard focus, closes on Escape, and focus stays on the trigger', async () => {
      const el = await button(RECORDS.preorder, { locale: 'en-GB' });
      const info = part(el, 'info')!;
      const tooltip = part(el, 'tooltip')!;
      expect(info.getAttribute('aria-label')).to.equal('What is a pre-order?');
      expect(tooltip.hidden).to.equal(true);
      part(el, 'button')!.focus();
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(info);
      expect(tooltip.hidden).to.equal(false);
      expect(info.getAttribute('aria-expanded')).to.equal('true');
      expect(tooltip.textContent).to.contain('release');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(tooltip.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(info);
    });

    it('is positioned beside the trigger by floating-ui once open', async () => {
      const el = await button(RECORDS.backorder, { locale: 'en-GB' });
      part(el, 'info')!.dispatchEvent(new MouseEvent('mouseenter'));
      await el.updateComplete;
      const tooltip = part(el, 'tooltip')!;
      expect(tooltip.hidden).to.equal(false);
      await waitUntil(() => tooltip.style.top !== '', 'the tooltip was never positioned');
      const [tip, info] = [
        tooltip.getBoundingClientRect(),
        part(el, 'info')!.getBoundingClientRect(),
      ];
      // Above the trigger, or flipped below it when there is no room above; never over it.
      expect(tip.bottom <= info.top + 1 || tip.top >= info.bottom - 1).to.equal(true);
      expect(tip.left).to.be.below(info.right);
      expect(tip.right).to.be.above(info.left);
      part(el, 'info')!.dispatchEvent(new MouseEvent('mouseleave'));
      await el.updateComplete;
      expect(tooltip.hidden).to.equal(true);
    });

    it('opens on tap (click)', async () => {
      const el = await button(RECORDS.backorder);
      part(el, 'info')!.click();
      await el.updateComplete;
      expect(part(el, 'tooltip')!.hidden).to.equal(false);
    });
  });

  describe('from the endpoint', () => {
    it('shows loading, then the state, raising availability-change', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      const el = await fixture<OrderButton>(
        html`<order-button sku="slow150-pre-1" locale="en"></order-button>`,
      );
      expect(el.getAttribute('status')).to.equal('unknown');
      expect(el.hasAttribute('loading')).to.equal(true);
      expect(part(el, 'button')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      const event = await oneEvent(el, 'availability-change');
      expect(event.detail).to.deep.include({
        sku: 'slow150-pre-1',
        status: 'preorder',
        previous: 'unknown',
      });
      expect(el.getAttribute('status')).to.equal('preorder');
      expect(el.hasAttribute('loading')).to.equal(false);
      expect(label(el)).to.equal('Pre-order');
    });

    it('a variant switch reports the status shown before it as previous, not the loading between', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      const el = await fixture<OrderButton>(
        html`<order-button sku="pre-v" locale="en"></order-button>`,
      );
      await waitUntil(() => el.status === 'preorder', 'never showed the first variant');
      const changed = oneEvent(el, 'availability-change');
      el.sku = 'slow100-out-v';
      await waitUntil(() => el.hasAttribute('loading'), 'never loaded the new variant');
      expect((await changed).detail).to.deep.include({ status: 'sold_out', previous: 'preorder' });
    });

    it('variant switch mid-request: the last SKU wins', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      // A second element keeps wanting the first SKU, so its answer (300 ms) is
      // not aborted but arrives: its arrival is the event to wait for.
      const wrapper = await fixture(
        html`<div>
          <order-button sku="slow300-pre-1" locale="en"></order-button>
          <order-button sku="slow300-pre-1" locale="en"></order-button>
        </div>`,
      );
      const [el, witness] = wrapper.querySelectorAll('order-button');
      await waitUntil(async () => (await serverLog(run)).count === 1, 'no request on the wire');
      el.sku = 'out-2';
      await waitUntil(() => label(el) === 'Sold out', 'the new SKU never rendered');
      await waitUntil(() => witness.status === 'preorder', 'the first SKU’s answer never came', {
        timeout: 5000,
      });
      await el.updateComplete;
      expect(label(el)).to.equal('Sold out');
      expect(el.getAttribute('status')).to.equal('sold_out');
      expect(el.record?.sku).to.equal('out-2');
    });

    for (const [fallback, expectedDisabled, expectedMessages] of [
      ['add-to-cart', false, []],
      ['disabled', true, ['Availability could not be loaded']],
    ] as const) {
      it(`fallback "${fallback}" when the endpoint fails`, async () => {
        const run = newRun();
        configure({ endpoint: `/mock/availability?run=${run}&status=500&skus={skus}`, retries: 0 });
        const el = document.createElement('order-button');
        el.setAttribute('sku', 'F-1');
        el.setAttribute('locale', 'en');
        el.setAttribute('fallback', fallback);
        const errored = oneEvent(el, 'availability-error');
        await fixture(html`<div>${el}</div>`);
        const event = await errored;
        expect(event.detail.error.status).to.equal(500);
        await el.updateComplete;
        expect(el.getAttribute('status')).to.equal('unknown');
        expect(label(el)).to.equal('Add to cart');
        expect(disabled(el)).to.equal(expectedDisabled);
        expect(messages(el)).to.deep.equal(expectedMessages);
        await expect(el).to.be.accessible();
      });
    }

    it('fallback "hidden" hides the button but keeps its space', async () => {
      const run = newRun();
      configure({
        endpoint: `/mock/availability?run=${run}&status=404&skus={skus}`,
        fallback: 'hidden',
      });
      const el = await fixture<OrderButton>(html`<order-button sku="F-2"></order-button>`);
      await oneEvent(el, 'availability-error');
      await el.updateComplete;
      expect(getComputedStyle(el).visibility).to.equal('hidden');
      expect(el.getBoundingClientRect().height).to.be.above(0);
    });
  });

  describe('enhancing the theme’s own button', () => {
    async function themeForm(sku = 'pre-1') {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <input type="hidden" name="id" .value=${sku} />
          <order-button sku-from="input[name=id]" locale="en">
            <button type="submit" name="add">Add to cart</button>
          </order-button>
        </form>`,
      );
      const el = form.querySelector('order-button')!;
      const theme = form.querySelector<HTMLButtonElement>('button[name=add]')!;
      const input = form.querySelector<HTMLInputElement>('input[name=id]')!;
      await showing(el, sku);
      return { form, el, theme, input };
    }

    it('relabels the theme button, renders no button of its own, and still tags the form', async () => {
      const { form, el, theme } = await themeForm();
      expect(theme.textContent).to.equal('Pre-order');
      expect(part(el, 'button')).to.equal(null);
      expect(new FormData(form).get('properties[_order_type]')).to.equal('preorder');
    });

    it('follows the variant input: events, and values set by scripts', async () => {
      const { el, theme, input } = await themeForm();
      input.value = 'out-7'; // a theme script, no event
      await showing(el, 'out-7');
      expect(theme.textContent).to.equal('Sold out');
      expect(theme.getAttribute('aria-disabled')).to.equal('true');
      expect(theme.getAttribute('aria-description')).to.equal(null);
      input.setAttribute('value', 'back-8');
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await showing(el, 'back-8');
      expect(theme.textContent).to.equal('Backorder');
    });

    it('restores its label and state at once when the theme rewrites them, without a loop', async () => {
      const { theme } = await themeForm();
      let mutations = 0;
      new MutationObserver((records) => (mutations += records.length)).observe(theme, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      theme.textContent = 'Add to cart';
      theme.disabled = true;
      await null; // a microtask: before any frame is painted
      await null;
      expect(theme.textContent).to.equal('Pre-order');
      expect(theme.disabled).to.equal(false);
      // A loop of observers would run in microtasks, before the next frame (or forever).
      await nextFrame();
      const settledCount = mutations;
      expect(settledCount).to.be.below(10);
      await nextFrame();
      expect(mutations).to.equal(settledCount);
    });

    it('a theme button that cannot order neither submits nor raises the event', async () => {
      const { form, theme, el } = await themeForm('out-9');
      let submitted = false;
      let events = 0;
      form.addEventListener('submit', () => (submitted = true));
      el.addEventListener('order-button-click', () => events++);
      theme.click();
      form.requestSubmit();
      expect([submitted, events]).to.deep.equal([false, 0]);
    });

    it('a variant switch to a sold-out SKU disables the theme button', async () => {
      const { theme, el, input } = await themeForm();
      input.value = 'out-10';
      await showing(el, 'out-10');
      expect(theme.getAttribute('aria-disabled')).to.equal('true');
    });

    it('quantity-from follows the theme’s quantity input; expected-date follows the variant too', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <input type="hidden" name="id" value="pre-q" />
          <input type="number" name="quantity" value="1" />
          <order-button
            sku-from="input[name=id]"
            quantity-from="input[name=quantity]"
            locale="en"
          ></order-button>
          <expected-date sku-from="input[name=id]" locale="en-GB"></expected-date>
        </form>`,
      );
      const el = form.querySelector('order-button')!;
      const date = form.querySelector('expected-date')!;
      await showing(el, 'pre-q');
      await waitUntil(() => date.record?.sku === 'pre-q', 'expected-date never followed');
      const quantity = form.querySelector<HTMLInputElement>('input[name=quantity]')!;
      quantity.value = '3';
      quantity.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
      expect(new FormData(form).get('quantity')).to.equal('3');
      let detail: { quantity: number } | undefined;
      el.addEventListener('order-button-click', (e) => {
        detail = e.detail;
        e.preventDefault();
      });
      part(el, 'button')!.click();
      expect(detail?.quantity).to.equal(3);
      form.querySelector<HTMLInputElement>('input[name=id]')!.value = 'back-q';
      await waitUntil(() => date.record?.sku === 'back-q', 'expected-date never switched');
      await date.updateComplete;
      expect(date.shadowRoot!.textContent).to.contain('15 January 2027');
    });

    it('a click acts on the quantity the form will post, even one set with no event (stepUp)', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <input type="number" name="quantity" value="1" />
          <order-button
            sku="pre-step"
            quantity-from="input[name=quantity]"
            locale="en"
          ></order-button>
        </form>`,
      );
      const el = form.querySelector('order-button')!;
      await showing(el, 'pre-step');
      const quantity = form.querySelector<HTMLInputElement>('input[name=quantity]')!;
      quantity.stepUp(4); // a stepper script that raises no event
      let detail: { quantity: number; lineItem: { quantity: number } } | undefined;
      el.addEventListener('order-button-click', (e) => {
        detail = e.detail;
        e.preventDefault();
      });
      part(el, 'button')!.click();
      expect(new FormData(form).get('quantity')).to.equal('5');
      expect(detail?.quantity).to.equal(5);
      expect(detail?.lineItem.quantity).to.equal(5);
    });

    it('keeps the theme button’s structure (Dawn-like: a text span and a spinner)', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <input type="hidden" name="id" value="pre-d" />
          <order-button sku-from="input[name=id]" locale="en">
            <button type="submit" name="add" class="product-form__submit">
              <span>Add to cart</span>
              <div class="loading__spinner hidden"><svg aria-hidden="true"></svg></div>
            </button>
          </order-button>
        </form>`,
      );
      const el = form.querySelector('order-button')!;
      await showing(el, 'pre-d');
      const theme = form.querySelector('button')!;
      const span = theme.querySelector('span')!;
      expect(span.textContent).to.equal('Pre-order');
      expect(theme.querySelector('.loading__spinner svg')).to.not.equal(null);
      // The theme's variant script, as Dawn writes it: text into the span, disabled on.
      span.textContent = 'Sold out';
      theme.setAttribute('disabled', 'disabled');
      await null;
      await null;
      expect(theme.querySelector('span')).to.equal(span);
      expect(span.textContent).to.equal('Pre-order');
      expect(theme.hasAttribute('disabled')).to.equal(false);
    });

    for (const fallback of ['add-to-cart', 'disabled'] as const) {
      it(`endpoint failing, fallback "${fallback}": the theme's own label stays`, async () => {
        const run = newRun();
        configure({
          endpoint: `/mock/availability?run=${run}&status=500&skus={skus}`,
          retries: 0,
          fallback,
        });
        const form = await fixture<HTMLFormElement>(
          html`<form @submit=${(e: Event) => e.preventDefault()}>
            <input type="hidden" name="id" value="pre-f" />
            <order-button sku-from="input[name=id]" locale="en">
              <button type="submit"><span>Ajouter au panier</span></button>
            </order-button>
          </form>`,
        );
        const el = form.querySelector('order-button')!;
        await waitUntil(() => el.error !== undefined, 'no error');
        await el.updateComplete;
        const theme = form.querySelector('button')!;
        expect(theme.textContent!.trim()).to.equal('Ajouter au panier');
        expect(theme.getAttribute('aria-disabled')).to.equal(
          fallback === 'disabled' ? 'true' : null,
        );
        expect([...new FormData(form).keys()]).to.deep.equal(['id']); // no tag: nothing known
      });
    }

    it('leaves the theme’s own in-flight lock alone (Dawn sets aria-disabled while it posts)', async () => {
      const { theme } = await themeForm();
      theme.setAttribute('aria-disabled', 'true'); // the cart request is out
      await null;
      await null;
      expect(theme.getAttribute('aria-disabled')).to.equal('true');
      expect(theme.textContent).to.equal('Pre-order');
      theme.removeAttribute('aria-disabled'); // the cart answered
      await null;
      await null;
      expect(theme.getAttribute('aria-disabled')).to.equal(null);
      // A product that cannot be ordered stays blocked whatever the theme does.
      const sold = await themeForm('out-lock');
      sold.theme.removeAttribute('aria-disabled');
      await null;
      await null;
      expect(sold.theme.getAttribute('aria-disabled')).to.equal('true');
    });

    it('while a new variant loads, the theme’s own label and state stand, not the old variant’s', async () => {
      const { el, theme, input } = await themeForm();
      // The theme's variant script, as Dawn runs it: the id, then its own verdict on the button.
      input.value = 'slow400-out-v';
      theme.textContent = 'Sold out';
      theme.disabled = true;
      await waitUntil(() => el.hasAttribute('loading'), 'never loaded the new variant');
      await el.updateComplete;
      expect(theme.textContent).to.equal('Sold out');
      expect(theme.disabled).to.equal(true);
      expect(theme.getAttribute('aria-disabled')).to.equal(null);
      expect(theme.getAttribute('aria-description')).to.equal(null);
      await showing(el, 'slow400-out-v');
      expect(theme.textContent).to.equal('Sold out');
      expect(theme.getAttribute('aria-disabled')).to.equal('true');
      // A variant the endpoint does not know: the theme's label for it, not ours.
      input.value = 'missing-v';
      theme.textContent = 'Add to cart';
      theme.disabled = false;
      await waitUntil(() => el.error !== undefined, 'no error for the unknown variant');
      await el.updateComplete;
      expect(theme.textContent).to.equal('Add to cart');
      expect(theme.disabled).to.equal(false);
      expect(theme.getAttribute('aria-disabled')).to.equal(null);
    });

    it('enhances a theme button that replaces the first one (a section re-render)', async () => {
      const { el, input } = await themeForm();
      const fresh = document.createElement('button');
      fresh.type = 'submit';
      fresh.innerHTML = '<span>Add to cart</span>';
      el.replaceChildren(fresh);
      await waitUntil(
        () => fresh.textContent === 'Pre-order',
        'the new button was never relabelled',
      );
      input.value = 'out-fresh';
      await showing(el, 'out-fresh');
      expect(fresh.textContent).to.equal('Sold out');
      expect(fresh.getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, 'button')).to.equal(null);
    });

    it('fallback "hidden": the hidden theme button takes no order through Enter either', async () => {
      const run = newRun();
      configure({ endpoint: `/mock/availability?run=${run}&skus={skus}`, fallback: 'hidden' });
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <input type="hidden" name="id" value="missing-h" />
          <order-button sku-from="input[name=id]" locale="en">
            <button type="submit">Add to cart</button>
          </order-button>
        </form>`,
      );
      const el = form.querySelector('order-button')!;
      await waitUntil(() => el.error !== undefined, 'no error');
      await el.updateComplete;
      let submitted = 0;
      form.addEventListener('submit', () => submitted++);
      form.requestSubmit(); // what Enter in a field does
      expect(submitted).to.equal(0);
      expect(getComputedStyle(el).visibility).to.equal('hidden');
    });

    it('a click on the theme button raises order-button-click, and cancelling it stops the submit', async () => {
      const { form, theme, el } = await themeForm();
      let submitted = 0;
      form.addEventListener('submit', () => submitted++);
      theme.click();
      expect(submitted).to.equal(1);
      el.addEventListener('order-button-click', (e) => e.preventDefault());
      theme.click();
      expect(submitted).to.equal(1);
    });
  });
});
