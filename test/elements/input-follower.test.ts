// Two elements following one input (`sku-from="input[name=id]"`, the usual
// product form: an <order-button> and an <expected-date>), for each kind of
// field a theme keeps its variant id in.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { configure } from '../../src/elements.js';
import type { ExpectedDate, OrderButton } from '../../src/elements.js';
import { newRun } from '../data/helpers.js';
import { pinClock, resetAll } from './helpers.js';

const FIELDS = {
  input: '<input name="id" value="pre-a" />',
  hidden: '<input type="hidden" name="id" value="pre-a" />',
  select: `<select name="id">
    <option value="pre-a" selected>A</option>
    <option value="out-b">B</option>
    <option value="back-c">C</option>
  </select>`,
};

/** A product form whose variant field two elements follow. */
async function productForm(field: string) {
  configure({ endpoint: `/mock/availability?run=${newRun()}&skus={skus}` });
  const form = await fixture<HTMLFormElement>(
    `<form action="/never">${field}
      <order-button sku-from="[name=id]" locale="en"></order-button>
      <expected-date sku-from="[name=id]" locale="en-GB"></expected-date>
    </form>`,
  );
  const input = form.querySelector<HTMLInputElement | HTMLSelectElement>('[name=id]')!;
  const button = form.querySelector('order-button')!;
  const date = form.querySelector('expected-date')!;
  await Promise.all([showing(button, 'pre-a'), showing(date, 'pre-a')]);
  return { form, input, button, date };
}

/** Waits until the element renders the record of `sku`. */
async function showing(element: OrderButton | ExpectedDate, sku: string) {
  await waitUntil(() => element.record?.sku === sku, `${element.localName} never showed ${sku}`, {
    timeout: 5000,
  });
  await element.updateComplete;
}

describe('InputFollower: two elements on one input', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  for (const [kind, field] of Object.entries(FIELDS)) {
    describe(kind, () => {
      it('a value set by a script (no event) reaches both', async () => {
        const { input, button, date } = await productForm(field);
        input.value = 'out-b';
        await Promise.all([showing(button, 'out-b'), showing(date, 'out-b')]);
        expect(button.status).to.equal('sold_out');
        input.value = 'back-c';
        await Promise.all([showing(button, 'back-c'), showing(date, 'back-c')]);
        expect(date.shadowRoot!.textContent).to.contain('15 January 2027');
      });

      for (const leaving of ['order-button', 'expected-date'] as const) {
        it(`the ${leaving} leaves: the other still follows script-set values`, async () => {
          const { form, input, button, date } = await productForm(field);
          const [gone, staying] = leaving === 'order-button' ? [button, date] : [date, button];
          gone.remove();
          input.value = 'out-b';
          await showing(staying, 'out-b');
          input.value = 'back-c';
          await showing(staying, 'back-c');
          expect(gone.record?.sku).to.equal('pre-a');
          // Back in the form, it follows again, beside the other.
          form.append(gone);
          await showing(gone, 'back-c');
          input.value = 'out-b';
          await Promise.all([showing(button, 'out-b'), showing(date, 'out-b')]);
        });
      }

      it('the value property is the browser’s own again once the last follower leaves', async () => {
        const { input, button, date } = await productForm(field);
        expect(Object.getOwnPropertyDescriptor(input, 'value')).to.not.equal(undefined);
        button.remove();
        expect(Object.getOwnPropertyDescriptor(input, 'value')).to.not.equal(undefined);
        date.remove();
        expect(Object.getOwnPropertyDescriptor(input, 'value')).to.equal(undefined);
        input.value = 'out-b';
        expect(input.value).to.equal('out-b');
      });
    });
  }

  it('keeps a theme’s own value patch working, and gives it back when the last follower leaves', async () => {
    configure({ endpoint: `/mock/availability?run=${newRun()}&skus={skus}` });
    const form = await fixture<HTMLFormElement>(
      `<form action="/never"><input type="hidden" name="id" value="pre-a" /></form>`,
    );
    const input = form.querySelector('input')!;
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const seenByTheme: string[] = [];
    const themePatch: PropertyDescriptor = {
      configurable: true,
      get(this: HTMLInputElement) {
        return native.get!.call(this);
      },
      set(this: HTMLInputElement, value: string) {
        seenByTheme.push(value);
        native.set!.call(this, value);
      },
    };
    Object.defineProperty(input, 'value', themePatch);
    form.insertAdjacentHTML(
      'beforeend',
      '<order-button sku-from="[name=id]" locale="en"></order-button><order-button sku-from="[name=id]" locale="en"></order-button>',
    );
    const [first, second] = form.querySelectorAll('order-button');
    await Promise.all([showing(first, 'pre-a'), showing(second, 'pre-a')]);
    input.value = 'out-b';
    await Promise.all([showing(first, 'out-b'), showing(second, 'out-b')]);
    expect(seenByTheme).to.deep.equal(['out-b']);
    first.remove();
    second.remove();
    expect(Object.getOwnPropertyDescriptor(input, 'value')?.set).to.equal(themePatch.set);
    input.value = 'back-c';
    expect(seenByTheme).to.deep.equal(['out-b', 'back-c']);
  });
});
