/**
 * What the order button shows while availability is not known: loading (a
 * busy "Add to cart"), or failed, as the fallback says: "add-to-cart"
 * (orderable), "disabled" (locked, saying why), "hidden" (locked too, and
 * the host keeps its space but shows nothing: `fallback-hidden`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FALLBACKS, getOptions, type Fallback } from '../../data/index.js';
import { translate, type TextOptions } from '../../text/index.js';

/** What the button shows in the current state. */
export interface ButtonView {
  label: string;
  /** Not actionable: aria-disabled (it stays focusable and says why). */
  disabled: boolean;
  busy: boolean;
  messages: string[];
}

/** The host's own `fallback`, over the page's `configure({ fallback })` when valid. */
type Host = ReactiveControllerHost & HTMLElement & { fallback: Fallback | null };

export class FallbackController implements ReactiveController {
  readonly #host: Host;
  readonly #failed: () => boolean;

  /** `failed()`: availability could not be had (and no record stands). */
  constructor(host: Host, failed: () => boolean) {
    this.#host = host;
    this.#failed = failed;
    host.addController(this);
  }

  /** The fallback in force: the host's own when it is a valid one, else the page's. */
  get fallback(): Fallback {
    const own = this.#host.fallback;
    return own && FALLBACKS.includes(own) ? own : getOptions().fallback;
  }

  /** The button while nothing is known (`busy`: loading), in the host's language. */
  view(busy: boolean, options: TextOptions): ButtonView {
    const fallback = this.fallback;
    // "hidden" locks too: a button nobody sees must not submit through Enter.
    return {
      label: translate('addToCart', {}, options),
      disabled: busy || fallback !== 'add-to-cart',
      busy,
      messages: !busy && fallback === 'disabled' ? [translate('unavailable', {}, options)] : [],
    };
  }

  hostUpdate(): void {
    this.#host.toggleAttribute('fallback-hidden', this.#failed() && this.fallback === 'hidden');
  }
}
