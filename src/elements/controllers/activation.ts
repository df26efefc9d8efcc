/**
 * The shopper orders: a click on the host's own button (bind `click`), on
 * the theme's button, or a submit of the host's form by Enter or a script.
 * Each raises the cancelable `order-button-click` first; "Notify me" leads to
 * its page instead of the cart; a button that cannot order takes nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type LineItem, type StatusOrUnknown } from '../events.js';
import type { ThemeButton } from './theme-button.js';

/** What an order now would be. */
export interface Order {
  lineItem: LineItem;
  /** Set for "Notify me": where the activation leads instead of the cart. */
  notifyUrl: string | null;
}

type Host = ReactiveControllerHost &
  HTMLElement & { readonly form: HTMLFormElement | null; readonly status: StatusOrUnknown };

export interface ActivationOptions {
  /** The order the button would take now, or null when it cannot order. */
  order: () => Order | null;
  /** The theme's button the host enhances, once it acts for it (until then the theme's own behaviour stands). */
  themeButton: () => ThemeButton | null;
}

export class ActivationController implements ReactiveController {
  readonly #host: Host;
  readonly #options: ActivationOptions;

  constructor(host: Host, options: ActivationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('click', this.#onThemeClick, true);
    document.addEventListener('submit', this.#onSubmit, true);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('click', this.#onThemeClick, true);
    document.removeEventListener('submit', this.#onSubmit, true);
  }

  /** For the host's own button: the event, then the form's submit (as a submit button would). */
  click = (): void => {
    if (this.#activate()) this.#host.form?.requestSubmit();
  };

  /** Raises order-button-click; returns whether the default (adding to the cart) may go on. */
  #activate(): boolean {
    const order = this.#options.order();
    if (!order) return false;
    const { lineItem, notifyUrl } = order;
    const detail = {
      sku: lineItem.sku,
      quantity: lineItem.quantity,
      status: this.#host.status,
      expectedDate: lineItem.expectedDate,
      lineItem,
    };
    if (!emit(this.#host, 'order-button-click', detail, true)) return false;
    if (!notifyUrl) return true;
    location.assign(notifyUrl);
    return false;
  }

  #onThemeClick = (event: Event) => {
    const button = this.#options.themeButton();
    if (button?.contains(event.target as Node) && !this.#activate()) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };

  /**
   * Any submit of the host's form (Enter, a theme script's requestSubmit() just
   * after it switched the variant) posts what the followed inputs say now:
   * order() re-reads them first, as a click does, so the tags are the
   * submitted variant's, or none while it is not known. A theme button that
   * cannot order must not submit through Enter or scripts either.
   */
  #onSubmit = (event: SubmitEvent) => {
    if (event.target !== this.#host.form) return;
    const order = this.#options.order();
    const button = this.#options.themeButton();
    const submitter = event.submitter;
    if (button && (submitter === button || !submitter) && !order) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
}
