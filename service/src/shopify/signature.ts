/**
 * Shopify signs each webhook with the app's (or the store's webhook) secret:
 * `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body. It is
 * compared as text in constant time (equal lengths first: timingSafeEqual
 * needs them, and the length of a base64 SHA-256 is no secret).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-shopify-hmac-sha256';

export const shopifySignature = (rawBody: Buffer | string, secret: string) =>
  createHmac('sha256', secret).update(rawBody).digest('base64');

/** Whether `header` signs `rawBody` with `secret`. */
export function verifyShopify(rawBody: Buffer, header: unknown, secret: string): boolean {
  if (typeof header !== 'string' || header === '') return false;
  const expected = Buffer.from(shopifySignature(rawBody, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
