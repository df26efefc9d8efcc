/**
 * The read path: records for a list of SKUs, with an ETag. A record is
 * computed once per product version (the version moves with every change,
 * on every instance sharing the database), so a read costs one indexed query
 * when nothing changed.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../storage/db.js';
import { openLots, readProducts } from '../storage/queries.js';
import { servedRecord } from './record.js';

interface Cached {
  json: string;
  hash: string;
}

const digest = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 22);

export class RecordReader {
  readonly #cache = new Map<string, Cached>();

  /** `cacheSize` 0 computes every record on every read. */
  constructor(
    private readonly db: Db,
    private readonly cacheSize = 10_000,
  ) {}

  /** Whether records are kept at all (--record-cache 0 keeps none: every read computes). */
  get caching(): boolean {
    return this.cacheSize > 0;
  }

  /** The known SKUs' records (JSON) in the order asked, and their ETag. */
  async read(skus: readonly string[]): Promise<{ records: string[]; etag: string }> {
    const unique = [...new Set(skus)];
    const products = await readProducts(this.db, unique);
    const keyOf = (p: { sku: string; version: number }) => `${p.version}:${p.sku}`;
    const missing = products.filter((p) => !this.#cache.has(keyOf(p)));
    const lots = await openLots(
      this.db,
      missing.map((p) => p.sku),
    );
    const found = new Map<string, Cached>();
    for (const product of products) {
      const key = keyOf(product);
      let entry = this.#cache.get(key);
      if (entry) {
        // Least recently used goes first: move this one to the end.
        this.#cache.delete(key);
      } else {
        const json = JSON.stringify(servedRecord(product, lots.get(product.sku) ?? []));
        entry = { json, hash: digest(json) };
      }
      if (this.cacheSize > 0) this.#cache.set(key, entry);
      found.set(product.sku, entry);
    }
    while (this.#cache.size > this.cacheSize)
      this.#cache.delete(this.#cache.keys().next().value as string);
    const ordered = unique.flatMap((sku) => found.get(sku) ?? []);
    return {
      records: ordered.map((entry) => entry.json),
      etag: `"${digest(ordered.map((entry) => entry.hash).join(''))}"`,
    };
  }
}
