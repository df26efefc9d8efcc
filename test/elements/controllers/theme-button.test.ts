// ThemeButtonController on a host of its own: the host's state is set by the
// test (no availability), the theme's writes are made as themes make them.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  ThemeButtonController,
  type ThemeButtonState,
} from '../../../src/elements/controllers/theme-button.js';

class ThemeHost extends LitElement {
  /** What the host says (null: it knows nothing yet). */
  state: ThemeButtonState | null = null;
  readonly theme = new ThemeButtonController(this, () => this.state);

  override render() {
    return this.theme.button ? html`<slot></slot>` : html`<button part="own">Own</button>`;
  }
}
customElements.define('theme-host', ThemeHost);

const PREORDER: ThemeButtonState = { label: 'Pre-order', disabled: false, messages: [] };

async function themeHost(button: string, state: ThemeButtonState | null = null) {
  const host = await fixture<ThemeHost>(`<theme-host>${button}</theme-host>`);
  const theme = host.querySelector<HTMLButtonElement>('button, input')!;
  await say(host, state);
  return { host, theme };
}

/** Sets what the host says, and waits for the host's update that writes it. */
async function say(host: ThemeHost, state: ThemeButtonState | null) {
  host.state = state;
  host.requestUpdate();
  await host.updateComplete;
}

/** Two microtasks: where the observer answers a theme write, before any frame. */
const microtasks = async () => {
  await null;
  await null;
};

/** Counts every mutation on the button (the theme's and the controller's). */
function countMutations(target: Node) {
  const count = { n: 0 };
  new MutationObserver((records) => (count.n += records.length)).observe(target, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  return count;
}

describe('ThemeButtonController', () => {
  it('the host renders its own button when it wraps none', async () => {
    const host = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    expect(host.theme.button).to.equal(null);
    expect(host.shadowRoot!.querySelector('[part=own]')).to.not.equal(null);
  });

  it('while the host knows nothing, the theme’s label and state stand', async () => {
    const { host, theme } = await themeHost('<button disabled>Add to cart</button>');
    expect(host.theme.button).to.equal(theme);
    expect(host.shadowRoot!.querySelector('slot')).to.not.equal(null);
    expect([theme.textContent, theme.disabled]).to.deep.equal(['Add to cart', true]);
    expect(theme.getAttribute('aria-disabled')).to.equal(null);
    expect(theme.getAttribute('aria-description')).to.equal(null);
  });

  it('relabels and enables the theme’s button, and says the messages as its description', async () => {
    const { theme } = await themeHost('<button disabled>Add to cart</button>', {
      label: 'Backorder',
      disabled: false,
      messages: ['Pay in full today', 'Ships in turn'],
    });
    expect([theme.textContent, theme.disabled]).to.deep.equal(['Backorder', false]);
    expect(theme.getAttribute('aria-description')).to.equal('Pay in full today Ships in turn');
    expect(theme.getAttribute('aria-disabled')).to.equal(null);
  });

  it('locks with aria-disabled (the button stays focusable and says why)', async () => {
    const { theme } = await themeHost('<button>Add to cart</button>', {
      label: 'Sold out',
      disabled: true,
      messages: ['Pre-orders are full'],
    });
    expect([theme.textContent, theme.disabled]).to.deep.equal(['Sold out', false]);
    expect(theme.getAttribute('aria-disabled')).to.equal('true');
  });

  it('relabels an <input type=submit> through its value', async () => {
    const { theme } = await themeHost('<input type="submit" value="Add to cart" />', PREORDER);
    expect((theme as unknown as HTMLInputElement).value).to.equal('Pre-order');
  });

  it('changes only the label’s text node: the theme’s spans and spinner stay', async () => {
    const { theme } = await themeHost(
      '<button><span class="label">Add to cart</span><div class="spinner"><svg></svg></div></button>',
      PREORDER,
    );
    const span = theme.querySelector('span')!;
    expect(span.textContent).to.equal('Pre-order');
    expect(theme.querySelector('.spinner svg')).to.not.equal(null);
    span.textContent = 'Sold out'; // the theme's variant script
    theme.setAttribute('disabled', '');
    await microtasks();
    expect(theme.querySelector('span')).to.equal(span);
    expect(span.textContent).to.equal('Pre-order');
    expect(theme.disabled).to.equal(false);
  });

  it('answers the theme’s rewrites before a frame, and then nothing more happens', async () => {
    const { theme } = await themeHost('<button>Add to cart</button>', PREORDER);
    const mutations = countMutations(theme);
    theme.textContent = 'Add to cart';
    theme.disabled = true;
    await microtasks();
    expect([theme.textContent, theme.disabled]).to.deep.equal(['Pre-order', false]);
    await nextFrame();
    const settled = mutations.n;
    await nextFrame();
    expect(mutations.n).to.equal(settled);
    expect(settled).to.be.below(10);
  });

  it('writes nothing when nothing changed (a theme’s observers see no churn)', async () => {
    const { host, theme } = await themeHost('<button>Add to cart</button>', PREORDER);
    const mutations = countMutations(theme);
    await say(host, { ...PREORDER });
    await nextFrame();
    expect(mutations.n).to.equal(0);
  });

  it('leaves the theme’s own aria-disabled lock alone unless it locks the button itself', async () => {
    const { host, theme } = await themeHost('<button>Add to cart</button>', PREORDER);
    theme.setAttribute('aria-disabled', 'true'); // Dawn, while its cart request is out
    await microtasks();
    expect(theme.getAttribute('aria-disabled')).to.equal('true');
    theme.removeAttribute('aria-disabled'); // the cart answered
    await microtasks();
    expect(theme.getAttribute('aria-disabled')).to.equal(null);
    await say(host, { label: 'Sold out', disabled: true, messages: [] });
    theme.removeAttribute('aria-disabled');
    await microtasks();
    expect(theme.getAttribute('aria-disabled')).to.equal('true');
  });

  it('no label of its own (availability failed): the theme’s label and disabled stand, its lock applies', async () => {
    const { host, theme } = await themeHost(
      '<button disabled>Ajouter au panier</button>',
      PREORDER,
    );
    expect(theme.textContent).to.equal('Pre-order');
    // The theme's own verdict for a new variant, as it writes it: label and disabled together.
    theme.textContent = 'Ajouter au panier';
    theme.disabled = true;
    await microtasks();
    expect(theme.disabled).to.equal(false); // ours stands while we have a label
    await say(host, {
      label: null,
      disabled: true,
      messages: ['Availability could not be loaded'],
    });
    expect(theme.textContent).to.equal('Ajouter au panier');
    expect(theme.disabled).to.equal(true);
    expect(theme.getAttribute('aria-disabled')).to.equal('true');
    expect(theme.getAttribute('aria-description')).to.equal('Availability could not be loaded');
    await say(host, null);
    expect(theme.getAttribute('aria-disabled')).to.equal(null);
    expect(theme.getAttribute('aria-description')).to.equal(null);
  });

  it('adopts a button that replaces the first (a section re-render); none left, the host renders its own', async () => {
    const { host } = await themeHost('<button>Add to cart</button>', PREORDER);
    const fresh = document.createElement('button');
    fresh.innerHTML = '<span>Add to cart</span>';
    host.replaceChildren(fresh);
    await microtasks();
    await host.updateComplete;
    expect(host.theme.button).to.equal(fresh);
    expect(fresh.textContent).to.equal('Pre-order');
    host.replaceChildren();
    await microtasks();
    await host.updateComplete;
    expect(host.theme.button).to.equal(null);
    expect(host.shadowRoot!.querySelector('[part=own]')).to.not.equal(null);
  });

  it('once the host has left the page, the theme’s writes stand', async () => {
    const { host, theme } = await themeHost('<button>Add to cart</button>', PREORDER);
    host.remove(); // the button goes with it
    theme.textContent = 'Sold out';
    await microtasks();
    await nextFrame();
    expect(theme.textContent).to.equal('Sold out');
  });
});
