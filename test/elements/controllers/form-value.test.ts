// FormValueController on a form-associated host of its own: the fields are set by the test.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FormValueController } from '../../../src/elements/controllers/form-value.js';

class FormHost extends LitElement {
  static formAssociated = true;
  fields: Record<string, string> = {};
  readonly formValue = new FormValueController(this, () => this.fields);
}
customElements.define('form-value-host', FormHost);

async function inForm(fields: Record<string, string>) {
  const form = await fixture<HTMLFormElement>(
    html`<form><input name="quantity" value="2" /><form-value-host></form-value-host></form>`,
  );
  const host = form.querySelector<FormHost>('form-value-host')!;
  await set(host, fields);
  return { form, host };
}

async function set(host: FormHost, fields: Record<string, string>) {
  host.fields = fields;
  host.requestUpdate();
  await host.updateComplete;
}

const entries = (form: HTMLFormElement) => [...new FormData(form)];

describe('FormValueController', () => {
  it('gives the form the host’s fields as real values (no name, no hidden input)', async () => {
    const { form, host } = await inForm({
      'properties[_order_type]': 'preorder',
      ship_by: '2027-03-12',
    });
    expect(entries(form)).to.deep.equal([
      ['quantity', '2'],
      ['properties[_order_type]', 'preorder'],
      ['ship_by', '2027-03-12'],
    ]);
    expect(host.querySelector('input')).to.equal(null);
    expect(host.hasAttribute('name')).to.equal(false);
  });

  it('follows the fields on each update, and adds nothing when there are none', async () => {
    const { form, host } = await inForm({ kind: 'preorder' });
    await set(host, { kind: 'backorder' });
    expect(entries(form)).to.deep.equal([
      ['quantity', '2'],
      ['kind', 'backorder'],
    ]);
    await set(host, {});
    expect(entries(form)).to.deep.equal([['quantity', '2']]);
  });

  it('names the form it belongs to, and none outside a form', async () => {
    const { form, host } = await inForm({});
    expect(host.formValue.form).to.equal(form);
    const alone = await fixture<FormHost>(html`<form-value-host></form-value-host>`);
    expect(alone.formValue.form).to.equal(null);
  });

  it('a host moved to another form tags that one', async () => {
    const { form, host } = await inForm({ kind: 'preorder' });
    const other = document.createElement('form');
    form.after(other);
    other.append(host);
    await set(host, { kind: 'backorder' });
    expect(host.formValue.form).to.equal(other);
    expect(entries(other)).to.deep.equal([['kind', 'backorder']]);
    expect(entries(form)).to.deep.equal([['quantity', '2']]);
  });
});
