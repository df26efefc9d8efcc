/**
 * A Lit reactive controller that keeps an element subscribed to the record of
 * its current SKU. A change of SKU unsubscribes from the old one at once, so a
 * late answer for an old SKU can never reach the element.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getOptions, onOptionsChange } from './config.js';
import { AvailabilityError } from './errors.js';
import { afterCurrentTask, LOADING, usableRecord, type AvailabilityState } from './state.js';
import { availabilityStore, type AvailabilityStore } from './store.js';

export interface AvailabilitySource {
  sku: string | null | undefined;
  /** The element's own endpoint template; else configure()'s. */
  endpoint?: string | null;
  /** Inline data (an object, or JSON text): no request at all. */
  inline?: unknown;
}

export type StateChangeCallback = (state: AvailabilityState, previous: AvailabilityState) => void;

/** Inline data (a record, or JSON text) is held to the same rules as an endpoint's answer. */
function inlineState(inline: unknown): AvailabilityState {
  let cause: unknown;
  try {
    // An object goes through JSON too: a cyclic one, or a BigInt, is no record (and never throws).
    const record = usableRecord(
      JSON.parse(typeof inline === 'string' ? inline : JSON.stringify(inline)),
    );
    if (record) return { state: 'ready', record };
  } catch (error) {
    cause = error; // not JSON
  }
  const message = 'inline availability is not a usable record';
  return {
    state: 'error',
    error: new AvailabilityError(cause ? 'parse' : 'data', message, { cause }),
  };
}

export class AvailabilityController implements ReactiveController {
  /** What the element should render now. */
  state: AvailabilityState = LOADING;
  readonly #host: ReactiveControllerHost;
  readonly #read: () => AvailabilitySource;
  readonly #onChange: StateChangeCallback | undefined;
  readonly #store: AvailabilityStore;
  /** What the element shows now: inline data, or template and SKU. */
  #key: unknown;
  #unsubscribe: (() => void) | undefined;
  /** Set while the host is connected. */
  #offOptions: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    read: () => AvailabilitySource,
    onChange?: StateChangeCallback,
    store: AvailabilityStore = availabilityStore,
  ) {
    this.#host = host;
    this.#read = read;
    this.#onChange = onChange;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#offOptions = onOptionsChange(() => this.sync());
    this.sync();
  }

  hostDisconnected(): void {
    this.#offOptions?.();
    this.#unsubscribe?.();
    this.#offOptions = this.#unsubscribe = this.#key = undefined;
  }

  /** Fetches the current SKU again, even when fresh. */
  refresh(): void {
    const { sku } = this.#read();
    if (this.#unsubscribe && sku) this.#store.refresh(sku);
  }

  /** Re-reads sku, endpoint and inline data; call it whenever they may have changed. */
  sync(): void {
    // An update after removal must not subscribe again; reconnecting syncs.
    if (!this.#offOptions) return;
    const { sku, endpoint, inline } = this.#read();
    const template = endpoint || getOptions().endpoint;
    // JSON never holds a raw newline: inline data cannot be taken for a template and SKU.
    // Inline data JSON cannot hold (cyclic, a BigInt) is its own key.
    let key: unknown = inline;
    try {
      key = inline == null ? `${template}\n${sku}` : String(JSON.stringify(inline));
    } catch {
      // inlineState() reports it
    }
    if (key === this.#key) return;
    this.#key = key;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (inline != null) this.#set(inlineState(inline));
    // "." and ".." would walk a path template's URL; a lone surrogate cannot be encoded.
    else if (sku && template && !/^\.\.?$|\p{Cs}/u.test(sku)) {
      this.#unsubscribe = this.#store.subscribe(sku, template, (state) => {
        if (this.#key === key) this.#set(state);
      });
    } else {
      this.#set(LOADING);
      // configure() often runs just after the import that defined the elements: give it the
      // task (it changes the key when it brings an endpoint).
      if (sku)
        afterCurrentTask(() => {
          if (this.#key !== key) return;
          const message = template
            ? `SKU "${sku}" cannot go in a URL`
            : 'no endpoint: call configure({ endpoint }) or set the endpoint attribute';
          this.#set({ state: 'error', error: new AvailabilityError('config', message) });
        });
    }
  }

  #set(state: AvailabilityState): void {
    const previous = this.state;
    this.state = state;
    this.#host.requestUpdate();
    this.#onChange?.(state, previous);
  }
}
