import { html, nothing, type TemplateResult } from 'lit';
import { AvailabilityElement } from './availability-element.js';
import { css } from './css.js';
import { AVAILABILITY_BADGE_FONT_SIZE, AVAILABILITY_BADGE_LINE_HEIGHT } from './reserved-space.js';

/**
 * @tagname availability-badge
 * @summary A small badge for product cards: Pre-order, Backorder, Sold out,
 * Coming soon, No longer available, or "Only 3 left"; nothing when plainly in stock.
 *
 * @csspart badge - The pill.
 *
 * @cssprop --availability-badge-background - Pill background (default: by status).
 * @cssprop --availability-badge-color - Pill text colour.
 * @cssprop --availability-badge-radius - Corner radius.
 * @cssprop --availability-badge-font-size - Text size (default 0.75em).
 * @cssprop --availability-badge-padding - Inner spacing.
 *
 * @fires {CustomEvent<AvailabilityChangeDetail>} availability-change - A new record is rendered. `detail: { sku, status, record, previous, previousRecord }`
 * @fires {CustomEvent<AvailabilityErrorDetail>} availability-error - Availability could not be had. `detail: { sku, error }`
 */
export class AvailabilityBadge extends AvailabilityElement {
  static override styles = css`
    :host {
      display: inline-block;
      vertical-align: middle;
      font-size: var(--availability-badge-font-size, ${AVAILABILITY_BADGE_FONT_SIZE}em);
      line-height: ${AVAILABILITY_BADGE_LINE_HEIGHT};
      /* Reserve the line while loading: the card does not move when data arrives. */
      min-height: ${AVAILABILITY_BADGE_LINE_HEIGHT}em;
      --_bg: var(--availability-badge-background, #1f4fd1);
      --_color: var(--availability-badge-color, #fff);
    }
    :host([hidden]) {
      display: none;
    }
    :host([status='backorder']) {
      --_bg: var(--availability-badge-background, #8a4b00);
    }
    :host([status='sold_out']),
    :host([status='discontinued']) {
      --_bg: var(--availability-badge-background, #4a4a4a);
    }
    :host([status='coming_soon']) {
      --_bg: var(--availability-badge-background, #5b2d91);
    }
    :host([status='in_stock']) {
      --_bg: var(--availability-badge-background, #9d2100);
    }
    [part='badge'] {
      display: inline-block;
      padding: var(--availability-badge-padding, 0 0.6em);
      border-radius: var(--availability-badge-radius, 999px);
      background: var(--_bg);
      color: var(--_color);
      font-weight: 600;
      white-space: nowrap;
    }
  `;

  /** The badge's text, or null when there is nothing worth a badge. */
  get badgeText(): string | null {
    const { decision, text } = this;
    if (!decision || !text) return null;
    if (decision.status !== 'in_stock') return text.label;
    // In stock: only scarcity is worth a badge.
    return text.message.onlyLeft ?? null;
  }

  protected override render(): TemplateResult | typeof nothing {
    const label = this.badgeText;
    return label === null
      ? nothing
      : html`<span part="badge" lang=${this.textLang}>${label}</span>`;
  }
}
