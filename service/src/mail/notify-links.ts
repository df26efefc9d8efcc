/**
 * The signed links of the "notify me" emails: confirm and unsubscribe. The
 * token is the HMAC-SHA256 (the link secret of the cancel links) of the
 * purpose, the sign-up's id and its nonce: it names one sign-up for one
 * purpose, and a new sign-up after it was told or left voids it (new nonce).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type NotifyPurpose = 'confirm' | 'unsubscribe';

export interface SignupRef {
  id: number;
  nonce: string;
}

export function signupToken(purpose: NotifyPurpose, ref: SignupRef, secret: string): string {
  const message = JSON.stringify([`notify-${purpose}`, ref.id, ref.nonce]);
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url');
}

/** Whether `token` is this sign-up's for this purpose (constant-time). */
export function verifySignupToken(
  purpose: NotifyPurpose,
  ref: SignupRef,
  token: unknown,
  secret: string,
): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(signupToken(purpose, ref, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page's link: `/notify/confirm` or `/notify/unsubscribe` with the sign-up and its token. */
export function signupLink(
  publicUrl: string,
  purpose: NotifyPurpose,
  ref: SignupRef,
  secret: string,
): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/notify/${purpose}?s=${ref.id}&t=${signupToken(purpose, ref, secret)}`;
}
