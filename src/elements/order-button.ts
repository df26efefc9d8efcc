import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { FALLBACKS, getOptions, type Fallback } from '../data/index.js';
import { translate } from '../text/index.js';
import { AvailabilityElement } from './availability-element.js';
import { emit } from './events.js';
import { lineItemFor } from './line-item.js';
import { orderButtonStyles } from './order-button.styles.js';
import { loadTooltipPosition } from './tooltip-loader.js';

type ThemeButton = HTMLButtonElement | HTMLInputElement;

/** What the button shows in the current state. */
interface ButtonView {
  label: string;
  /** Not actionable: aria-disabled (it stays focusable and says why). */
  disabled: boolean;
  busy: boolean;
  messages: string[];
}

/** What the theme itself last set on its button: it stands whenever we know no better. */
interface ThemeState {
  label: string | null;
  disabled: boolean;
  ariaDisabled: string | null;
}

/** The text node holding a `<button>`'s label: its first non-blank one. */
const labelNode = (button: HTMLButtonElement) =>
  document
    .createTreeWalker(button, NodeFilter.SHOW_TEXT, (node) =>
      node.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
    )
    .nextNode();

const labelOf = (button: ThemeButton) =>
  button instanceof HTMLInputElement
    ? button.value
    : (labelNode(button)?.nodeValue?.trim() ?? null);

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
    if (text) text.nodeValue = label;
    else button.append(label);
  }
}

/** Sets (or, for null, removes) an attribute, touching the DOM only on a change: a theme's observers see no churn. */
function setAttribute(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * @tagname order-button
 * @summary The right order button for the product's state: Add to cart,
 * Pre-order, Backorder, Sold out, Coming soon, No longer available or Notify
 * me, with cap, stock, limit and payment messages, an info tooltip, and a form
 * field that tags the cart line. Enhances the theme's own button when it wraps one.
 *
 * @slot - Optional: the theme's own `<button>` or `<input type=submit>` to enhance instead of rendering one.
 *
 * @csspart button - The order `<button>` (when the element renders its own).
 * @csspart info - The info trigger that opens the tooltip.
 * @csspart tooltip - The tooltip explaining the order type.
 * @csspart messages - The list of messages under the button.
 * @csspart message - One message (cap, stock, limit, payment, split, merchant note).
 *
 * @cssprop --order-button-background - Button background.
 * @cssprop --order-button-color - Button text colour.
 * @cssprop --order-button-radius - Button corner radius.
 * @cssprop --order-button-padding - Button padding.
 * @cssprop --order-button-font-size - Button text size.
 * @cssprop --order-button-font-weight - Button text weight.
 * @cssprop --order-button-border - Button border.
 * @cssprop --order-button-width - Button width (default 100%).
 * @cssprop --order-button-disabled-background - Background when it cannot be ordered.
 * @cssprop --order-button-disabled-color - Text colour when it cannot be ordered.
 * @cssprop --order-button-message-color - Colour of the messages.
 * @cssprop --order-button-tooltip-background - Tooltip background.
 * @cssprop --order-button-tooltip-color - Tooltip text colour.
 * @cssprop --order-button-focus-color - Focus ring colour.
 *
 * @fires {CustomEvent<OrderButtonClickDetail>} order-button-click - The shopper activates the button; cancelable (cancel it to run your own cart code). `detail: { sku, quantity, status, expectedDate, lineItem }`
 * @fires {CustomEvent<AvailabilityChangeDetail>} availability-change - A new record is rendered. `detail: { sku, status, record, previous }`
 * @fires {CustomEvent<AvailabilityErrorDetail>} availability-error - Availability could not be had. `detail: { sku, error }`
 */
export class OrderButton extends AvailabilityElement {
  static override properties: PropertyDeclarations = {
    notifyUrl: { attribute: 'notify-url' },
    fieldName: { attribute: 'field-name' },
    dateFieldName: { attribute: 'date-field-name' },
    fallback: {},
    tooltipOpen: { state: true },
  };

  static override styles = orderButtonStyles;
  static formAssociated = true;

  /** Where "Notify me" leads for sold-out and coming-soon items. */
  notifyUrl: string | null = null;

  /** Form field tagged with the order kind (preorder, backorder, in_stock, mixed). */
  fieldName = 'properties[_order_type]';

  /** Form field tagged with the expected ship date (ISO day, or `start/end` window). */
  dateFieldName = 'properties[_expected_date]';

  /** What to show when availability cannot be had; over `configure({ fallback })`. */
  fallback: Fallback | null = null;

  /** @internal Whether the tooltip shows (reactive state, no attribute). */
  private tooltipOpen = false;

  readonly #internals: ElementInternals | null =
    typeof this.attachInternals === 'function' ? this.attachInternals() : null;
  #themeButton: ThemeButton | null = null;
  #theme: ThemeState = { label: null, disabled: false, ariaDisabled: null };
  #themeObserver: MutationObserver | undefined;
  #stopPositioning: (() => void) | undefined;

  /** The form this button submits, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  protected override decideOptions() {
    return { ...super.decideOptions(), notify: Boolean(this.notifyUrl) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.#onThemeClick, true);
    document.addEventListener('submit', this.#onSubmit, true);
    // The theme's writes to its button, and the button itself replaced (a
    // section re-render): the records tell what the theme changed.
    this.#themeObserver = new MutationObserver((records) => {
      this.#readTheme(records);
      this.#applyToTheme();
    });
    this.#themeObserver.observe(this, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['disabled', 'aria-disabled', 'value'],
    });
    this.#readTheme([]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.#onThemeClick, true);
    document.removeEventListener('submit', this.#onSubmit, true);
    this.#themeObserver?.disconnect();
    this.#closeTooltip();
  }

  /** The element's own `fallback` when it is a valid one, else the page's. */
  #fallback(): Fallback {
    const own = this.fallback;
    return own && FALLBACKS.includes(own) ? own : getOptions().fallback;
  }

  #view(): ButtonView {
    const { decision, text } = this;
    if (decision && text) {
      const notify = decision.label === 'notifyMe';
      return {
        label: text.label,
        disabled: !decision.orderable && !notify,
        busy: false,
        messages: text.messages,
      };
    }
    const options = this.textOptions();
    const busy = this.loadingState;
    const fallback = this.#fallback();
    // "hidden" blocks too: a button nobody sees must not submit through Enter.
    return {
      label: translate('addToCart', {}, options),
      disabled: busy || fallback !== 'add-to-cart',
      busy,
      messages: !busy && fallback === 'disabled' ? [translate('unavailable', {}, options)] : [],
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Fallback "hidden" keeps its space (no layout shift) but shows nothing.
    const failed = this.data.state.state === 'error' && !this.decision;
    this.toggleAttribute('fallback-hidden', failed && this.#fallback() === 'hidden');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#applyToTheme();
    this.#setFormValue();
  }

  #lineItem() {
    return lineItemFor(this.decision, this.currentSku(), this.decision?.quantity ?? this.quantity, {
      kind: this.fieldName,
      date: this.dateFieldName,
    });
  }

  /** The tag travels with the form as a real value: FormData(form) carries it, no `name` needed. */
  #setFormValue(): void {
    const entries = Object.entries(this.#lineItem().properties);
    let data: FormData | null = null;
    if (entries.length) {
      data = new FormData();
      for (const [name, value] of entries) data.append(name, value);
    }
    this.#internals?.setFormValue(data);
  }

  /**
   * Finds the theme's button (again, when the theme replaced it) and notes
   * what the theme itself set on it (the records are the theme's: our own
   * writes are taken off the observer as they are made): its label, `disabled`
   * when the theme wrote it or relabelled the button (themes set both
   * together on a variant change), `aria-disabled` when the theme wrote it
   * (Dawn's lock while its cart request is in flight).
   */
  #readTheme(records: MutationRecord[]): void {
    const button = this.querySelector<ThemeButton>(':scope > button, :scope > input[type=submit]');
    const replaced = button !== this.#themeButton;
    if (replaced) {
      this.#themeButton = button;
      this.requestUpdate(); // our own button, or the slot
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

  /**
   * Relabels and (dis)ables the theme's button once availability is known;
   * while it is not (loading, or failed), the theme's own label and state
   * stand, plus the fallback's block. Re-run whenever the theme rewrites it.
   */
  #applyToTheme(): void {
    const button = this.#themeButton;
    if (!button) return;
    const observer = this.#themeObserver;
    // Theme writes not yet delivered: note them before writing over them.
    const pending = observer?.takeRecords() ?? [];
    if (pending.length) this.#readTheme(pending);
    const view = this.#view();
    const theme = this.#theme;
    const known = !this.loadingState;
    const ours = known && this.decision !== null;
    relabel(button, ours ? view.label : theme.label);
    setAttribute(button, 'disabled', ours || !theme.disabled ? null : '');
    setAttribute(button, 'aria-disabled', known && view.disabled ? 'true' : theme.ariaDisabled);
    setAttribute(button, 'aria-description', (known && view.messages.join(' ')) || null);
    observer?.takeRecords(); // our own writes are no news
  }

  /** Click on our button, or (captured) on the theme's. Returns whether the default may go on. */
  #activate(): boolean {
    this.syncNow();
    const view = this.#view();
    if (view.disabled) return false;
    const decision = this.decision;
    const lineItem = this.#lineItem();
    const go = emit(
      this,
      'order-button-click',
      {
        sku: lineItem.sku,
        quantity: lineItem.quantity,
        status: this.status,
        expectedDate: lineItem.expectedDate,
        lineItem,
      },
      true,
    );
    if (!go) return false;
    if (decision?.label === 'notifyMe' && this.notifyUrl) {
      window.location.assign(this.notifyUrl);
      return false;
    }
    return true;
  }

  #onButtonClick = () => {
    if (this.#activate()) this.form?.requestSubmit();
  };

  /** The theme button, once availability is known (until then the theme's own behaviour stands). */
  #settledThemeButton(): ThemeButton | null {
    return this.loadingState ? null : this.#themeButton;
  }

  #onThemeClick = (event: Event) => {
    const button = this.#settledThemeButton();
    if (button?.contains(event.target as Node) && !this.#activate()) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };

  /** A theme button that cannot order must not submit through Enter or scripts either. */
  #onSubmit = (event: SubmitEvent) => {
    const button = this.#settledThemeButton();
    const submitter = event.submitter;
    if (
      button &&
      event.target === this.form &&
      (submitter === button || !submitter) &&
      this.#view().disabled
    ) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };

  // Tooltip: opens on hover, focus and tap; Escape, blur or leaving closes it.
  async #openTooltip() {
    if (this.tooltipOpen) return;
    this.tooltipOpen = true;
    document.addEventListener('keydown', this.#onKeydown);
    await this.updateComplete;
    const anchor = this.renderRoot.querySelector<HTMLElement>('[part=info]');
    const tooltip = this.renderRoot.querySelector<HTMLElement>('[part=tooltip]');
    if (!anchor || !tooltip) return;
    const { followAnchor } = await loadTooltipPosition();
    if (this.tooltipOpen && !this.#stopPositioning)
      this.#stopPositioning = followAnchor(anchor, tooltip);
  }

  #closeTooltip = () => {
    this.tooltipOpen = false;
    document.removeEventListener('keydown', this.#onKeydown);
    this.#stopPositioning?.();
    this.#stopPositioning = undefined;
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.tooltipOpen) {
      event.stopPropagation();
      this.#closeTooltip();
    }
  };

  #onInfoLeave = () => {
    if (this.shadowRoot?.activeElement?.getAttribute('part') !== 'info') this.#closeTooltip();
  };

  protected override render(): TemplateResult {
    const view = this.#view();
    const explanation = this.text?.explanation;
    const infoLabel = this.text?.infoLabel ?? '';
    const button = this.#themeButton
      ? html`<slot></slot>`
      : html`<button
          part="button"
          type="button"
          aria-disabled=${view.disabled ? 'true' : 'false'}
          aria-busy=${view.busy ? 'true' : nothing}
          aria-label=${view.busy ? translate('loading', {}, this.textOptions()) : nothing}
          aria-describedby="messages"
          @click=${this.#onButtonClick}
        >
          ${view.busy ? html`<span class="placeholder">${view.label}</span>` : view.label}
        </button>`;
    const info = explanation
      ? html`<button
          part="info"
          type="button"
          aria-label=${infoLabel}
          aria-expanded=${this.tooltipOpen ? 'true' : 'false'}
          aria-describedby="tooltip"
          @click=${this.#openTooltip}
          @focus=${this.#openTooltip}
          @blur=${this.#closeTooltip}
          @mouseenter=${this.#openTooltip}
          @mouseleave=${this.#onInfoLeave}
        >
          i
        </button>`
      : nothing;
    return html`<div class="row" lang=${this.textLang}>${button}${info}</div>
      ${
        explanation
          ? html`<div
              part="tooltip"
              id="tooltip"
              role="tooltip"
              lang=${this.textLang}
              ?hidden=${!this.tooltipOpen}
            >
              ${explanation}
            </div>`
          : nothing
      }
      <ul part="messages" id="messages" lang=${this.textLang}>
        ${view.messages.map((message) => html`<li part="message">${message}</li>`)}
      </ul>`;
  }
}
