/**
 * One JSON GET with a timeout and retries: network errors, 5xx and 429 are
 * retried with capped exponential backoff and full jitter, honouring
 * `Retry-After`; other 4xx, bad bodies and timeouts are final.
 */
import { AvailabilityError } from './errors.js';

export interface RequestPolicy {
  init: RequestInit;
  /** ms per attempt, body included (a body that trickles in counts). */
  timeout: number;
  retries: number;
  /** Backoff base in ms: attempt n waits up to retryDelay * 2^(n-1). */
  retryDelay: number;
  /** Aborts the whole request, retries and waits included (superseded work). */
  signal?: AbortSignal;
}

/** Longest wait we accept from Retry-After; a longer one ends the retries. */
export const MAX_RETRY_WAIT = 30_000;
const MAX_BACKOFF = 10_000;

/** Retry-After in ms (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

interface Attempt {
  json?: unknown;
  error?: AvailabilityError;
  /** Set when the error may pass on a later attempt; the ms to wait, if the server said. */
  retry?: { after: number | null };
}

async function attempt(url: string, policy: RequestPolicy): Promise<Attempt> {
  const controller = new AbortController();
  const timedOut = new Error('timeout');
  const timer = setTimeout(() => controller.abort(timedOut), policy.timeout);
  const cancel = () => controller.abort(policy.signal?.reason);
  policy.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const headers = new Headers(policy.init.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const response = await fetch(url, { ...policy.init, headers, signal: controller.signal });
    if (!response.ok) {
      const status = response.status;
      const error = new AvailabilityError('http', `HTTP ${status} from ${url}`, { url, status });
      void response.body?.cancel().catch(() => undefined);
      const retryable = status >= 500 || status === 429;
      return retryable
        ? { error, retry: { after: retryAfterMs(response.headers.get('Retry-After')) } }
        : { error };
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (!/\bjson\b/i.test(type)) {
      void response.body?.cancel().catch(() => undefined);
      const error = new AvailabilityError(
        'parse',
        `expected JSON from ${url}, got "${type || 'no content type'}"`,
        { url, status: response.status },
      );
      return { error };
    }
    const text = await response.text();
    try {
      return { json: JSON.parse(text) };
    } catch (cause) {
      return {
        error: new AvailabilityError('parse', `malformed JSON from ${url}`, {
          url,
          status: response.status,
          cause,
        }),
      };
    }
  } catch (cause) {
    if (policy.signal?.aborted) throw policy.signal.reason;
    if (controller.signal.reason === timedOut) {
      return {
        error: new AvailabilityError(
          'timeout',
          `no answer from ${url} within ${policy.timeout} ms`,
          { url, cause },
        ),
      };
    }
    return {
      error: new AvailabilityError('network', `could not reach ${url}`, { url, cause }),
      retry: { after: null },
    };
  } finally {
    clearTimeout(timer);
    policy.signal?.removeEventListener('abort', cancel);
  }
}

/** Fetches JSON; rejects with an AvailabilityError, or with the abort reason when `signal` aborts. */
export async function fetchJson(url: string, policy: RequestPolicy): Promise<unknown> {
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(url, policy);
    if (!result.error) return result.json;
    result.error.attempts = attempts;
    if (!result.retry || attempts > policy.retries) throw result.error;
    const backoff = Math.random() * Math.min(MAX_BACKOFF, policy.retryDelay * 2 ** (attempts - 1));
    const wait = result.retry.after ?? backoff;
    if (wait > MAX_RETRY_WAIT) throw result.error;
    await sleep(wait, policy.signal);
  }
}
