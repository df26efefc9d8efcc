/**
 * Follows the value of a theme's input (`sku-from="input[name=id]"`): its
 * `change` and `input` events, `value` set by scripts, and the input itself
 * being replaced when a theme re-renders its product form. Costs nothing
 * while no selector is set.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type ValueElement = HTMLInputElement | HTMLSelectElement;

export class InputFollower implements ReactiveController {
  /** The followed input's value, or null when none matches. */
  value: string | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #selector: () => string | null;
  #following: string | null = null;
  #input: ValueElement | null = null;
  #observer: MutationObserver | undefined;
  #offScriptSets: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, selector: () => string | null) {
    this.#host = host;
    this.#selector = selector;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** Starts, stops or re-targets following when the selector changed; cheap when it did not. */
  sync(): void {
    const selector = this.#selector();
    // Following (with an observer) exactly while #following is a selector: the same one is no change.
    if (selector === this.#following) return;
    this.#stop();
    this.#following = selector;
    if (!selector) return;
    document.addEventListener('change', this.#onEvent, true);
    document.addEventListener('input', this.#onEvent, true);
    // Themes replace the whole product form on a variant change: watch for it.
    this.#observer = new MutationObserver(() => this.#find());
    this.#observer.observe(this.#host.closest('form') ?? document.body, {
      subtree: true,
      childList: true,
      attributeFilter: ['value', 'selected'], // implies attributes: true
    });
    this.#find();
  }

  #stop(): void {
    document.removeEventListener('change', this.#onEvent, true);
    document.removeEventListener('input', this.#onEvent, true);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#following = null;
    this.#attach(null);
    this.value = null;
  }

  /** Finds the input (again) in the host's form, else the document, and reads it. */
  #find(): void {
    // Set whenever this runs: sync() calls it only with a selector, and #stop()
    // disconnects the observer before it clears the selector.
    const selector = this.#following as string;
    let input: ValueElement | null = null;
    try {
      input =
        this.#host.closest('form')?.querySelector(selector) ?? document.querySelector(selector);
    } catch {
      console.error(`[preorder-elements] "${selector}" is not a valid CSS selector.`);
    }
    this.#attach(input as ValueElement | null);
    this.read();
  }

  #onEvent = (event: Event) => {
    if (event.target === this.#input) this.read();
  };

  /** Reads the input now: for changes no event or setter told of (`stepUp()`, `valueAsNumber`). */
  read(): void {
    const value = this.#input?.value.trim() || null;
    if (value !== this.value) {
      this.value = value;
      this.#host.requestUpdate();
    }
  }

  /** Listens for script-set values on the input (one shared patch per input, see below). */
  #attach(input: ValueElement | null): void {
    if (input === this.#input) return;
    this.#offScriptSets?.();
    this.#input = input;
    this.#offScriptSets = input && onScriptSet(input, () => this.read());
  }
}

/**
 * Each patched input's listeners, and the own `value` it had before (a
 * theme's patch), given back with the last listener. One patch per input,
 * however many follow it (an <order-button> and an <expected-date> on one
 * variant id): a second patch over the first would hide script-set values
 * from the first, and removing either would break the other.
 */
const patches = new WeakMap<ValueElement, [Set<() => void>, PropertyDescriptor | undefined]>();

/**
 * Calls `listener` soon after each `input.value = x` from a script (which
 * raises no event); returns the unsubscribe. The patch wraps the `value` the
 * input had, so a theme's own patch keeps working.
 */
function onScriptSet(input: ValueElement, listener: () => void): () => void {
  let patch = patches.get(input);
  if (!patch) {
    const before = Object.getOwnPropertyDescriptor(input, 'value');
    // The prototype's accessor (HTMLInputElement's, HTMLSelectElement's) when the input has none of its own.
    const { get, set } = (before ??
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')) as PropertyDescriptor;
    const listeners = new Set<() => void>();
    Object.defineProperty(input, 'value', {
      configurable: true,
      get,
      set(value: string) {
        set?.call(this, value);
        queueMicrotask(() => listeners.forEach((each) => each()));
      },
    });
    patches.set(input, (patch = [listeners, before]));
  }
  const [listeners, before] = patch;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    patches.delete(input);
    if (before) Object.defineProperty(input, 'value', before);
    else delete (input as { value?: string }).value;
  };
}
