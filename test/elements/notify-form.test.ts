/**
 * `<order-button notify-endpoint>`: the lazily loaded "notify me" form, in a
 * real browser against the mock server's /mock/notify (which answers the
 * status asked and keeps what was posted).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AvailabilityRecord, OrderButton } from '../../src/elements.js';
import { newRun } from '../data/helpers.js';
import { part, pinClock, RECORDS, resetAll, settled } from './helpers.js';

async function button(record: object, attrs: Record<string, string>): Promise<OrderButton> {
  const element = document.createElement('order-button');
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.availability = record as AvailabilityRecord;
  await fixture(html`<div>${element}</div>`);
  await settled(element);
  return element;
}

const formOf = async (el: OrderButton) => {
  await waitUntil(() => part(el, 'notify'), 'no notify form');
  return part(el, 'notify')!;
};
const status = (el: OrderButton) => part(el, 'notify-status')!.textContent!.trim();
const posted = async (run: string) => (await fetch(`/mock/notify-log?run=${run}`)).json();

describe('<order-button notify-endpoint>', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  it('shows a labelled email form for a sold-out product and posts { sku, email, locale } by keyboard alone', async () => {
    const run = newRun();
    const el = await button(RECORDS.soldOut, {
      'notify-endpoint': `/mock/notify?run=${run}`,
      locale: 'de-DE',
    });
    const form = await formOf(el);
    const input = part(el, 'notify-input') as HTMLInputElement;
    expect(input.type).to.equal('email');
    expect(input.labels![0]!.textContent).to.equal('Per E-Mail benachrichtigen, sobald bestellbar');
    expect(part(el, 'notify-status')!.getAttribute('role')).to.equal('status');
    expect(form.lang).to.equal(el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang'));
    await expect(el).to.be.accessible();

    input.focus();
    // No doubled letter: WebKit's driver drops the second of two same keys typed in a row.
    await sendKeys({ type: 'ana@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Fast geschafft/.test(status(el)), 'no success announced');
    expect(await posted(run)).to.deep.equal([
      { sku: 'OUT', email: 'ana@example.com', locale: form.lang },
    ]);
    expect(input.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('announces an invalid address without posting, and a refused one (429) after posting', async () => {
    const run = newRun();
    const el = await button(RECORDS.comingSoon, {
      'notify-endpoint': `/mock/notify?run=${run}&status=429`,
    });
    await formOf(el);
    const input = part(el, 'notify-input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'not an address' });
    await sendKeys({ press: 'Enter' });
    expect(status(el)).to.equal('Enter an email address, such as name@example.com.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(await posted(run)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    input.value = '';
    await sendKeys({ type: 'bob@example.com' });
    (part(el, 'notify-submit') as HTMLButtonElement).click();
    await waitUntil(() => /Too many/.test(status(el)), 'no refusal announced');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect((await posted(run)).length).to.equal(1);
  });

  it('shows no form while the product can be ordered, nor for a discontinued one, nor without an endpoint', async () => {
    const run = newRun();
    const orderable = await button(RECORDS.inStock, {
      'notify-endpoint': `/mock/notify?run=${run}`,
    });
    const gone = await button(RECORDS.discontinued, {
      'notify-endpoint': `/mock/notify?run=${run}`,
    });
    const plain = await button(RECORDS.soldOut, {});
    // The sold-out one with an endpoint shows its form: by then the others have had their turn.
    const control = await button(RECORDS.soldOut, { 'notify-endpoint': `/mock/notify?run=${run}` });
    await formOf(control);
    for (const el of [orderable, gone, plain]) expect(part(el, 'notify')).to.equal(null);
  });

  it('takes the form away when the product becomes orderable', async () => {
    const el = await button(RECORDS.soldOut, { 'notify-endpoint': '/mock/notify' });
    await formOf(el);
    el.availability = RECORDS.inStock as AvailabilityRecord;
    await waitUntil(() => part(el, 'notify') === null, 'the form stayed');
  });
});
