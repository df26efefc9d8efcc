/**
 * `<order-button notify-endpoint>`'s "notify me" form, in a chunk of its own
 * (notify-loader.ts): a page without a notify endpoint never loads it. After
 * each render of a button with an endpoint, notifyForm() shows the form in
 * the button's shadow root while the product cannot be ordered (and is not
 * discontinued), and takes it away otherwise. Plain DOM, no Lit of its own:
 * a label, an email input, a submit button in a real <form> (Enter submits,
 * keyboard only works), and a polite live region announcing what happened.
 * It POSTs `{ sku, email, locale }` as JSON (the service's POST /notify).
 */
import type { RenderDecision } from '../engine/index.js';
import { notifyFormText } from '../text/notify-form.js';

/** What the form reads of its button. */
export interface NotifyHost extends HTMLElement {
  renderRoot: ShadowRoot;
  decision: RenderDecision | null;
  textLang: string;
  currentSku(): string | null;
}

type Outcome = 'sending' | 'sent' | 'invalid' | 'limited' | 'failed';

const STYLE =
  '[part=notify]{margin-top:.5em}[part=notify] form{display:flex;flex-wrap:wrap;gap:.5em}' +
  '[part=notify] label{flex-basis:100%}' +
  '[part=notify-input]{font:inherit;padding:.4em;min-width:12em;flex:1;border:1px solid #595959;border-radius:.25em}' +
  '[part=notify-input][aria-invalid=true]{border-color:#b00020}' +
  '[part=notify-submit]{font:inherit;padding:.4em 1em;border:1px solid currentColor;border-radius:.25em;background:transparent;color:inherit;cursor:pointer}' +
  '[part=notify] :focus-visible{outline:2px solid var(--order-button-focus-color,#0a58ca);outline-offset:2px}' +
  '[part=notify-status]{margin:.25em 0 0}';
let sheet: CSSStyleSheet | undefined;

interface View {
  root: HTMLElement;
  relabel(lang: string): void;
}

const views = new WeakMap<NotifyHost, View>();

/** The SKU shown: the decision's (inline data needs no sku attribute), else the attribute's. */
const skuOf = (host: NotifyHost) => host.decision?.sku ?? host.currentSku();

function build(host: NotifyHost): View {
  const make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Record<string, string> = {},
  ) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) element.setAttribute(name, value);
    return element;
  };
  const root = make('div', { part: 'notify' });
  const form = make('form', { part: 'notify-form', novalidate: '' });
  const label = make('label', { for: 'notify-email' });
  const input = make('input', {
    id: 'notify-email',
    part: 'notify-input',
    type: 'email',
    name: 'email',
    autocomplete: 'email',
    required: '',
    'aria-describedby': 'notify-status',
  });
  const submit = make('button', { part: 'notify-submit', type: 'submit' });
  // Present (empty) from the start: a live region announces changes, not its arrival.
  const status = make('p', { part: 'notify-status', id: 'notify-status', role: 'status' });
  form.append(label, input, submit);
  root.append(form, status);
  let lang = host.textLang;
  let outcome: Outcome | undefined;
  const text = () => notifyFormText(lang);
  const show = (next: Outcome | undefined) => {
    outcome = next;
    const t = text();
    input.setAttribute('aria-invalid', String(next === 'invalid'));
    input.disabled = next === 'sent';
    submit.disabled = next === 'sending' || next === 'sent';
    status.textContent = next
      ? {
          sending: t.notifyFormSending,
          sent: t.notifyFormSent,
          invalid: t.notifyFormInvalid,
          limited: t.notifyFormLimited,
          failed: t.notifyFormFailed,
        }[next]
      : '';
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.checkValidity()) {
      show('invalid');
      input.focus();
      return;
    }
    show('sending');
    let next: Outcome = 'failed';
    try {
      const response = await fetch(host.getAttribute('notify-endpoint') ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: skuOf(host), email: input.value.trim(), locale: lang }),
      });
      const { status: code } = response;
      next = code === 202 ? 'sent' : code === 429 ? 'limited' : code === 400 ? 'invalid' : 'failed';
    } catch {
      // offline or refused: said as a failure, the shopper may try again
    }
    show(next);
    if (next === 'invalid') input.focus();
    host.dispatchEvent(
      new CustomEvent('notify-signup', {
        bubbles: true,
        composed: true,
        detail: { sku: skuOf(host), ok: next === 'sent' },
      }),
    );
  });
  const relabel = (next: string) => {
    lang = next;
    const t = text();
    root.lang = next;
    label.textContent = t.notifyFormLabel;
    submit.textContent = t.notifyFormSubmit;
    show(outcome);
  };
  relabel(lang);
  return { root, relabel };
}

/** Shows or takes away the form for the button's current decision. */
export function notifyForm(host: NotifyHost): void {
  const { decision } = host;
  const wanted =
    host.hasAttribute('notify-endpoint') &&
    !!decision &&
    !decision.orderable &&
    decision.status !== 'discontinued';
  let view = views.get(host);
  if (!wanted) {
    view?.root.remove();
    return;
  }
  if (!view) views.set(host, (view = build(host)));
  const root = host.renderRoot;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  if (view.root.parentNode !== root) root.append(view.root);
  if (view.root.lang !== host.textLang) view.relabel(host.textLang);
}
