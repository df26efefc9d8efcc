import {
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  arrivalWindow,
  dispatchAt,
  firstShipDay,
  parseCutoff,
  parseTransitDays,
  wallClock,
  type CalendarDay,
} from '../engine/index.js';
import { getOptions, lastShownDate, rememberShownDate } from '../data/index.js';
import { describeDispatch, formatMoved } from '../text/index.js';
import { AvailabilityElement } from './availability-element.js';
import { clock } from './clock.js';
import { emit } from './events.js';

/**
 * @tagname expected-date
 * @summary The delivery promise: "Expected to ship by 12 March 2027", "Ships in
 * March 2027", "Ship date to be confirmed"; for in-stock items a cut-off
 * countdown and arrival window. Says so, politely, when the date moved.
 *
 * @csspart date - The `<time>` holding the promise.
 * @csspart arrival - The arrival window of an in-stock order (with `transit-days`).
 * @csspart notice - The polite live region announcing a moved date.
 *
 * @cssprop --expected-date-color - Text colour of the promise.
 * @cssprop --expected-date-font-size - Text size.
 * @cssprop --expected-date-notice-color - Colour of the moved-date notice.
 * @cssprop --expected-date-notice-background - Background of the moved-date notice.
 *
 * @fires {CustomEvent<ExpectedDateChangeDetail>} expected-date-change - The promised date moved. `detail: { sku, previous, current }`
 * @fires {CustomEvent<AvailabilityChangeDetail>} availability-change - A new record is rendered. `detail: { sku, status, record, previous }`
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
      color: var(--expected-date-color, inherit);
      font-size: var(--expected-date-font-size, inherit);
      line-height: 1.4;
      /* One line reserved while loading: nothing below moves when data arrives. */
      min-height: 1.4em;
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

  /** The promise on screen: whose (SKU and quantity) and its first day. */
  #promise: { of: string; day: CalendarDay } | null = null;
  #previous: CalendarDay | null = null;
  /** The promise changed in willUpdate: updated() remembers it, and says when it moved. */
  #newPromise = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const decision = this.decision;
    const current = decision && firstShipDay(decision.ship);
    // A date is remembered per SKU and quantity: the queue gives a bigger
    // order a later date, and the shopper's own change is no moved promise.
    const of =
      decision && (decision.quantity > 1 ? `${decision.sku} x${decision.quantity}` : decision.sku);
    const promise = of && current ? { of, day: current } : null;
    if (promise?.of !== this.#promise?.of || promise?.day !== this.#promise?.day) {
      // A new promise: did it move from what the record or this browser said before?
      // This element's own last day first: another element showing the same SKU
      // may already have stored the new day.
      const own = this.#promise;
      this.#promise = promise;
      const remembered = promise && (own?.of === promise.of ? own.day : lastShownDate(promise.of));
      this.#previous =
        decision?.previousShip ?? (remembered && remembered !== current ? remembered : null);
      this.#newPromise = promise !== null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { decision } = this;
    const promise = this.#promise;
    // Stored once per promise, not on every update (a tick, an option change).
    if (decision && promise && this.#newPromise) {
      this.#newPromise = false;
      rememberShownDate(promise.of, promise.day);
      if (this.#previous)
        emit(this, 'expected-date-change', {
          sku: decision.sku,
          previous: this.#previous,
          current: promise.day,
        });
    }
    this.#scheduleTick();
  }

  /** While a countdown shows, re-render on each minute boundary (no drift). */
  #scheduleTick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.isConnected || this.decision?.ship.kind !== 'now' || !this.cutoff) return;
    this.#timer = setTimeout(() => this.requestUpdate(), 60_000 - (clock.now() % 60_000) + 50);
  }

  #renderDispatch() {
    const cutoff = parseCutoff(this.cutoff);
    const transit = parseTransitDays(this.transitDays);
    if (cutoff === null && transit === null) return null;
    const now = clock.now();
    const timeZone = this.timeZone || getOptions().timeZone;
    // Without a cut-off, an order ships on the next business day that has not ended.
    const dispatch = dispatchAt(now, cutoff ?? 24 * 60, timeZone);
    const lines = describeDispatch(
      cutoff === null ? { ...dispatch, minutesLeft: null } : dispatch,
      wallClock(now, timeZone).day,
      transit ? arrivalWindow(dispatch.shipDay, transit) : null,
      this.textOptions(),
    );
    return html`${
      cutoff !== null
        ? html`<time part="date" datetime=${dispatch.shipDay}>${lines.dispatch}</time>`
        : nothing
    }${lines.arrival ? html`<span part="arrival">${lines.arrival}</span>` : nothing}`;
  }

  protected override render(): TemplateResult {
    const { decision, text } = this;
    let promise: unknown = nothing;
    let notice = '';
    if (decision && text) {
      const dispatch = decision.ship.kind === 'now' ? this.#renderDispatch() : null;
      // A mixed order states both parts: "2 ship now, 3 ship by 2 April 2027".
      const split = decision.messages.findIndex((m) => m.key === 'splitShipment');
      const shipText = (split >= 0 && text.messages[split]) || text.ship?.text;
      if (dispatch) promise = dispatch;
      else if (text.ship?.datetime) {
        promise = html`<time part="date" datetime=${text.ship.datetime}>${shipText}</time>`;
      } else if (text.ship) promise = html`<span part="date">${shipText}</span>`;
      else if (text.release && decision.releaseDay) {
        promise = html`<time part="date" datetime=${decision.releaseDay}>${text.release}</time>`;
      }
      if (this.#previous)
        notice = formatMoved(decision.ship, this.#previous, this.textOptions()) ?? '';
    }
    return html`<div lang=${this.textLang}>
      ${promise}<span part="notice" role="status">${notice}</span>
    </div>`;
  }
}
