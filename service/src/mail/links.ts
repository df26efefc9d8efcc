/**
 * The signed cancel link of a delay email. Its token is the HMAC-SHA256 of
 * (order id, line, the line's acceptance sequence) with the link secret, in
 * base64url: it names one line of one order and cannot be made for another
 * without the secret. The sequence is the line row's own number, so a link
 * never applies to a line that merely took the same (order id, line) later.
 * It is no one-time token: a reused link finds the line cancelled (in the
 * cancel's transaction) and changes nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LineRef {
  orderId: string;
  line: number;
  /** order_lines.seq */
  seq: number;
}

/** The secret when none is given: derived from the admin token, so links stay valid across restarts. */
export function deriveLinkSecret(adminToken: string): string {
  return createHmac('sha256', adminToken).update('preorder-service cancel links v1').digest('hex');
}

export function lineToken(ref: LineRef, secret: string): string {
  const message = JSON.stringify(['cancel-line', ref.orderId, ref.line, ref.seq]);
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url');
}

/** Whether `token` is the one for this line (constant-time). */
export function verifyLineToken(ref: LineRef, token: unknown, secret: string): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(lineToken(ref, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page's path for a line (without the origin). */
export function cancelPath(orderId: string, line: number): string {
  return `/orders/${encodeURIComponent(orderId)}/lines/${line}/cancel`;
}

/** The full link put into the email. */
export function cancelLink(publicUrl: string, ref: LineRef, secret: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${cancelPath(ref.orderId, ref.line)}?token=${lineToken(ref, secret)}`;
}
