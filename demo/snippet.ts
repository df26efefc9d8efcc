/**
 * The install snippet for the current setup: the script tag with its data-*
 * options, the product form's markup, and the same configuration from npm.
 */
import { byId, copyText, escapeHtml } from './dom.js';
import { ENDPOINT, onSelection, onSettings, selection, settings } from './state.js';

/** The library's default fallback: left out of the snippet. */
const DEFAULT_FALLBACK = 'add-to-cart';

const attr = (name: string, value: string) => `${name}="${escapeHtml(value)}"`;

export function scriptTag(): string {
  const lines = [
    '<script',
    '  src="https://your-cdn.example/preorder-elements.js"',
    `  ${attr('data-endpoint', ENDPOINT)}`,
    `  ${attr('data-locale', settings.locale)}`,
    `  ${attr('data-currency', settings.currency)}`,
    // The store's zone: "today", cut-offs and release moments are the store's.
    `  ${attr('data-time-zone', settings.timeZone)}`,
  ];
  if (settings.fallback !== DEFAULT_FALLBACK) {
    lines.push(`  ${attr('data-fallback', settings.fallback)}`);
  }
  lines.push('  defer', '></script>');
  return lines.join('\n');
}

export function markup(): string {
  const quantity = String(selection.quantity);
  return [
    '<form action="/cart/add" method="post">',
    `  <input type="hidden" name="id" ${attr('value', selection.sku)} />`,
    `  <label>Quantity <input type="number" name="quantity" min="1" ${attr('value', quantity)} /></label>`,
    '',
    "  <!-- Enhances the theme's own button; follows the variant id and the quantity. -->",
    '  <order-button sku-from="input[name=id]" quantity-from="input[name=quantity]">',
    '    <button type="submit">Add to cart</button>',
    '  </order-button>',
    '  <expected-date sku-from="input[name=id]" quantity-from="input[name=quantity]"',
    '    cutoff="14:00" transit-days="2-4"></expected-date>',
    '</form>',
    '',
    '<!-- On a collection card: -->',
    `<availability-badge ${attr('sku', selection.sku)}></availability-badge>`,
  ].join('\n');
}

export function npmCode(): string {
  const options: Record<string, string> = {
    endpoint: ENDPOINT,
    locale: settings.locale,
    currency: settings.currency,
    timeZone: settings.timeZone,
  };
  if (settings.fallback !== DEFAULT_FALLBACK) options.fallback = settings.fallback;
  const body = Object.entries(options)
    .map(([key, value]) => `  ${key}: ${JSON.stringify(value)},`)
    .join('\n');
  return `import { configure } from 'preorder-elements';\n\nconfigure({\n${body}\n});`;
}

export function initSnippet(): void {
  const script = byId('snippet-script', HTMLElement);
  const html = byId('snippet-markup', HTMLElement);
  const npm = byId('snippet-npm', HTMLElement);
  const update = () => {
    script.textContent = scriptTag();
    html.textContent = markup();
    npm.textContent = npmCode();
  };
  for (const [button, source] of [
    ['copy-script', script],
    ['copy-markup', html],
    ['copy-npm', npm],
  ] as const) {
    byId(button, HTMLButtonElement).addEventListener('click', () => {
      void copyText(source.textContent ?? '', byId(`${button}-status`, HTMLElement));
    });
  }
  onSettings(update);
  onSelection(update);
  update();
}
