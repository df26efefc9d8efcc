/**
 * The one availability store a page shares: batching, an in-flight map (one
 * request per SKU at most), a TTL cache with stale-while-revalidate, refresh
 * on an interval, on return to the page and on reconnect.
 */
import { validateRecord, type AvailabilityRecord } from '../engine/index.js';
import { getOptions, onOptionsChange, type ResolvedOptions } from './config.js';
import { endpointMode, endpointUrl } from './endpoint.js';
import { AvailabilityError } from './errors.js';
import { fetchJson } from './http.js';

export type AvailabilityState =
  | { state: 'loading'; record?: undefined; error?: undefined }
  /** `error` is set when the last refresh failed and `record` is the last good one. */
  | { state: 'ready'; record: AvailabilityRecord; error?: AvailabilityError }
  | { state: 'error'; error: AvailabilityError; record?: undefined };

/** Records kept for SKUs no element shows any more, at most. */
const MAX_ENTRIES = 500;

export type AvailabilityListener = (state: AvailabilityState) => void;

interface Batch {
  entries: Entry[];
  controller: AbortController;
}

interface Entry {
  sku: string;
  template: string;
  record?: AvailabilityRecord;
  error?: AvailabilityError;
  fetchedAt: number;
  inflight: Batch | null;
  queued: boolean;
  listeners: Set<AvailabilityListener>;
}

/** Runs `callback` once the document is parsed, then after the current task. */
export function afterCurrentTask(callback: () => void): void {
  if (typeof document !== 'undefined' && document.readyState === 'loading') {
    // A blocking script sees the body parsed over several tasks: wait for all of it.
    document.addEventListener('DOMContentLoaded', () => setTimeout(callback), { once: true });
  } else {
    setTimeout(callback);
  }
}

function stateOf(entry: Entry): AvailabilityState {
  if (entry.record) return { state: 'ready', record: entry.record, error: entry.error };
  if (entry.error) return { state: 'error', error: entry.error };
  return { state: 'loading' };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export class AvailabilityStore {
  readonly #options: () => ResolvedOptions;
  readonly #entries = new Map<string, Entry>();
  #flushScheduled = false;
  #listenerCount = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refreshDue = false;
  #warned = new Set<string>();

  constructor(options: () => ResolvedOptions = getOptions) {
    this.#options = options;
  }

  /**
   * Delivers the SKU's state now and on every change until unsubscribed.
   * Fresh cached records cost no request; stale ones are delivered and refreshed.
   */
  subscribe(sku: string, template: string, listener: AvailabilityListener): () => void {
    const key = `${template}\n${sku}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { sku, template, fetchedAt: 0, inflight: null, queued: false, listeners: new Set() };
      this.#entries.set(key, entry);
    }
    const current = entry;
    current.listeners.add(listener);
    if (++this.#listenerCount === 1) this.#startWatching();
    listener(stateOf(current));
    if (!this.#isFresh(current)) this.#load(current);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      current.listeners.delete(listener);
      if (--this.#listenerCount === 0) this.#stopWatching();
      if (current.listeners.size === 0) this.#release(current);
    };
  }

  /**
   * Fetches again, fresh or not: one SKU, or every SKU on the page. Cached
   * records no element shows now are marked stale, so they are fetched when
   * next shown.
   */
  refresh(sku?: string): void {
    for (const entry of this.#entries.values()) {
      if (sku !== undefined && entry.sku !== sku) continue;
      if (entry.listeners.size > 0) this.#load(entry);
      else entry.fetchedAt = 0;
    }
  }

  #isFresh(entry: Entry): boolean {
    return (
      entry.record !== undefined &&
      !entry.error &&
      Date.now() - entry.fetchedAt < this.#options().cacheTtl * 1000
    );
  }

  #load(entry: Entry): void {
    if (entry.inflight || entry.queued) return; // never two requests for one SKU at once
    entry.queued = true;
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    afterCurrentTask(() => this.#flush());
  }

  /** Nobody wants this SKU now: drop it from the queue, abort its request if nobody else's. */
  #release(entry: Entry): void {
    entry.queued = false;
    const batch = entry.inflight;
    if (batch && batch.entries.every((e) => e.listeners.size === 0)) batch.controller.abort();
    // Keep what is worth caching; bound the rest.
    if (!entry.record) this.#entries.delete(`${entry.template}\n${entry.sku}`);
    if (this.#entries.size > MAX_ENTRIES) this.#prune();
  }

  /** Drops the oldest records nobody is watching. */
  #prune(): void {
    const idle = [...this.#entries].filter(([, e]) => e.listeners.size === 0 && !e.inflight);
    idle.sort(([, a], [, b]) => a.fetchedAt - b.fetchedAt);
    for (const [key] of idle.slice(0, this.#entries.size - MAX_ENTRIES)) this.#entries.delete(key);
  }

  #flush(): void {
    this.#flushScheduled = false;
    const options = this.#options();
    const byTemplate = new Map<string, Entry[]>();
    for (const entry of this.#entries.values()) {
      if (!entry.queued) continue;
      entry.queued = false;
      const group = byTemplate.get(entry.template) ?? [];
      group.push(entry);
      byTemplate.set(entry.template, group);
    }
    for (const [template, entries] of byTemplate) {
      const size = endpointMode(template) === 'batch' ? options.batchSize : 1;
      for (let i = 0; i < entries.length; i += size) {
        void this.#request(template, entries.slice(i, i + size), options);
      }
    }
  }

  async #request(template: string, entries: Entry[], options: ResolvedOptions): Promise<void> {
    const batch: Batch = { entries, controller: new AbortController() };
    for (const entry of entries) entry.inflight = batch;
    const skus = entries.map((e) => e.sku);
    const url = endpointUrl(template, skus);
    let records: Map<string, AvailabilityRecord> | undefined;
    let failure: AvailabilityError | undefined;
    try {
      const json = await fetchJson(url, {
        init: options.fetchInit,
        timeout: options.timeout,
        retries: options.retries,
        retryDelay: options.retryDelay,
        signal: batch.controller.signal,
      });
      records = this.#readRecords(json, skus, template, options);
    } catch (error) {
      if (batch.controller.signal.aborted) {
        for (const entry of entries) entry.inflight = null;
        return; // superseded: nobody is listening
      }
      failure =
        error instanceof AvailabilityError
          ? error
          : new AvailabilityError('data', `could not read availability from ${url}`, {
              url,
              cause: error,
            });
    }
    const now = Date.now();
    for (const entry of entries) {
      entry.inflight = null;
      const record = records?.get(entry.sku);
      if (record) {
        entry.record = record;
        entry.error = undefined;
        entry.fetchedAt = now;
      } else {
        entry.error =
          failure ??
          new AvailabilityError(
            'data',
            `no record for SKU "${entry.sku}" in the answer from ${url}`,
            { url, attempts: 1 },
          );
      }
      const state = stateOf(entry);
      for (const listener of [...entry.listeners]) listener(state);
    }
  }

  /** The answer as validated records by SKU; transform errors fail the whole answer. */
  #readRecords(
    json: unknown,
    skus: string[],
    template: string,
    options: ResolvedOptions,
  ): Map<string, AvailabilityRecord> {
    let data = json;
    if (options.transform) {
      try {
        data = options.transform(json, skus);
      } catch (cause) {
        throw new AvailabilityError('data', `transform() threw for ${skus.join(', ')}`, {
          cause,
          attempts: 1,
        });
      }
    }
    const single = endpointMode(template) === 'single';
    const items = Array.isArray(data) ? data : [data];
    const records = new Map<string, AvailabilityRecord>();
    for (const item of items) {
      // A one-SKU endpoint may leave the SKU out of its record: it is implied by the URL.
      const raw =
        single && isPlainObject(item) && !Object.hasOwn(item, 'sku')
          ? { ...item, sku: skus[0] }
          : item;
      const { record, problems } = validateRecord(raw);
      const sku =
        record?.sku ?? (isPlainObject(item) && typeof item.sku === 'string' ? item.sku : '?');
      if (problems.length > 0 && !this.#warned.has(sku)) {
        this.#warned.add(sku);
        const list = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
        console.warn(`[preorder-elements] SKU "${sku}": ignored ${list}`);
      }
      // A record left with nothing but its SKU promised nothing usable: treat it as missing.
      const usable = record && (problems.length === 0 || Object.keys(record).length > 1);
      if (record && usable && skus.includes(record.sku)) records.set(record.sku, record);
    }
    return records;
  }

  // Background refresh: on an interval while visible, on return, on reconnect.
  #onVisibility = () => {
    if (document.visibilityState === 'visible' && this.#refreshDue) this.#tick();
  };
  #onOnline = () => this.refresh();

  #tick = () => {
    this.#refreshDue = document.visibilityState !== 'visible';
    if (!this.#refreshDue) this.refresh();
    this.#schedule();
  };

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const seconds = this.#options().refreshInterval;
    if (seconds > 0 && this.#listenerCount > 0)
      this.#timer = setTimeout(this.#tick, seconds * 1000);
  }

  /** Re-reads refreshInterval (after configure()). */
  reschedule(): void {
    if (this.#listenerCount > 0) this.#schedule();
  }

  #startWatching(): void {
    if (typeof window === 'undefined') return;
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('online', this.#onOnline);
    this.#schedule();
  }

  #stopWatching(): void {
    if (typeof window === 'undefined') return;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** The page's shared store: one per page, even with two copies of the library loaded. */
export const availabilityStore: AvailabilityStore = ((
  globalThis as Record<symbol, AvailabilityStore>
)[Symbol.for('preorder-elements.store.v1')] ??= (() => {
  const store = new AvailabilityStore();
  onOptionsChange(() => store.reschedule());
  return store;
})());
