/**
 * The page's live feed (the `live` option): one EventSource for the SKUs the
 * page shows, each pushed record handed to the store as if refreshed. Loaded
 * only when `live` is set (the script tag's build: from beside the script),
 * so pages without it pay nothing for it.
 */
import type { ResolvedOptions } from './config.js';
import { endpointUrl } from './endpoint.js';
import { afterCurrentTask, usableRecord } from './state.js';
import { storeRecords } from './storage.js';
import type { Entry } from './store.js';

export interface LiveFeed {
  /** The SKUs shown, the options or the page's visibility may have changed: (re)open or close. */
  update(): void;
}

/** The stream's URL: the template's, plus where to resume (the service's `?lastEventId=`). */
export function liveUrl(template: string, skus: readonly string[], lastEventId: string): string {
  const url = endpointUrl(template, skus);
  // Appended as text: re-serialising the query would re-encode the SKUs' commas.
  return lastEventId
    ? `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`
    : url;
}

/** The SKUs elements show now. */
const shownSkus = (entries: Map<string, Entry>) => [
  ...new Set([...entries.values()].filter((e) => e.listeners.size).map((e) => e.sku)),
];

/** A pushed record, validated as a fetched one is, kept (memory, storage) and delivered. */
function push(entries: Map<string, Entry>, raw: unknown, cacheTtl: number): void {
  const record = usableRecord(raw);
  if (!record) return;
  const now = Date.now();
  for (const entry of entries.values()) {
    if (entry.sku !== record.sku) continue;
    if (cacheTtl) storeRecords(entry.template, new Map([[record.sku, record]]), now);
    entry.fetchedAt = now;
    // The record a stream starts with is often the one on screen: fresh again, not rendered again.
    if (JSON.stringify(entry.state.record) === JSON.stringify(record)) continue;
    entry.state = { state: 'ready', record };
    for (const listener of [...entry.listeners]) listener(entry.state);
  }
}

/** The store's feed: `entries` are the store's own, read when the page changes. */
export function follow(entries: Map<string, Entry>, options: () => ResolvedOptions): LiveFeed {
  let source: EventSource | undefined;
  /** The template and SKUs the open source streams. */
  let template = '';
  let streamed = new Set<string>();
  /** The id of the last event seen: a reopened source resumes after it. */
  let lastEventId = '';
  let scheduled = false;

  const close = () => {
    source?.close();
    source = undefined;
    template = '';
  };

  const connect = () => {
    scheduled = false;
    const { live, fetchInit } = options();
    const skus = shownSkus(entries);
    // Turned off: turned on again, it starts afresh from the records as they are then.
    if (!live) lastEventId = '';
    if (!live || !skus.length || document.hidden) return close();
    // Open on its own (EventSource reconnects by itself), with every SKU shown: kept.
    const open = source && source.readyState !== EventSource.CLOSED;
    if (open && live === template && skus.every((sku) => streamed.has(sku))) return;
    close();
    const url = liveUrl(live, skus, lastEventId);
    try {
      source = new EventSource(url, { withCredentials: fetchInit.credentials === 'include' });
    } catch (error) {
      console.warn(`[preorder-elements] live: cannot open ${url}: ${String(error)}`);
      return;
    }
    template = live;
    streamed = new Set(skus);
    source.addEventListener('availability', (event) => {
      const { data, lastEventId: id } = event as MessageEvent<string>;
      if (id) lastEventId = id;
      let record: unknown;
      try {
        record = JSON.parse(data);
      } catch {
        console.warn(`[preorder-elements] live: ${url} sent an event that is not JSON: ignored`);
        return;
      }
      push(entries, record, options().cacheTtl);
    });
    // An error event is the browser reconnecting; CLOSED means it gave up (an HTTP error,
    // not an event stream): said once here, tried again when the page next changes.
    source.addEventListener('error', (event) => {
      if ((event.target as EventSource).readyState === EventSource.CLOSED)
        console.warn(`[preorder-elements] live: ${url} failed; no live updates for now`);
    });
  };

  const update = () => {
    if (scheduled) return;
    scheduled = true;
    // Elements connect over a task: one source for all of them, not one per element.
    afterCurrentTask(connect);
  };

  document.addEventListener('visibilitychange', update);
  return { update };
}
