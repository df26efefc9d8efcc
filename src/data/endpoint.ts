/** Endpoint URL templates: `{sku}` asks for one record, `{skus}` for a batch. */

export type EndpointMode = 'single' | 'batch';

/** How a template asks for records; null when it names neither placeholder. */
export function endpointMode(template: string): EndpointMode | null {
  return template.includes('{skus}') ? 'batch' : template.includes('{sku}') ? 'single' : null;
}

/** The URL for these SKUs: comma-joined, each URL-encoded (so a comma inside a SKU survives). */
export function endpointUrl(template: string, skus: readonly string[]): string {
  const url = template.replace(/\{skus?\}/g, () => skus.map(encodeURIComponent).join(','));
  // Relative templates resolve against the page, as fetch() would.
  return globalThis.document ? new URL(url, document.baseURI).href : url;
}
