/**
 * `?skus=A,B,C` as the elements send it (contract s.2): each SKU
 * URL-encoded, so a comma inside one travels as %2C. The list is split on
 * the raw query's commas before decoding; a parsed query (already decoded)
 * would cut "RUG-160,230" in two.
 */
import { RuleError } from '../rules/errors.js';

export const MAX_SKUS = 100;

const invalid = (message: string) =>
  new RuleError(400, 'invalid_input', `skus: ${message}`, {
    field: 'skus',
    expected: `1 to ${MAX_SKUS} comma-separated, URL-encoded SKUs`,
    in: 'querystring',
  });

/** The SKUs of `url`'s `skus` parameter, decoded, trimmed, once each, in order. */
export function parseSkuList(url: string): string[] {
  const at = url.indexOf('?');
  const raw = at < 0 ? undefined : /(?:^|&)skus=([^&#]*)/.exec(url.slice(at + 1))?.[1];
  if (raw === undefined) throw invalid('missing');
  const skus = new Set<string>();
  for (const part of raw.split(',')) {
    let sku: string;
    try {
      // `+` is a space in a query string (URLSearchParams agrees).
      sku = decodeURIComponent(part.replace(/\+/g, ' ')).trim();
    } catch {
      throw invalid(`${JSON.stringify(part)} is not URL-encoded text`);
    }
    if (sku) skus.add(sku);
  }
  if (skus.size === 0 || skus.size > MAX_SKUS) {
    throw invalid(`expected 1 to ${MAX_SKUS} SKUs, got ${skus.size}`);
  }
  return [...skus];
}
