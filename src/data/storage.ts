/**
 * A bounded map in localStorage, for what should outlive the page: ship
 * dates shown before, records within their cache TTL. Every call is a no-op
 * where storage is unavailable (private mode, sandboxed frames, quota): what
 * is stored here is a nicety, never a failure.
 */
import { isObject } from './config.js';

/** The stored map under `key` ({} when there is none, or it is unreadable). */
export function recall(key: string): Record<string, unknown> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return isObject(stored) ? stored : {};
  } catch {
    return {};
  }
}

/** Stores these entries as the most recent ones; past `max`, the least recent go. */
export function remember(key: string, entries: [string, unknown][], max: number): void {
  try {
    const names = new Set(entries.map(([name]) => name));
    const kept = Object.entries(recall(key)).filter(([name]) => !names.has(name));
    // Insertion order is recency.
    localStorage.setItem(
      key,
      JSON.stringify(Object.fromEntries([...kept, ...entries].slice(-max))),
    );
  } catch {
    // Full or forbidden.
  }
}
