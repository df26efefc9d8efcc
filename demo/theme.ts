/**
 * The theme panel: edits the elements' public custom properties, live on the
 * whole page, checks the colour pairs' contrast, and writes the CSS to copy.
 */
import { byId, copyText, custom, h } from './dom.js';
import { dayFrom } from './scenarios.js';

type Tag = 'order-button' | 'expected-date' | 'availability-badge';

interface Token {
  name: string;
  label: string;
  tag: Tag;
  kind: 'color' | 'px' | 'weight';
  /** The element's own default, as the control shows it. */
  initial: string;
  /** Said beside the control when the default is not one value. */
  hint?: string;
  max?: number;
}

const TOKENS: Token[] = [
  {
    name: '--order-button-background',
    label: 'Button background',
    tag: 'order-button',
    kind: 'color',
    initial: '#111111',
  },
  {
    name: '--order-button-color',
    label: 'Button text',
    tag: 'order-button',
    kind: 'color',
    initial: '#ffffff',
  },
  {
    name: '--order-button-radius',
    label: 'Button corner radius',
    tag: 'order-button',
    kind: 'px',
    initial: '6',
    max: 28,
  },
  {
    name: '--order-button-font-weight',
    label: 'Button text weight',
    tag: 'order-button',
    kind: 'weight',
    initial: '600',
  },
  {
    name: '--order-button-disabled-background',
    label: 'Unavailable background',
    tag: 'order-button',
    kind: 'color',
    initial: '#e4e4e4',
  },
  {
    name: '--order-button-disabled-color',
    label: 'Unavailable text',
    tag: 'order-button',
    kind: 'color',
    initial: '#333333',
  },
  {
    name: '--order-button-message-color',
    label: 'Message text',
    tag: 'order-button',
    kind: 'color',
    initial: '#1a1d21',
    hint: 'default: inherited',
  },
  {
    name: '--order-button-tooltip-background',
    label: 'Tooltip background',
    tag: 'order-button',
    kind: 'color',
    initial: '#222222',
  },
  {
    name: '--order-button-tooltip-color',
    label: 'Tooltip text',
    tag: 'order-button',
    kind: 'color',
    initial: '#ffffff',
  },
  {
    name: '--order-button-focus-color',
    label: 'Focus ring',
    tag: 'order-button',
    kind: 'color',
    initial: '#1f4fd1',
  },
  {
    name: '--expected-date-color',
    label: 'Promise text',
    tag: 'expected-date',
    kind: 'color',
    initial: '#1a1d21',
    hint: 'default: inherited',
  },
  {
    name: '--expected-date-notice-background',
    label: 'Moved-date notice background',
    tag: 'expected-date',
    kind: 'color',
    initial: '#fff4e0',
  },
  {
    name: '--expected-date-notice-color',
    label: 'Moved-date notice text',
    tag: 'expected-date',
    kind: 'color',
    initial: '#6b3a00',
  },
  {
    name: '--availability-badge-background',
    label: 'Badge background',
    tag: 'availability-badge',
    kind: 'color',
    initial: '#1f4fd1',
    hint: 'default: a colour per status',
  },
  {
    name: '--availability-badge-color',
    label: 'Badge text',
    tag: 'availability-badge',
    kind: 'color',
    initial: '#ffffff',
  },
  {
    name: '--availability-badge-radius',
    label: 'Badge corner radius',
    tag: 'availability-badge',
    kind: 'px',
    initial: '12',
    max: 12,
    hint: 'default: a pill',
  },
];

const PRESETS: Record<string, Record<string, string>> = {
  'Element defaults': {},
  Forest: {
    '--order-button-background': '#1d5c3a',
    '--order-button-radius': '24',
    '--order-button-focus-color': '#1d5c3a',
    '--expected-date-notice-background': '#e6f2ea',
    '--expected-date-notice-color': '#174a2f',
    '--availability-badge-background': '#1d5c3a',
  },
  Clay: {
    '--order-button-background': '#a8432c',
    '--order-button-radius': '0',
    '--order-button-font-weight': '700',
    '--order-button-disabled-background': '#efe6df',
    '--order-button-disabled-color': '#5a4036',
    '--expected-date-notice-background': '#fbe9e1',
    '--expected-date-notice-color': '#7a2e1b',
    '--availability-badge-background': '#5a4036',
    '--availability-badge-radius': '2',
  },
};

/** Colour pairs whose contrast the panel reports (text on background). */
const PAIRS: [label: string, text: string, background: string][] = [
  ['Button', '--order-button-color', '--order-button-background'],
  ['Unavailable button', '--order-button-disabled-color', '--order-button-disabled-background'],
  ['Tooltip', '--order-button-tooltip-color', '--order-button-tooltip-background'],
  ['Moved-date notice', '--expected-date-notice-color', '--expected-date-notice-background'],
  [
    'Badge (when its background is set)',
    '--availability-badge-color',
    '--availability-badge-background',
  ],
];

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const cssValue = (token: Token, value: string) => (token.kind === 'px' ? `${value}px` : value);

/** The preview's records, inline (no request): the states a theme must style. */
function preview(container: HTMLElement): void {
  const day = (n: number) => dayFrom(Date.now(), n);
  const preorder = {
    sku: 'THEME-PREVIEW-PREORDER',
    releaseDate: day(40),
    incoming: [{ quantity: 100, date: day(38) }],
    reserved: 94,
    cap: 'incoming',
    payment: { mode: 'deposit', depositPercent: 20 },
  };
  const moved = {
    sku: 'THEME-PREVIEW-MOVED',
    onHand: 0,
    allowBackorder: true,
    incoming: [{ quantity: 50, date: day(30) }],
    previousExpectedDate: day(16),
  };
  const items: [string, HTMLElement][] = [
    ['Pre-order', custom('order-button', { availability: JSON.stringify(preorder) })],
    [
      'Unavailable',
      custom('order-button', {
        availability: JSON.stringify({ sku: 'THEME-PREVIEW-OUT', onHand: 0 }),
      }),
    ],
    ['Moved date', custom('expected-date', { availability: JSON.stringify(moved) })],
  ];
  const badges = h(
    'p',
    { class: 'preview-badges' },
    custom('availability-badge', { availability: JSON.stringify(preorder) }),
    custom('availability-badge', { availability: JSON.stringify(moved) }),
    custom('availability-badge', {
      availability: JSON.stringify({ sku: 'THEME-PREVIEW-LOW', onHand: 2, lowStockThreshold: 5 }),
    }),
  );
  container.append(
    ...items.map(([label, element]) =>
      h('div', { class: 'preview-item' }, h('p', { class: 'cell-label' }, label), element),
    ),
    h('div', { class: 'preview-item' }, h('p', { class: 'cell-label' }, 'Badges'), badges),
  );
}

export function initThemePanel(): void {
  const form = byId('theme-form', HTMLFormElement);
  const fields = byId('theme-fields', HTMLElement);
  const presets = byId('theme-preset', HTMLSelectElement);
  const output = byId('theme-css', HTMLElement);
  const checks = byId('theme-contrast', HTMLUListElement);
  const copyStatus = byId('theme-copy-status', HTMLElement);
  const values = new Map<string, string>(TOKENS.map((t) => [t.name, t.initial]));
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  for (const name of Object.keys(PRESETS)) presets.append(h('option', { value: name }, name));

  const tags: Tag[] = ['order-button', 'expected-date', 'availability-badge'];
  for (const tag of tags) {
    const rows = TOKENS.filter((t) => t.tag === tag).map((token) => {
      const id = `theme${token.name}`;
      let control: HTMLInputElement | HTMLSelectElement;
      if (token.kind === 'weight') {
        control = h(
          'select',
          { id },
          ...['400', '500', '600', '700', '800'].map((w) => h('option', { value: w }, w)),
        );
      } else if (token.kind === 'px') {
        control = h('input', { id, type: 'range', min: 0, max: token.max ?? 24, step: 1 });
      } else {
        control = h('input', { id, type: 'color' });
      }
      control.value = token.initial;
      inputs.set(token.name, control);
      const shown = h('output', { for: id, class: 'token-value' });
      const sync = () => (shown.textContent = cssValue(token, control.value));
      sync();
      control.addEventListener('input', () => {
        values.set(token.name, control.value);
        sync();
        apply();
      });
      return h(
        'div',
        { class: 'token' },
        h(
          'label',
          { for: id },
          token.label,
          h('code', {}, token.name),
          token.hint ? h('small', {}, token.hint) : null,
        ),
        // A select shows its own value; colours and lengths get theirs spelled out.
        h('div', { class: 'token-control' }, control, token.kind === 'weight' ? null : shown),
      );
    });
    fields.append(h('fieldset', {}, h('legend', {}, h('code', {}, `<${tag}>`)), ...rows));
  }

  function apply(): void {
    const root = document.documentElement.style;
    const changed = TOKENS.filter((t) => values.get(t.name) !== t.initial);
    for (const token of TOKENS) {
      const value = values.get(token.name) ?? token.initial;
      if (value === token.initial) root.removeProperty(token.name);
      else root.setProperty(token.name, cssValue(token, value));
    }
    const blocks = tags
      .map((tag) => {
        const own = changed.filter((t) => t.tag === tag);
        if (!own.length) return '';
        const lines = own.map((t) => `  ${t.name}: ${cssValue(t, values.get(t.name) ?? '')};`);
        return `${tag} {\n${lines.join('\n')}\n}`;
      })
      .filter(Boolean);
    output.textContent = blocks.length
      ? `/* preorder-elements theme */\n${blocks.join('\n')}\n`
      : '/* No changes: the elements use their own defaults. */\n';
    checks.replaceChildren(
      ...PAIRS.map(([label, text, background]) => {
        const ratio = contrast(values.get(text) ?? '#000000', values.get(background) ?? '#ffffff');
        const pass = ratio >= 4.5;
        return h(
          'li',
          { class: pass ? 'pass' : 'fail' },
          `${label}: ${ratio.toFixed(1)}:1 `,
          h('strong', {}, pass ? 'passes AA' : 'below AA (4.5:1)'),
        );
      }),
    );
  }

  presets.addEventListener('change', () => {
    const preset = PRESETS[presets.value] ?? {};
    for (const token of TOKENS) {
      const value = preset[token.name] ?? token.initial;
      values.set(token.name, value);
      const control = inputs.get(token.name);
      if (!control) continue;
      control.value = value;
      const shown = control.parentElement?.querySelector('output');
      if (shown) shown.textContent = cssValue(token, value);
    }
    apply();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('theme-copy', HTMLButtonElement).addEventListener('click', () => {
    void copyText(output.textContent ?? '', copyStatus);
  });
  preview(byId('theme-preview', HTMLElement));
  apply();
}
