/**
 * What the read cache keys on: a generation that moves after every write
 * transaction, on this instance at once (after its commit) and, on
 * PostgreSQL, on every other instance when the commit's NOTIFY arrives.
 * `generation` is null while changes may go unseen (the PostgreSQL listener
 * is not connected): then nothing may be served from a cache keyed on it.
 */
export class Changes {
  #generation = 0;
  #seen: boolean;
  readonly #listeners = new Set<() => void>();

  /** `seen`: whether every change is seen from the start (SQLite: one process owns the folder). */
  constructor(seen: boolean) {
    this.#seen = seen;
  }

  get generation(): number | null {
    return this.#seen ? this.#generation : null;
  }

  /** Something may have changed. */
  bump(): void {
    this.#generation++;
    for (const listener of this.#listeners) listener();
  }

  /** Changes from now on may go unseen (or are seen again): either way, what was cached is old. */
  seen(seen: boolean): void {
    this.#seen = seen;
    this.bump();
  }

  /** Calls `listener` after each change (a commit here or, on PostgreSQL, another's NOTIFY); returns its removal. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
