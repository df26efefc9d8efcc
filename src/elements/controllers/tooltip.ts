/**
 * A tooltip beside its trigger: the host renders the trigger as
 * `[part=info]` and the tooltip as `[part=tooltip]`, binds `show` to its
 * click (tap), focus and mouseenter, `hide` to blur and `leave` to
 * mouseleave, and renders the tooltip hidden unless `open`. Escape closes it.
 * Positioning (@floating-ui/dom) loads on first open: the first render
 * does not pay for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadTooltipPosition } from '../tooltip-loader.js';

type Host = ReactiveControllerHost & { renderRoot: ParentNode };

export class TooltipController implements ReactiveController {
  /** Whether the tooltip shows. */
  open = false;
  readonly #host: Host;
  #stopPositioning: (() => void) | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide();
  }

  #part = (name: string) => this.#host.renderRoot.querySelector<HTMLElement>(`[part=${name}]`);

  show = async (): Promise<void> => {
    if (this.open) return;
    this.open = true;
    this.#host.requestUpdate();
    document.addEventListener('keydown', this.#onKeydown);
    await this.#host.updateComplete;
    const anchor = this.#part('info');
    const tooltip = this.#part('tooltip');
    if (!anchor || !tooltip) return;
    const { followAnchor } = await loadTooltipPosition();
    if (this.open && !this.#stopPositioning) this.#stopPositioning = followAnchor(anchor, tooltip);
  };

  hide = (): void => {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    document.removeEventListener('keydown', this.#onKeydown);
    this.#stopPositioning?.();
    this.#stopPositioning = undefined;
  };

  /** The pointer left the trigger: hides, unless the trigger has keyboard focus. */
  leave = (): void => {
    if (!this.#part('info')?.matches(':focus')) this.hide();
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.hide();
  };
}
