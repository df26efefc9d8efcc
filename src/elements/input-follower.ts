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
    if (selector === this.#following && (this.#observer || !selector)) return;
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
      attributes: true,
      attributeFilter: ['value', 'selected'],
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
    let input: ValueElement | null = null;
    const selector = this.#following;
    try {
      const scope = this.#host.closest('form');
      input = selector
        ? (scope?.querySelector(selector) ?? document.querySelector(selector))
        : null;
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
    const value = this.#input ? this.#input.value.trim() || null : null;
    if (value !== this.value) {
      this.value = value;
      this.#host.requestUpdate();
    }
  }

  /** Wraps the input's own `value` setter, so `input.value = id` from a script is seen too. */
  #attach(input: ValueElement | null): void {
    if (input === this.#input) return;
    if (this.#input) delete (this.#input as { value?: string }).value;
    this.#input = input;
    if (!input) return;
    const { get, set } =
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value') ?? {};
    if (!get || !set) return;
    const read = () => queueMicrotask(() => this.read());
    Object.defineProperty(input, 'value', {
      configurable: true,
      enumerable: true,
      get() {
        return get.call(this);
      },
      set(value: string) {
        set.call(this, value);
        read();
      },
    });
  }
}
