/** Typed errors: each says what went wrong, where, and after how many attempts. */

export type AvailabilityErrorKind =
  /** No connection, DNS, CORS, connection refused, offline. */
  | 'network'
  /** No complete answer within `timeout` ms. */
  | 'timeout'
  /** An HTTP status other than 2xx. */
  | 'http'
  /** A 2xx whose body is not JSON (malformed, HTML, wrong content type). */
  | 'parse'
  /** JSON that holds no usable record for this SKU (schema violation, missing from a batch, transform failed). */
  | 'data'
  /** No endpoint configured and no inline data. */
  | 'config';

export class AvailabilityError extends Error {
  override name = 'AvailabilityError';
  readonly kind: AvailabilityErrorKind;
  readonly url: string | undefined;
  readonly status: number | undefined;
  /** Requests made, retries included. */
  attempts: number;

  constructor(
    kind: AvailabilityErrorKind,
    message: string,
    details: { url?: string; status?: number; attempts?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.url = details.url;
    this.status = details.status;
    this.attempts = details.attempts ?? 0;
  }
}
