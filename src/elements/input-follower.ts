/**
 * Follows the value of a theme's input (`sku-from="input[name=id]"`): its
 * `change` and `input` events, `value` set by scripts, and the input itself
 * being replaced when a theme re-renders its product form.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type ValueElement = HTMLInputElement | HTMLSelectElement;

export class InputFollower implements ReactiveController {
  /** The followed input's value, or null when none matches. */
  value: string | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #selector: () => string | null;
  #input: ValueElement | null = null;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, selector: () => string | null) {
    this.#host = host;
    this.#selector = selector;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('change', this.#onEvent, true);
    document.addEventListener('input', this.#onEvent, true);
    this.update();
  }

  hostDisconnected(): void {
    document.removeEventListener('change', this.#onEvent, true);
    document.removeEventListener('input', this.#onEvent, true);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#attach(null);
  }

  /** Finds the input again (the selector or the DOM changed) and reads its value. */
  update(): void {
    const selector = this.#selector();
    let input: ValueElement | null = null;
    if (selector) {
      try {
        const scope = this.#host.closest('form');
        input = (scope?.querySelector(selector) ??
          document.querySelector(selector)) as ValueElement | null;
      } catch {
        console.error(`[preorder-elements] sku-from="${selector}" is not a valid CSS selector.`);
      }
      // Themes replace the whole product form on a variant change: watch for it.
      if (!this.#observer) {
        this.#observer = new MutationObserver(() => this.update());
        this.#observer.observe(this.#host.closest('form') ?? document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['value', 'selected'],
        });
      }
    }
    this.#attach(input);
    this.#read();
  }

  #onEvent = (event: Event) => {
    if (event.target === this.#input) this.#read();
  };

  #read(): void {
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
    const read = () => queueMicrotask(() => this.#read());
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
