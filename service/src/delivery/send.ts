/**
 * One webhook request: the event as `{ id, type, occurredAt, data }`, signed,
 * with a timeout. Any answer but a 2xx (a redirect included: a webhook URL
 * that moved is a configuration to fix, not something to follow) is a failure.
 */
import { SIGNATURE_HEADER, sign } from './signature.js';

export interface OutgoingEvent {
  id: number;
  type: string;
  occurredAt: string;
  /** The event's `data` as stored: JSON text, put into the body as is. */
  payload: string;
}

/** The exact body signed and sent. */
export function eventBody(event: OutgoingEvent): string {
  const head = JSON.stringify({
    id: String(event.id),
    type: event.type,
    occurredAt: event.occurredAt,
  });
  return `${head.slice(0, -1)},"data":${event.payload}}`;
}

/** Resolves with null on a 2xx, else with what went wrong (kept as the row's last_error). */
export async function postEvent(
  url: string,
  event: OutgoingEvent,
  secret: string,
  timeoutMs: number,
): Promise<string | null> {
  const body = eventBody(event);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'preorder-service',
        [SIGNATURE_HEADER]: sign(body, secret),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not read: release the connection.
    await response.body?.cancel().catch(() => undefined);
    return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : '';
    return (reason || cause?.code || cause?.message || (error as Error).message).slice(0, 500);
  }
}
