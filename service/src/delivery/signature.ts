/** The webhook signature: `sha256=` and the hex HMAC-SHA256 of the exact body bytes. */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Preorder-Signature';

export function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
