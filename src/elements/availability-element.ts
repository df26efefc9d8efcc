/**
 * What every element shares: the data subscription, the engine's decision and
 * its text, reflected `status` / `loading` attributes, and the availability
 * events. Subclasses only render.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  decideRender,
  type AvailabilityRecord,
  type MessageKey,
  type RenderDecision,
  type RenderOptions,
} from '../engine/index.js';
import {
  AvailabilityController,
  getOptions,
  inSlice,
  isPromiseOnPage,
  onOptionsChange,
  onPromisesChange,
  type AvailabilityError,
  type AvailabilityState,
} from '../data/index.js';
import {
  describeRender,
  isLocaleReady,
  loadLocale,
  textLocale,
  type RenderText,
  type TextOptions,
} from '../text/index.js';
import { emit, type StatusOrUnknown } from './events.js';
import { InputFollower } from './input-follower.js';

/** What an <expected-date> for the same SKU and quantity states: said there, not again here. */
const SAID_BY_PROMISE: readonly MessageKey[] = ['splitShipment'];

/**
 * @attr {string} status - Set by the element, not read: the status shown
 * (`in_stock`, `preorder`, `backorder`, `sold_out`, `coming_soon`,
 * `discontinued`, or `unknown` while loading or failed), for page CSS such as
 * `order-button[status=sold_out]`.
 * @attr {boolean} loading - Set by the element, not read: present while
 * availability (or the strings of its locale) is on its way.
 */
export abstract class AvailabilityElement extends LitElement {
  static override properties: PropertyDeclarations = {
    sku: {},
    quantity: { type: Number },
    endpoint: {},
    locale: {},
    timeZone: { attribute: 'time-zone' },
    availability: {},
    skuFrom: { attribute: 'sku-from' },
    quantityFrom: { attribute: 'quantity-from' },
  };

  /** Product or variant id. Required unless `availability` is given. */
  sku: string | null = null;

  /** Units the shopper wants. */
  quantity = 1;

  /** Endpoint URL template for this element, over `configure({ endpoint })`. */
  endpoint: string | null = null;

  /** BCP 47 locale for this element, over `configure({ locale })` and `<html lang>`. */
  locale: string | null = null;

  /** The store's IANA zone for this element, over `configure({ timeZone })`. */
  timeZone: string | null = null;

  /**
   * The record inline (an object, or JSON in the attribute): no request is
   * made. Validated like an endpoint's answer, so untyped data is safe here too.
   */
  availability: AvailabilityRecord | string | null = null;

  /** CSS selector of an input whose value is the SKU (a theme's variant id), followed live. */
  skuFrom: string | null = null;

  /** CSS selector of an input whose value is the quantity (a theme's stepper), followed live. */
  quantityFrom: string | null = null;

  readonly #skuInput = new InputFollower(this, () => this.skuFrom);
  readonly #quantityInput = new InputFollower(this, () => this.quantityFrom);

  protected readonly data = new AvailabilityController(
    this,
    () => ({ sku: this.currentSku(), endpoint: this.endpoint, inline: this.availability }),
    (state) => this.dataChanged(state),
  );

  /** Heard as the record arrives, before any element renders it. */
  protected dataChanged(_state: AvailabilityState): void {}

  /** The engine's decision for the current record and quantity; null while loading or failed. */
  protected decision: RenderDecision | null = null;
  /** The decision's text; `messages` leave out what an <expected-date> beside this states. */
  protected text: RenderText | null = null;
  /** The language the element's text is in, for `lang` on its parts. */
  protected textLang = 'en';
  /** Its page subscriptions; set exactly while connected as Lit knows it (shadow root, controllers). */
  #unsubscribe: (() => void)[] | undefined;
  #shownStatus: StatusOrUnknown = 'unknown';
  #lastRecord: AvailabilityState['record'];
  #reportedError: AvailabilityError | undefined;

  /** What the element shows: the derived status, or `unknown` while loading or failed. */
  get status(): StatusOrUnknown {
    return this.decision?.status ?? 'unknown';
  }

  /** Still waiting: for the record, or for the strings of its locale. */
  protected get loadingState(): boolean {
    return this.data.state.state === 'loading' || (this.decision !== null && this.text === null);
  }

  /** The record on screen (validated), or null while loading or failed. */
  get record(): AvailabilityRecord | null {
    return this.data.state.record ?? null;
  }

  /** The latest error, if availability could not be had. */
  get error(): AvailabilityError | undefined {
    return this.data.state.error;
  }

  /** Fetches availability again, even when the cached record is fresh. */
  refresh(): void {
    this.data.refresh();
  }

  /**
   * Connects within this task's slice, else in a later one: customElements.define
   * upgrades every element on the page in one task (10,000 widgets in the HTML),
   * so past the slice each waits for its turn, its space held meanwhile by
   * preorder-elements.css (`:not([status])`: until the first render).
   */
  override connectedCallback(): void {
    void inSlice(() => {
      if (this.#unsubscribe || !this.isConnected) return; // reconnected twice, or removed meanwhile
      super.connectedCallback();
      const update = () => this.requestUpdate();
      this.#unsubscribe = [onOptionsChange(update), onPromisesChange(update)];
    });
  }

  override disconnectedCallback(): void {
    if (!this.#unsubscribe) return; // never connected: nothing to release
    super.disconnectedCallback();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = undefined;
  }

  /** Many updates at once are spread over tasks (data/render-slices.ts); a click's is not (syncNow). */
  protected override scheduleUpdate(): Promise<void> {
    return inSlice(() => super.scheduleUpdate());
  }

  /**
   * Brings the followed inputs' values in and, when they changed, updates at
   * once: a click must act on the quantity the form will post.
   */
  protected syncNow(): void {
    this.#skuInput.read();
    this.#quantityInput.read();
    if (this.isUpdatePending && this.hasUpdated) this.performUpdate();
  }

  /** The SKU to show: the followed input's value, else `sku`. */
  protected currentSku(): string | null {
    // Trimmed as a followed input's value is (a number set by a framework is text here).
    return (this.skuFrom && this.#skuInput.value) || `${this.sku ?? ''}`.trim() || null;
  }

  /** The quantity: the followed input's value when it is a whole number >= 1, else `quantity`. */
  protected currentQuantity(): number {
    const followed = Number(this.quantityFrom && this.#quantityInput.value);
    return Number.isSafeInteger(followed) && followed >= 1 ? followed : this.quantity;
  }

  protected textOptions(): TextOptions {
    const options = getOptions();
    return {
      locale:
        this.locale ||
        options.locale ||
        this.closest('[lang]')?.getAttribute('lang') ||
        navigator.language,
      currency: options.currency,
      labels: options.labels,
    };
  }

  /** What the decision is made with ("now" is the real clock: tests control it there). */
  protected decideOptions(): RenderOptions {
    const options = getOptions();
    return {
      quantity: this.currentQuantity(),
      timeZone: this.timeZone || options.timeZone,
      holidays: options.holidays,
    };
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    // Each is cheap when nothing changed.
    this.#skuInput.sync();
    this.#quantityInput.sync();
    this.data.sync();
    const record = this.data.state.record;
    // The one engine call: everything below renders what it decided.
    const decision = (this.decision = record ? decideRender(record, this.decideOptions()) : null);
    const options = this.textOptions();
    this.textLang = textLocale(options);
    // Strings other than English arrive on first use; until then this renders as loading.
    if (!isLocaleReady(options.locale))
      void loadLocale(options.locale).then(() => this.requestUpdate());
    this.text =
      decision && isLocaleReady(options.locale)
        ? describeRender(
            decision,
            options,
            isPromiseOnPage(decision.sku, decision.quantity) ? SAID_BY_PROMISE : [],
          )
        : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { record, error } = this.data.state;
    this.setAttribute('status', this.status);
    this.toggleAttribute('loading', this.loadingState);
    if (record && this.text && record !== this.#lastRecord) {
      emit(this, 'availability-change', {
        sku: record.sku,
        status: this.status,
        record,
        previous: this.#lastRecord ? this.#shownStatus : 'unknown',
        previousRecord: this.#lastRecord ?? null,
      });
      this.#lastRecord = record;
    }
    // The last status a record was shown with: loading in between (a variant
    // switch) is not what the shopper saw before.
    if (this.decision) this.#shownStatus = this.status;
    if (error && error !== this.#reportedError) {
      this.#reportedError = error;
      emit(this, 'availability-error', { sku: this.currentSku(), error });
    }
  }
}
