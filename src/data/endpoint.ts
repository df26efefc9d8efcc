/** Endpoint URL templates: `{sku}` asks for one record, `{skus}` for a batch. */

export type EndpointMode = 'single' | 'batch';

/** How a template asks for records; null when it names neither placeholder. */
export function endpointMode(template: string): EndpointMode | null {
  if (template.includes('{skus}')) return 'batch';
  if (template.includes('{sku}')) return 'single';
  return null;
}

/** The URL for these SKUs: comma-joined, each URL-encoded (so a comma inside a SKU survives). */
export function endpointUrl(template: string, skus: readonly string[]): string {
  const value = skus.map(encodeURIComponent).join(',');
  const url = template.replace(/\{skus?\}/g, () => value);
  // Relative templates resolve against the page, as fetch() would.
  return typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;
}
