/**
 * The one availability store a page shares: batching, one request per SKU at
 * most, a TTL cache with stale-while-revalidate (kept in localStorage too, so
 * a repeat view of the page within the TTL asks for nothing), refresh on an
 * interval (held while the page is hidden) and on reconnect; with `live`,
 * the records the page's live feed pushes (live.ts).
 */
import {
  isPlainObject as isObject,
  recordSku,
  validateRecord,
  wallClock,
  type AvailabilityRecord,
} from '../engine/index.js';
import { getOptions, onOptionsChange, type ResolvedOptions } from './config.js';
import { endpointMode, endpointUrl } from './endpoint.js';
import { AvailabilityError } from './errors.js';
import { fetchJson } from './http.js';
import type { LiveFeed } from './live.js';
import { loadLive } from './live-loader.js';
import {
  afterCurrentTask,
  LOADING,
  usableRecord,
  type AvailabilityListener,
  type AvailabilityState,
} from './state.js';
import { openSlice } from './render-slices.js';
import { keyOf, recall, STORED, storeRecords } from './storage.js';

/** Records kept for SKUs no element shows any more, at most. */
const MAX_ENTRIES = 500;
export interface Entry {
  sku: string;
  template: string;
  state: AvailabilityState;
  /** When the record came; 0 = stale (none yet, the last refresh failed, or marked stale). */
  fetchedAt: number;
  /** The request under way for this SKU, shared with the rest of its batch. */
  inflight?: AbortController;
  listeners: Set<AvailabilityListener>;
}

export class AvailabilityStore {
  readonly #options: () => ResolvedOptions;
  /** By template and SKU; the order is recency of use, for pruning. */
  readonly #entries = new Map<string, Entry>();
  /** Wanted since the last flush, by template. */
  readonly #queue = new Map<string, Set<Entry>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** An interval refresh fell due while the page was hidden. */
  #due = false;
  /** The records an earlier view of the page stored, read once. */
  #stored: Record<string, unknown> | undefined;
  /** The live feed, loaded when `live` is first set. */
  #live: Promise<LiveFeed> | undefined;
  /** refresh() was called: the next requests revalidate the browser's HTTP cache. */
  #reload = false;

  constructor(options: () => ResolvedOptions = getOptions) {
    this.#options = options;
    onOptionsChange(() => {
      this.reschedule();
      this.#follow();
    });
    if (typeof document === 'object') {
      addEventListener('online', () => this.refresh());
      document.addEventListener('visibilitychange', () => {
        if (this.#due) this.#tick();
      });
    }
  }

  /**
   * Delivers the SKU's state now and on every change until unsubscribed.
   * Fresh cached records cost no request; stale ones are delivered and refreshed.
   */
  subscribe(sku: string, template: string, listener: AvailabilityListener): () => void {
    const key = keyOf(template, sku);
    const entry = this.#entries.get(key) ?? {
      sku,
      template,
      state: LOADING,
      fetchedAt: 0,
      listeners: new Set(),
      ...this.#storedState(key, sku),
    };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    entry.listeners.add(listener);
    listener(entry.state);
    // A time ahead of the clock (a fast device clock, a tampered entry) is stale too.
    const age = Date.now() - entry.fetchedAt;
    if (!(age >= 0 && age < this.#options().cacheTtl * 1000)) this.#load(entry);
    if (!this.#timer) this.reschedule();
    this.#follow();
    return () => {
      if (entry.listeners.delete(listener) && !entry.listeners.size) this.#release(key, entry);
    };
  }

  /**
   * Fetches again, fresh or not: one SKU, or every SKU on the page. Cached
   * records no element shows now are marked stale, so they are fetched when
   * next shown.
   */
  refresh(sku?: string): void {
    this.#reload = true; // past the browser's HTTP cache too: a merchant's change shows
    for (const entry of this.#entries.values()) {
      if (sku !== undefined && entry.sku !== sku) continue;
      entry.fetchedAt = 0;
      if (entry.listeners.size) this.#load(entry);
    }
  }

  /** Tells the live feed (loading it first) that the SKUs shown or the options changed. */
  #follow(): void {
    if (this.#live || this.#options().live)
      (this.#live ??= loadLive().then((live) => live.follow(this.#entries, this.#options))).then(
        (feed) => feed.update(),
        (error) => console.warn('[preorder-elements] live:', error),
      );
  }

  /**
   * What an earlier view of the page stored for this SKU. We stored it
   * validated: anything with a problem now is not ours, and is dropped
   * quietly (not usableRecord(), which warns about an endpoint's data).
   */
  #storedState(key: string, sku: string): Pick<Entry, 'state' | 'fetchedAt'> | undefined {
    if (!this.#options().cacheTtl) return;
    const stored = (this.#stored ??= recall(STORED))[key];
    if (!Array.isArray(stored) || typeof stored[0] !== 'number') return;
    const { record, problems } = validateRecord(stored[1]);
    if (record?.sku !== sku || problems.length) return;
    return { state: { state: 'ready', record }, fetchedAt: stored[0] };
  }

  /** Re-reads refreshInterval (after configure()); the timer runs only while SKUs are shown. */
  reschedule(): void {
    clearTimeout(this.#timer);
    const seconds = this.#options().refreshInterval;
    const shown = seconds > 0 && [...this.#entries.values()].some((entry) => entry.listeners.size);
    this.#timer = shown ? setTimeout(this.#tick, seconds * 1000) : undefined;
  }

  #tick = () => {
    this.#due = document.hidden;
    if (this.#due) return; // the page's return will tick
    this.refresh();
    this.reschedule();
  };

  #load(entry: Entry): void {
    if (entry.inflight) return; // never two requests for one SKU at once
    if (!this.#queue.size) afterCurrentTask(() => this.#flush());
    const queued = this.#queue.get(entry.template) ?? new Set();
    this.#queue.set(entry.template, queued.add(entry));
  }

  /** Nobody shows this SKU now: unqueue it, abort its batch if wanted by none, bound the cache. */
  #release(key: string, entry: Entry): void {
    this.#queue.get(entry.template)?.delete(entry);
    if (entry.inflight) {
      const batch = [...this.#entries.values()].filter(
        (other) => other.inflight === entry.inflight,
      );
      if (!batch.some((other) => other.listeners.size)) {
        for (const other of batch) {
          other.inflight?.abort();
          other.inflight = undefined; // free to be asked for again at once
        }
      }
    }
    if (!entry.state.record) this.#entries.delete(key);
    this.#follow();
    // Past the cap, the least recently shown idle records go first.
    for (const [oldKey, old] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      if (!old.listeners.size && !old.inflight) this.#entries.delete(oldKey);
    }
  }

  /** One request per template and batch of up to batchSize SKUs (one SKU for `{sku}` templates). */
  #flush(): void {
    const reload = this.#reload;
    this.#reload = false;
    for (const [template, queued] of this.#queue) {
      const entries = [...queued];
      const size = endpointMode(template) === 'batch' ? this.#options().batchSize : 1;
      for (let i = 0; i < entries.length; i += size)
        void this.#request(template, entries.slice(i, i + size), reload);
    }
    this.#queue.clear();
    // With the requests on the wire, pay for the page's first Intl.DateTimeFormat
    // (ICU's set-up: ~50 ms at 4x CPU slowdown) now rather than in the task that
    // renders the answer; later formatters cost ~2 ms.
    wallClock(Date.now(), this.#options().timeZone);
  }

  async #request(template: string, entries: Entry[], reload: boolean): Promise<void> {
    const options = this.#options();
    const controller = new AbortController();
    const skus = entries.map((entry) => entry.sku);
    const url = endpointUrl(template, skus);
    const records = new Map<string, AvailabilityRecord>();
    let failure: AvailabilityError | undefined;
    /** Records in the answer for SKUs not asked for: neither validated nor kept. */
    let unasked = 0;
    for (const entry of entries) entry.inflight = controller;
    try {
      let json = await fetchJson(url, {
        ...options,
        init: reload ? { ...options.fetchInit, cache: 'no-cache' } : options.fetchInit,
        signal: controller.signal,
      });
      openSlice(); // reading the answer counts against this task's rendering
      if (options.transform) json = options.transform(json, skus);
      for (let item of [json].flat()) {
        // A one-SKU endpoint may leave the SKU out of its record: the URL implies it.
        if (endpointMode(template) === 'single' && isObject(item)) item = { sku: skus[0], ...item };
        // Only what was asked for is read (and may take a place in the store).
        const sku = recordSku(item) as string;
        const record = skus.includes(sku) ? usableRecord(item) : void unasked++;
        if (record) records.set(sku, record);
      }
    } catch (error) {
      if (controller.signal.aborted) return; // superseded: release() let its SKUs go
      // fetchJson() rejects with AvailabilityErrors only: anything else is transform()'s.
      failure =
        error instanceof AvailabilityError
          ? error
          : new AvailabilityError('data', 'transform() threw', { url, attempts: 1, cause: error });
    }
    // For the developer: events tell the page, the console tells whoever reads it.
    const missing = skus.filter((sku) => !records.has(sku));
    if (unasked)
      console.warn(`[preorder-elements] ${url}: ignored ${unasked} records not asked for`);
    if (failure)
      console.warn(
        `[preorder-elements] availability failed (${failure.kind}, attempts: ${failure.attempts}): ${failure.message}`,
      );
    else if (missing.length)
      console.warn(
        `[preorder-elements] ${url} has no record for ${missing.map((sku) => `"${sku}"`).join(', ')}`,
      );
    const now = Date.now();
    if (records.size && options.cacheTtl) storeRecords(template, records, now);
    for (const entry of entries) {
      const record = records.get(entry.sku);
      // A failed refresh keeps the last good record, with the error beside it.
      const shown = record ?? entry.state.record;
      const error = record
        ? undefined
        : (failure ??
          new AvailabilityError('data', `no record for SKU "${entry.sku}"`, { url, attempts: 1 }));
      entry.state = { state: shown ? 'ready' : 'error', record: shown, error } as AvailabilityState;
      entry.fetchedAt = record ? now : 0;
      entry.inflight = undefined;
      for (const listener of [...entry.listeners]) listener(entry.state);
    }
  }
}

/** The page's shared store: one per page, even with two copies of the library loaded. */
export const availabilityStore: AvailabilityStore = ((
  globalThis as Record<symbol, AvailabilityStore>
)[Symbol.for('preorder-elements.store.v1')] ??= new AvailabilityStore());
