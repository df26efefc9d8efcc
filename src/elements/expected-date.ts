import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { PromiseOnScreen, type AvailabilityState } from '../data/index.js';
import { AvailabilityElement } from './availability-element.js';
import { css } from './css.js';
import { emit } from './events.js';
import { EXPECTED_DATE_LINE_HEIGHT } from './reserved-space.js';

/**
 * @tagname expected-date
 * @summary The delivery promise: "Expected to ship by 12 March 2027", "Ships in
 * March 2027", "Ship date to be confirmed"; for in-stock items a cut-off
 * countdown and arrival window. Says so, politely, when the date moved.
 *
 * @csspart date - The `<time>` holding the promise.
 * @csspart arrival - The arrival window of an in-stock order (with `transit-days`).
 * @csspart notice - The polite live region announcing a moved date (the date's `<time>` is in it then).
 *
 * @cssprop --expected-date-color - Text colour of the promise.
 * @cssprop --expected-date-font-size - Text size.
 * @cssprop --expected-date-notice-color - Colour of the moved-date notice.
 * @cssprop --expected-date-notice-background - Background of the moved-date notice.
 *
 * @fires {CustomEvent<ExpectedDateChangeDetail>} expected-date-change - The promised date moved. `detail: { sku, previous, current }`
 * @fires {CustomEvent<AvailabilityChangeDetail>} availability-change - A new record is rendered. `detail: { sku, status, record, previous, previousRecord }`
 * @fires {CustomEvent<AvailabilityErrorDetail>} availability-error - Availability could not be had. `detail: { sku, error }`
 */
export class ExpectedDate extends AvailabilityElement {
  static override properties: PropertyDeclarations = {
    cutoff: {},
    transitDays: { attribute: 'transit-days' },
  };

  static override styles = css`
    :host {
      display: block;
      /* Unset tokens leave these inherited, as they are by default. */
      color: var(--expected-date-color);
      font-size: var(--expected-date-font-size);
      line-height: ${EXPECTED_DATE_LINE_HEIGHT};
      /* One line reserved while loading: nothing below moves when data arrives. */
      min-height: ${EXPECTED_DATE_LINE_HEIGHT}em;
    }
    :host([hidden]) {
      display: none;
    }
    [part='notice']:not(:empty) {
      display: block;
      margin-top: 0.25em;
      padding: 0.15em 0.4em;
      border-radius: 4px;
      color: var(--expected-date-notice-color, #6b3a00);
      background: var(--expected-date-notice-background, #fff4e0);
    }
    [part='arrival'] {
      display: block;
    }
  `;

  /** Same-day dispatch cut-off in the store's zone, `HH:MM` (24 h), for in-stock items. */
  cutoff: string | null = null;

  /** Business days in transit, `2-4` or `3`, for an arrival window of in-stock items. */
  transitDays: string | null = null;

  /** The promise this element shows, and what it showed before. */
  readonly #promise = new PromiseOnScreen();
  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#promise.hide();
  }

  protected override decideOptions() {
    return {
      ...super.decideOptions(),
      cutoff: this.cutoff,
      transitDays: this.transitDays,
      lastShown: this.#promise.recall,
    };
  }

  protected override dataChanged(state: AvailabilityState): void {
    // Claimed now: a button beside it hears of this promise before rendering the record.
    if (state.record && this.isConnected)
      this.#promise.claim(state.record.sku, this.currentQuantity());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Noted before this render, so the page hears of it in this same update.
    const { decision } = this;
    // Off the page (an update after removal), it states nothing on the page.
    if (decision && this.isConnected)
      this.#promise.show(decision.sku, decision.quantity, decision.shown);
    else this.#promise.hide();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { decision } = this;
    if (decision?.moved)
      emit(this, 'expected-date-change', { sku: decision.sku, ...decision.moved });
    this.#scheduleTick();
  }

  /** While a cut-off shows, re-render on each minute boundary (no drift). */
  #scheduleTick(): void {
    clearTimeout(this.#timer);
    this.#timer =
      this.isConnected && this.decision?.dispatch
        ? setTimeout(() => this.requestUpdate(), 60_000 - (Date.now() % 60_000) + 50)
        : undefined;
  }

  protected override render(): TemplateResult {
    const { decision, text } = this;
    const dated = (content: string, datetime: string | null | undefined) =>
      datetime
        ? html`<time part="date" datetime=${datetime}>${content}</time>`
        : html`<span part="date">${content}</span>`;
    let promise: unknown = nothing;
    let notice: unknown = nothing;
    if (decision && text) {
      // A mixed order states both parts: "2 ship now, 3 ship by 2 April 2027".
      const split = text.message.splitShipment;
      if (text.dispatch || text.arrival) {
        promise = html`${
          text.dispatch ? dated(text.dispatch, decision.dispatch?.shipDay) : nothing
        }${text.arrival ? html`<span part="arrival">${text.arrival}</span>` : nothing}`;
      } else if (text.moved && text.ship && !split) {
        // Moved: the notice carries the new date, said once.
        notice = dated(text.moved, text.ship.datetime);
      } else if (text.ship) {
        promise = dated(split ?? text.ship.text, text.ship.datetime);
        notice = text.moved ?? nothing;
      } else if (text.release) {
        // Said only of a release day (describe.ts), so it is dated.
        promise = dated(text.release, decision.releaseDay);
      }
    }
    return html`<div lang=${this.textLang}>
      ${promise}<span part="notice" role="status">${notice}</span>
    </div>`;
  }
}
