/**
 * A Lit reactive controller that keeps an element subscribed to the record of
 * its current SKU. A change of SKU unsubscribes from the old one at once, so a
 * late answer for an old SKU can never reach the element.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { validateRecord } from '../engine/index.js';
import { getOptions, onOptionsChange } from './config.js';
import { AvailabilityError } from './errors.js';
import {
  afterCurrentTask,
  availabilityStore,
  type AvailabilityState,
  type AvailabilityStore,
} from './store.js';

export interface AvailabilitySource {
  sku: string | null | undefined;
  /** The element's own endpoint template; else configure()'s. */
  endpoint?: string | null;
  /** Inline data (an object, or JSON text): no request at all. */
  inline?: unknown;
}

export type StateChangeCallback = (state: AvailabilityState, previous: AvailabilityState) => void;

function inlineState(inline: unknown): AvailabilityState {
  let value = inline;
  if (typeof inline === 'string') {
    try {
      value = JSON.parse(inline);
    } catch (cause) {
      return {
        state: 'error',
        error: new AvailabilityError('parse', 'the availability attribute is not valid JSON', {
          cause,
        }),
      };
    }
  }
  const { record, problems } = validateRecord(value);
  if (record) {
    if (problems.length)
      console.warn(
        `[preorder-elements] SKU "${record.sku}": ignored ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
      );
    return { state: 'ready', record };
  }
  return {
    state: 'error',
    error: new AvailabilityError(
      'data',
      `inline availability has no usable record: ${problems[0]?.reason ?? ''}`,
    ),
  };
}

export class AvailabilityController implements ReactiveController {
  /** What the element should render now. */
  state: AvailabilityState = { state: 'loading' };
  readonly #host: ReactiveControllerHost;
  readonly #read: () => AvailabilitySource;
  readonly #onChange: StateChangeCallback | undefined;
  readonly #store: AvailabilityStore;
  #key: string | null = null;
  #unsubscribe: (() => void) | undefined;
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
    this.#unsubscribe = undefined;
    this.#key = null;
  }

  /** Fetches the current SKU again, even when fresh. */
  refresh(): void {
    const { sku } = this.#read();
    if (this.#unsubscribe && sku) this.#store.refresh(sku);
  }

  /** Re-reads sku, endpoint and inline data; call it whenever they may have changed. */
  sync(): void {
    const { sku, endpoint, inline } = this.#read();
    const template = endpoint || getOptions().endpoint;
    const key =
      inline != null
        ? `inline\n${typeof inline === 'string' ? inline : (JSON.stringify(inline) ?? '')}`
        : `${template}\n${sku}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (inline != null) return this.#set(inlineState(inline));
    if (!sku) return this.#set({ state: 'loading' });
    if (!template) {
      this.#set({ state: 'loading' });
      // configure() often runs just after the import that defined the elements: give it the task.
      afterCurrentTask(() => {
        if (this.#key === key && !getOptions().endpoint) {
          this.#set({
            state: 'error',
            error: new AvailabilityError(
              'config',
              'no endpoint: call configure({ endpoint }) or set the endpoint attribute',
            ),
          });
        }
      });
      return;
    }
    this.#unsubscribe = this.#store.subscribe(sku, template, (state) => {
      if (this.#key === key) this.#set(state);
    });
  }

  #set(state: AvailabilityState): void {
    const previous = this.state;
    this.state = state;
    this.#host.requestUpdate();
    this.#onChange?.(state, previous);
  }
}
