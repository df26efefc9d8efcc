import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Fallback } from '../data/index.js';
import { shipDateValue } from '../engine/index.js';
import { translate } from '../text/index.js';
import { AvailabilityElement } from './availability-element.js';
import type { LineItem } from './events.js';
import { ActivationController } from './controllers/activation.js';
import { FallbackController, type ButtonView } from './controllers/fallback.js';
import { FormValueController } from './controllers/form-value.js';
import { ThemeButtonController } from './controllers/theme-button.js';
import { TooltipController } from './controllers/tooltip.js';
import { loadNotifyForm } from './tooltip-loader.js';
import { orderButtonStyles } from './order-button.styles.js';

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
 * @fires {CustomEvent<AvailabilityChangeDetail>} availability-change - A new record is rendered. `detail: { sku, status, record, previous, previousRecord }`
 * @fires {CustomEvent<AvailabilityErrorDetail>} availability-error - Availability could not be had. `detail: { sku, error }`
 */
export class OrderButton extends AvailabilityElement {
  static override properties: PropertyDeclarations = {
    notifyUrl: { attribute: 'notify-url' },
    fieldName: { attribute: 'field-name' },
    dateFieldName: { attribute: 'date-field-name' },
    fallback: {},
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

  readonly #formValue = new FormValueController(this, () => this.#lineItem().properties);
  readonly #fallbackView = new FallbackController(
    this,
    () => this.data.state.state === 'error' && !this.decision,
  );
  readonly #theme = new ThemeButtonController(this, () => {
    if (this.loadingState) return null;
    const view = this.#view();
    return this.decision ? view : { ...view, label: null };
  });
  readonly #tooltip = new TooltipController(this);
  readonly #activation = new ActivationController(this, {
    order: () => {
      this.syncNow(); // a click acts on the quantity the form will post
      if (this.#view().disabled) return null;
      const notify = this.decision?.label === 'notifyMe';
      return { lineItem: this.#lineItem(), notifyUrl: notify ? this.#notifyUrl() : null };
    },
    themeButton: () => (this.loadingState ? null : this.#theme.button),
  });

  /** The form this button submits, if any. */
  get form(): HTMLFormElement | null {
    return this.#formValue.form;
  }

  protected override decideOptions() {
    return { ...super.decideOptions(), notify: !!this.#notifyUrl() };
  }

  /** The notify-url last warned about (never empty: an empty one is not refused). */
  #refusedUrl: string | null | undefined;
  /** notify-url when it is http(s) or relative (never `javascript:`); else null, said once. */
  #notifyUrl(): string | null {
    const url = this.notifyUrl;
    try {
      if (!url || /^https?:$/.test(new URL(url, document.baseURI).protocol)) return url;
    } catch {
      // not a URL at all
    }
    if (url !== this.#refusedUrl)
      console.warn(
        `[preorder-elements] notify-url "${(this.#refusedUrl = url)}" ignored: not http(s)`,
      );
    return null;
  }

  #view(): ButtonView {
    const { decision, text } = this;
    if (!decision || !text) return this.#fallbackView.view(this.loadingState, this.textOptions());
    return {
      label: text.label,
      disabled: !decision.orderable && decision.label !== 'notifyMe',
      busy: false,
      messages: text.messages,
    };
  }

  /** What the cart line is tagged with: the order kind and the expected ship date. */
  #lineItem(): LineItem {
    const { decision } = this;
    const orderType = decision?.orderable ? decision.orderKind : null;
    const expectedDate = decision && orderType ? shipDateValue(decision.ship) : null;
    const properties: Record<string, string> = {};
    if (orderType) properties[this.fieldName] = orderType;
    if (expectedDate) properties[this.dateFieldName] = expectedDate;
    return {
      sku: decision?.sku ?? this.currentSku(),
      quantity: decision?.quantity ?? this.quantity,
      orderType,
      expectedDate,
      properties,
    };
  }

  protected override render(): TemplateResult {
    // `notify-endpoint` (the service's POST /notify URL): the form's chunk loads only for a button
    // with one and, once this render is committed (a promise later), shows or takes away the form.
    if (this.hasAttribute('notify-endpoint'))
      loadNotifyForm().then((form) => form.notifyForm(this as never));
    const view = this.#view();
    const tooltip = this.#tooltip;
    const explanation = this.text?.explanation;
    const button = this.#theme.button
      ? html`<slot></slot>`
      : html`<button
          part="button"
          type="button"
          aria-disabled=${view.disabled}
          aria-busy=${view.busy ? 'true' : nothing}
          aria-label=${view.busy ? translate('loading', {}, this.textOptions()) : nothing}
          aria-describedby="messages"
          @click=${this.#activation.click}
        >
          ${view.busy ? html`<span class="placeholder">${view.label}</span>` : view.label}
        </button>`;
    const info = explanation
      ? html`<button
          part="info"
          type="button"
          aria-label=${this.text?.infoLabel}
          aria-expanded=${tooltip.open}
          aria-describedby="tooltip"
          @click=${tooltip.show}
          @focus=${tooltip.show}
          @blur=${tooltip.hide}
          @mouseenter=${tooltip.show}
          @mouseleave=${tooltip.leave}
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
              ?hidden=${!tooltip.open}
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
