/**
 * One JSON GET with a timeout and retries: network errors, 5xx and 429 are
 * retried with capped exponential backoff and full jitter, honouring
 * `Retry-After`; other 4xx, bad bodies and timeouts are final.
 */
import { AvailabilityError, type AvailabilityErrorKind } from './errors.js';

export interface RequestPolicy {
  init: RequestInit;
  /** ms per attempt, body included (a body that trickles in counts). */
  timeout: number;
  retries: number;
  /** Backoff base in ms: attempt n waits up to retryDelay * 2^(n-1). */
  retryDelay: number;
  /** Most bytes of body read; a longer answer is refused. */
  maxResponseSize: number;
  /** Aborts the whole request, retries and waits included (superseded work). */
  signal?: AbortSignal;
}

/** Longest wait we accept from Retry-After; a longer one ends the retries. */
export const MAX_RETRY_WAIT = 30_000;
const MAX_BACKOFF = 10_000;

/** Retry-After in ms (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  const value = header?.trim() ?? '';
  const at = Date.parse(value);
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  return isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The body as text, or null when over `max` bytes: a declared length decides
 * before reading, else the length read. The engine reads it, never a script's
 * stream reader: Chromium reports a fetch body read that way as a cancelled
 * request (microsoft/playwright#42742), red in every merchant's DevTools.
 */
async function readText(response: Response, max: number): Promise<string | null> {
  if (Number(response.headers.get('Content-Length')) > max) return null;
  const body = await response.arrayBuffer();
  return body.byteLength > max ? null : new TextDecoder().decode(body);
}

/** Fetches JSON; rejects with an AvailabilityError, or with the abort reason when `signal` aborts. */
export async function fetchJson(url: string, policy: RequestPolicy): Promise<unknown> {
  const { init, timeout, retries, retryDelay, signal, maxResponseSize } = policy;
  for (let attempts = 1; ; attempts++) {
    signal?.throwIfAborted(); // aborted while waiting to retry: no more requests
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    signal?.addEventListener('abort', () => controller.abort());
    let status: number | undefined;
    let error: AvailabilityError;
    /** Before the next attempt: undefined = none (final), null = backoff, else the server's ms. */
    let wait: number | null | undefined;
    const fail = (kind: AvailabilityErrorKind, what: string, cause?: unknown) =>
      new AvailabilityError(kind, what, { url, status, attempts, cause });
    try {
      const headers = new Headers(init.headers);
      if (!headers.has('Accept')) headers.set('Accept', 'application/json');
      const response = await fetch(url, { ...init, headers, signal: controller.signal });
      const type = response.headers.get('Content-Type') ?? '';
      status = response.status;
      if (response.ok && /\bjson\b/i.test(type)) {
        const body = await readText(response, maxResponseSize); // within the timeout too
        try {
          if (body === null) error = fail('parse', `body over ${maxResponseSize} bytes`);
          else return JSON.parse(body) as unknown;
        } catch (cause) {
          // Parsed here, not by response.json(): engines differ in what that throws.
          error = fail('parse', 'malformed JSON', cause);
        }
      } else if (response.ok) error = fail('parse', `Content-Type "${type}" is not JSON`);
      else {
        error = fail('http', `HTTP ${status}`);
        if (status > 499 || status === 429)
          wait = retryAfterMs(response.headers.get('Retry-After'));
      }
    } catch (cause) {
      signal?.throwIfAborted(); // superseded: the caller's reason, not ours
      // Our own abort is the timeout; what never reached the server may next time.
      if (controller.signal.aborted)
        error = fail('timeout', `no answer within ${timeout} ms`, cause);
      else {
        error = fail('network', 'network error', cause);
        wait = null;
      }
    } finally {
      clearTimeout(timer);
      controller.abort(); // frees a body left unread
    }
    const delay = wait ?? Math.random() * Math.min(MAX_BACKOFF, retryDelay * 2 ** (attempts - 1));
    if (wait === undefined || attempts > retries || delay > MAX_RETRY_WAIT) throw error;
    await new Promise((resolve, reject) => {
      setTimeout(resolve, delay);
      signal?.addEventListener('abort', () => reject(signal.reason));
    });
  }
}
