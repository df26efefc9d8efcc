/**
 * Adopts the theme's own button when the host wraps one: relabels it and
 * locks it as the host says, and, while the host knows nothing (loading,
 * failed), lets the theme's own label and state stand. Theme writes are
 * answered at once (before a frame, without a loop); a replaced button is
 * adopted again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ThemeButton = HTMLButtonElement | HTMLInputElement;

/**
 * What the host has to say on the theme's button once availability is known
 * (null while it is not: the theme's own label and state stand).
 */
export interface ThemeButtonState {
  /** The host's label; null (availability failed): the theme's label and `disabled` stand. */
  label: string | null;
  /** Cannot order: aria-disabled="true" (focusable, says why); false: the theme's own stands. */
  disabled: boolean;
  /** Said as the button's aria-description. */
  messages: string[];
}

/** What the theme itself last set on its button: it stands whenever the host knows no better. */
interface ThemeState {
  label: string | null;
  disabled: boolean;
  ariaDisabled: string | null;
}

/** The text node holding a `<button>`'s label: its first non-blank one. */
const labelNode = (button: HTMLButtonElement) =>
  document
    .createTreeWalker(button, NodeFilter.SHOW_TEXT, (node) =>
      (node as Text).data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
    )
    .nextNode() as Text | null;

const labelOf = (button: ThemeButton) =>
  button instanceof HTMLInputElement ? button.value : (labelNode(button)?.data.trim() ?? null);

/**
 * Sets a theme button's label. On a `<button>`, only its first text node
 * changes: themes keep spans, icons and spinners in it, and their scripts
 * look for them.
 */
function relabel(button: ThemeButton, label: string | null): void {
  if (label === null || labelOf(button) === label) return;
  if (button instanceof HTMLInputElement) button.value = label;
  else {
    const text = labelNode(button);
    if (text) text.data = label;
    else button.append(label);
  }
}

/** Sets (or, for null, removes) an attribute, touching the DOM only on a change: a theme's observers see no churn. */
function setAttribute(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

export class ThemeButtonController implements ReactiveController {
  /** The theme's button (a `<button>` or `<input type=submit>` child), or null: the host renders its own. */
  button: ThemeButton | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #state: () => ThemeButtonState | null;
  // Filled in by #read() from each button it finds (a new button counts as
  // every field written), before #apply() reads it.
  readonly #theme = {} as ThemeState;
  // The theme's writes to its button, and the button itself replaced (a
  // section re-render): the records tell what the theme changed.
  readonly #observer = new MutationObserver((records) => {
    this.#read(records);
    this.#apply();
  });

  constructor(host: ReactiveControllerHost & HTMLElement, state: () => ThemeButtonState | null) {
    this.#host = host;
    this.#state = state;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['disabled', 'aria-disabled', 'value'],
    });
    this.#read([]);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  hostUpdated(): void {
    this.#apply();
  }

  /**
   * Finds the theme's button (again, when the theme replaced it) and notes
   * what the theme itself set on it (the records are the theme's: our own
   * writes are taken off the observer as they are made): its label, `disabled`
   * when the theme wrote it or relabelled the button (themes set both
   * together on a variant change), `aria-disabled` when the theme wrote it
   * (Dawn's lock while its cart request is in flight).
   */
  #read(records: MutationRecord[]): void {
    const button = this.#host.querySelector<ThemeButton>(
      ':scope > button, :scope > input[type=submit]',
    );
    const replaced = button !== this.button;
    if (replaced) {
      this.button = button;
      this.#host.requestUpdate(); // the host's own button, or the slot
    }
    if (!button) return;
    const wrote = (name: string) => replaced || records.some((r) => r.attributeName === name);
    // New text or structure, or a new value, is the theme relabelling its button.
    const relabelled = wrote('value') || records.some((r) => r.type !== 'attributes');
    const theme = this.#theme;
    if (relabelled) theme.label = labelOf(button);
    if (relabelled || wrote('disabled')) theme.disabled = button.hasAttribute('disabled');
    if (wrote('aria-disabled')) theme.ariaDisabled = button.getAttribute('aria-disabled');
  }

  /** Writes the host's state over the theme's; re-run whenever the theme rewrites its button. */
  #apply(): void {
    const button = this.button;
    if (!button) return;
    const observer = this.#observer;
    // Theme writes not yet delivered: note them before writing over them.
    const pending = observer.takeRecords();
    if (pending.length) this.#read(pending);
    const state = this.#state();
    const label = state?.label ?? null;
    const theme = this.#theme;
    relabel(button, label ?? theme.label);
    setAttribute(button, 'disabled', label !== null || !theme.disabled ? null : '');
    setAttribute(button, 'aria-disabled', state?.disabled ? 'true' : theme.ariaDisabled);
    setAttribute(button, 'aria-description', state?.messages.join(' ') || null);
    observer.takeRecords(); // our own writes are no news
  }
}
