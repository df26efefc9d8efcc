/**
 * Small DOM helpers. Every piece of data reaches the page as text (text nodes,
 * textContent, attribute values): never as markup.
 */
export type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/** A custom element (the library's tags) with attributes. */
export function custom(
  tag: 'order-button' | 'expected-date' | 'availability-badge',
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function svg(
  tag: string,
  attributes: Record<string, string | number> = {},
  ...children: Node[]
): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

function setAttributes(
  element: Element,
  attributes: Record<string, string | number | boolean | null | undefined>,
): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
}

function append(element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
}

/** The element with this id, of this type; throws when the page lacks it. */
export function byId<T extends Element>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo page: #${id} is missing`);
  return element;
}

/** All elements matching `selector` of this type. */
export function all<T extends Element>(
  selector: string,
  type: abstract new () => T,
  root: ParentNode = document,
): T[] {
  return [...root.querySelectorAll(selector)].filter((e): e is T => e instanceof type);
}

/** Money in the page's locale and currency; a plain number when the currency is unusable. */
export function formatMoney(amount: number, locale: string, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return String(amount);
  }
}

/** Escapes text for an HTML attribute value or text in a generated snippet. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Copies text, with a visible word on how it went. */
export async function copyText(text: string, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Copying is blocked here: select the text and copy it by hand.';
  }
  setTimeout(() => (status.textContent = ''), 4000);
}
