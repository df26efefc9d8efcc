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
  declare readonly kind: AvailabilityErrorKind;
  declare readonly url: string | undefined;
  declare readonly status: number | undefined;
  /** Requests made, retries included. */
  declare attempts: number;

  /** The message names the URL, when there is one: `HTTP 503: https://…`. */
  constructor(
    kind: AvailabilityErrorKind,
    message: string,
    details: { url?: string; status?: number; attempts?: number; cause?: unknown } = {},
  ) {
    super(details.url ? `${message}: ${details.url}` : message, details);
    Object.assign(this, { name: 'AvailabilityError', kind, attempts: 0, ...details });
  }
}
