// A submit right after a variant change (issue 16, item 1): `form.requestSubmit()`
// re-reads the followed inputs as a click does, and the cart line carries the
// tags of what is really submitted, or none: never another variant's promise.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { configure } from '../../src/elements.js';
import { newRun } from '../data/helpers.js';
import { pinClock, resetAll, settled } from './helpers.js';

const KIND = 'properties[_order_type]';
const DATE = 'properties[_expected_date]';

/**
 * A product form whose theme script posts `new FormData(form)` on submit;
 * `known` SKUs are on the page already (a badge each), so their records are in the store.
 */
async function productForm(sku: string, known: string[], themeButton: boolean) {
  const run = newRun();
  configure({ endpoint: `/mock/availability?run=${run}&skus={skus}` });
  const posted: FormData[] = [];
  const form = await fixture<HTMLFormElement>(
    html`<form
      @submit=${(event: Event) => {
        event.preventDefault();
        posted.push(new FormData(event.target as HTMLFormElement));
      }}
    >
      <input type="hidden" name="id" .value=${sku} />
      ${
        themeButton
          ? html`<order-button sku-from="[name=id]" locale="en"
              ><button>Add to cart</button></order-button
            >`
          : html`<order-button sku-from="[name=id]" locale="en"></order-button>`
      }
      ${known.map((other) => html`<availability-badge sku=${other}></availability-badge>`)}
    </form>`,
  );
  const el = form.querySelector('order-button')!;
  await waitUntil(() => el.record?.sku === sku, `never showed ${sku}`);
  await settled(el);
  for (const badge of form.querySelectorAll('availability-badge')) await settled(badge);
  const input = form.querySelector<HTMLInputElement>('[name=id]')!;
  return { form, el, input, posted };
}

/** The submitted fields: id and the tags. */
const fields = (data: FormData | undefined) =>
  data && { id: data.get('id'), kind: data.get(KIND), date: data.get(DATE) };

describe('a submit right after a variant change', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  for (const themeButton of [true, false]) {
    const which = themeButton ? 'the theme’s button' : 'its own button';
    it(`with ${which}: requestSubmit() tags the new variant’s known promise`, async () => {
      const { form, input, posted } = await productForm('pre-sv1', ['back-sv1'], themeButton);
      input.value = 'back-sv1'; // the theme's variant script, then at once its submit
      form.requestSubmit();
      expect(fields(posted[0])).to.deep.equal({
        id: 'back-sv1',
        kind: 'backorder',
        date: '2027-01-15',
      });
    });

    it(`with ${which}: requestSubmit() tags nothing while the new variant is unknown`, async () => {
      const { form, input, posted } = await productForm('pre-sv2', [], themeButton);
      input.value = 'slow300-back-sv2';
      form.requestSubmit();
      // Unknown yet: the theme's own behaviour stands (it posts), with no promise of A's.
      expect(fields(posted[0])).to.deep.equal({ id: 'slow300-back-sv2', kind: null, date: null });
    });
  }

  it('with the theme’s button: requestSubmit() to a known sold-out variant posts nothing', async () => {
    const { form, input, posted } = await productForm('pre-sv3', ['out-sv3'], true);
    input.value = 'out-sv3';
    form.requestSubmit();
    expect(posted.length).to.equal(0);
  });
});
