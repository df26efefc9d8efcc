/**
 * The product page, written the way a storefront theme is: its own form,
 * hidden variant id input, submit button and quantity stepper, and a "theme
 * script" that rewrites the button on every variant change. The elements
 * follow the theme's inputs (sku-from, quantity-from) and correct its button.
 */
import { CARDS, VARIANTS, type Variant } from './catalog.js';
import { all, byId, custom, formatMoney, h } from './dom.js';
import { drawing } from './drawings.js';
import { onSettings, settings, updateSelection } from './state.js';

function variantFor(sku: string): Variant {
  return VARIANTS.find((v) => v.sku === sku) ?? (VARIANTS[0] as Variant);
}

export function initProductPage(): void {
  const form = byId('product-form', HTMLFormElement);
  const idInput = byId('variant-id', HTMLInputElement);
  const quantity = byId('quantity', HTMLInputElement);
  const submit = byId('theme-submit', HTMLButtonElement);
  const price = byId('pdp-price', HTMLElement);
  const finish = byId('finish-name', HTMLElement);
  const media = byId('pdp-media', HTMLElement);
  const cartLine = byId('cart-line', HTMLElement);
  const cartNote = byId('cart-note', HTMLElement);
  const radios = all('input[name=finish]', HTMLInputElement, form);

  const showVariant = () => {
    const variant = variantFor(idInput.value);
    price.textContent = formatMoney(variant.price, settings.locale, settings.currency);
    finish.textContent = variant.name;
    media.style.setProperty('--finish', variant.colour);
  };

  // The theme script: what Shopify-style themes do on a variant change.
  const selectVariant = (variant: Variant) => {
    idInput.value = variant.sku; // a script sets the value: the elements notice
    // The theme trusts its own inventory count and rewrites its button, as themes do.
    // <order-button> puts its own label and state back at once.
    submit.textContent = variant.themeAvailable ? 'Add to cart' : 'Sold out';
    submit.disabled = !variant.themeAvailable;
    showVariant();
    updateSelection({ sku: variant.sku });
  };

  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (radio.checked) selectVariant(variantFor(radio.value));
    });
  }

  // The stepper: buttons change the input as a theme's script would, with events.
  for (const button of all('[data-step]', HTMLButtonElement, form)) {
    button.addEventListener('click', () => {
      const next = Math.min(
        99,
        Math.max(1, (quantity.valueAsNumber || 1) + Number(button.dataset.step)),
      );
      quantity.value = String(next);
      quantity.dispatchEvent(new Event('input', { bubbles: true }));
      quantity.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  quantity.addEventListener('input', () => {
    const value = quantity.valueAsNumber;
    if (Number.isInteger(value) && value >= 1) updateSelection({ quantity: value });
  });

  // The cart: show what the form would post instead of posting it.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const entries = [...new FormData(form, event.submitter)].filter(([name]) => name !== 'finish');
    cartLine.replaceChildren(
      ...entries.flatMap(([name, value]) => {
        const tagged = name.startsWith('properties[');
        return [
          h('dt', {}, h('code', {}, name)),
          h(
            'dd',
            { class: tagged ? 'tagged' : null },
            h('code', {}, typeof value === 'string' ? value : value.name),
            tagged ? ' added by <order-button>' : null,
          ),
        ];
      }),
    );
    const tagged = entries.some(([name]) => name.startsWith('properties['));
    cartNote.textContent = tagged
      ? `POST ${form.getAttribute('action') ?? ''}: new FormData(form) carries the order type and expected date, so the order system can route the line.`
      : `POST ${form.getAttribute('action') ?? ''}: no tag fields (availability unknown, or nothing promised).`;
  });

  onSettings(showVariant);
  const initial = radios.find((r) => r.checked) ?? radios[0];
  if (initial) idInput.value = initial.value;
  showVariant();
  updateSelection({ sku: idInput.value, quantity: quantity.valueAsNumber || 1 });
}

/** The collection: twelve cards, each with a badge; all in the page's one batched request. */
export function buildCollection(list: HTMLElement): void {
  const prices: [HTMLElement, number][] = [];
  for (const product of CARDS) {
    const price = h('p', { class: 'card-price' });
    prices.push([price, product.price]);
    const titleId = `card-${product.sku.replace(/[^A-Za-z0-9-]/g, '-')}`;
    list.append(
      h(
        'li',
        { class: 'card' },
        h(
          'article',
          { 'aria-labelledby': titleId },
          drawing(product.drawing, product.colour),
          h('h4', { id: titleId }, product.name),
          price,
          // Empty when plainly in stock; the badge keeps its line, so cards do not jump.
          h('p', { class: 'card-badge' }, custom('availability-badge', { sku: product.sku })),
        ),
      ),
    );
  }
  const showPrices = () => {
    for (const [element, amount] of prices) {
      element.textContent = formatMoney(amount, settings.locale, settings.currency);
    }
  };
  onSettings(showPrices);
  showPrices();
}
