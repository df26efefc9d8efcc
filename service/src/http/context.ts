/** What every route works with. */
import type { RecordReader } from '../rules/availability.js';
import type { NotifyLimits } from '../rules/notify.js';
import type { Clock } from '../rules/types.js';
import type { Storage } from '../storage/db.js';
import type { LinkOptions } from './routes-cancel.js';
import type { LiveOptions } from './routes-events.js';

export interface RouteContext {
  storage: Storage;
  clock: Clock;
  reader: RecordReader;
  adminToken: string | undefined;
  /** Verifies Shopify's webhooks; none: /webhooks/shopify/* answer 503. */
  shopifySecret: string | undefined;
  /** Cache-Control of the public reads, seconds. */
  maxAge: number;
  staleWhileRevalidate: number;
  /** `GET /events`: the feed of changed records, heartbeat and per-connection bound. */
  live: LiveOptions;
  /** The email's cancel links (with email configured): their secret and the merchant's strings. */
  links?: LinkOptions | undefined;
  /** POST /notify's rate limits (default NOTIFY_LIMITS). */
  notifyLimits?: NotifyLimits | undefined;
}
