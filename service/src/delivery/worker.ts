/**
 * The webhook delivery worker: hands new outbox rows to every target's queue
 * and keeps, per target, up to `concurrency` deliveries in flight. It looks
 * for work when woken (after this instance's commits), when a retry falls
 * due, and at least every `pollMs` (another instance's events, a killed
 * instance's leases running out). Nothing here throws into the process: a
 * database or network error is logged and looked at again later.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Backoff, retryDelay } from './backoff.js';
import { type OutgoingEvent, postEvent } from './send.js';
import {
  type Claimed,
  type DeliveryDb,
  type FanOutTarget,
  claim,
  fanOut,
  nextChange,
  releaseLeases,
  reschedule,
  settle,
} from './store.js';

export interface WebhookOptions {
  urls: string[];
  secret: string;
  /** Per request: no answer within it is a failed attempt, ms. */
  timeoutMs: number;
  /** The backoff's first bound and its cap, ms. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Longest time between looks at the database when nothing wakes the worker, ms. */
  pollMs: number;
  /** Deliveries in flight per target (each of a different order). Default 8. */
  concurrency?: number;
  /** The backoff's jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /** The delivery clock (retries and leases), ms. Default Date.now. */
  now?: () => number;
}

type Log = Pick<FastifyBaseLogger, 'warn' | 'error' | 'debug'>;

/**
 * Where events go besides the webhook URLs (the email target): a name of its
 * own in outbox_deliveries, the types it takes, and one attempt, resolving
 * with null when done or with what went wrong (then retried like a webhook).
 */
export interface DeliveryTarget extends FanOutTarget {
  /** An attempt without an outcome by then is cut off by another instance (its lease), ms. */
  timeoutMs: number;
  deliver(event: OutgoingEvent): Promise<string | null>;
}

function webhookTarget(url: string, options: WebhookOptions): DeliveryTarget {
  return {
    name: url,
    timeoutMs: options.timeoutMs,
    deliver: (event) => postEvent(url, event, options.secret, options.timeoutMs),
  };
}

export class WebhookWorker {
  readonly #db: DeliveryDb;
  readonly #options: Required<WebhookOptions>;
  readonly #log: Log;
  readonly #owner = randomUUID();
  readonly #targets: TargetQueue[];
  #fanning: Promise<void> | undefined;
  #wokenWhileFanning = false;
  #closed = false;

  /** `others`: targets besides `options.urls`, delivered with the same retries. */
  constructor(db: DeliveryDb, options: WebhookOptions, log: Log, others: DeliveryTarget[] = []) {
    this.#db = db;
    this.#options = { concurrency: 8, random: Math.random, now: Date.now, ...options };
    this.#log = log;
    const targets = [...options.urls.map((url) => webhookTarget(url, options)), ...others];
    this.#targets = targets.map((target) => new TargetQueue(target, this));
  }

  get db() {
    return this.#db;
  }
  get options() {
    return this.#options;
  }
  get log() {
    return this.#log;
  }
  get owner() {
    return this.#owner;
  }
  get closed() {
    return this.#closed;
  }

  async start(): Promise<void> {
    if (this.#db.kind === 'embedded') await releaseLeases(this.#db);
    this.wake();
  }

  /** Something may have been committed: hand it over and deliver it. */
  wake(): void {
    if (this.#closed) return;
    if (this.#fanning) {
      this.#wokenWhileFanning = true;
      return;
    }
    this.#fanning = this.#fanOut().finally(() => {
      this.#fanning = undefined;
      if (this.#wokenWhileFanning) {
        this.#wokenWhileFanning = false;
        this.wake();
      }
    });
  }

  async #fanOut(): Promise<void> {
    try {
      const now = () => new Date(this.#options.now()).toISOString();
      const targets = this.#targets.map((queue) => queue.target);
      while (!this.#closed && (await fanOut(this.#db, targets, now())) > 0);
    } catch (error) {
      this.#log.error({ err: error }, 'webhooks: handing events to the targets failed');
    }
    for (const target of this.#targets) target.kick();
  }

  /** Resolves once nothing is being looked at or delivered (tests: after a wake). */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [this.#fanning, ...this.#targets.flatMap((t) => t.busy())].filter(Boolean);
      if (busy.length === 0) return;
      await Promise.allSettled(busy);
    }
  }

  /** Takes no new work; resolves when the deliveries in flight have finished. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const target of this.#targets) target.stop();
    await this.idle();
  }
}

/** One target's deliveries: its claims one at a time, its requests in parallel. */
class TargetQueue {
  readonly target: DeliveryTarget;
  readonly #url: string;
  readonly #worker: WebhookWorker;
  readonly #inFlight = new Set<Promise<void>>();
  #looking: Promise<void> | undefined;
  #lookAgain = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(target: DeliveryTarget, worker: WebhookWorker) {
    this.target = target;
    this.#url = target.name;
    this.#worker = worker;
  }

  busy(): (Promise<void> | undefined)[] {
    return [this.#looking, ...this.#inFlight];
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  kick(): void {
    if (this.#worker.closed) return;
    if (this.#looking) {
      this.#lookAgain = true;
      return;
    }
    this.#looking = this.#look().finally(() => {
      this.#looking = undefined;
      if (this.#lookAgain) {
        this.#lookAgain = false;
        this.kick();
      }
    });
  }

  async #look(): Promise<void> {
    clearTimeout(this.#timer);
    const { db, options, owner } = this.#worker;
    let wait = options.pollMs;
    try {
      const free = options.concurrency - this.#inFlight.size;
      const now = options.now();
      if (free > 0) {
        const leaseUntil = new Date(now + 2 * this.target.timeoutMs + 1000).toISOString();
        const nowIso = new Date(now).toISOString();
        const claimed = await claim(db, this.#url, owner, nowIso, leaseUntil, free);
        for (const row of claimed) this.#start(row);
        if (claimed.length === free) this.#lookAgain = true;
      }
      const next = await nextChange(db, this.#url, new Date(now).toISOString());
      if (next !== null) wait = Math.min(wait, Math.max(0, Date.parse(next) - now));
    } catch (error) {
      this.#worker.log.error({ err: error, target: this.#url }, 'webhooks: claiming failed');
    }
    if (this.#worker.closed) return;
    this.#timer = setTimeout(() => this.kick(), wait);
    this.#timer.unref();
  }

  #start(row: Claimed): void {
    const delivery = this.#deliver(row).finally(() => {
      this.#inFlight.delete(delivery);
      this.kick();
    });
    this.#inFlight.add(delivery);
  }

  async #deliver({ event, attempts }: Claimed): Promise<void> {
    const { db, options, owner, log } = this.#worker;
    const error = await this.target
      .deliver(event)
      .catch((failure: unknown) => String((failure as Error)?.message ?? failure).slice(0, 500));
    try {
      if (error === null) {
        await settle(db, this.#url, event.id, owner);
        log.debug({ target: this.#url, event: event.id }, 'webhook delivered');
        return;
      }
      const failures = attempts + 1;
      const backoff: Backoff = {
        baseMs: options.retryBaseMs,
        maxMs: options.retryMaxMs,
        random: options.random,
      };
      const next = options.now() + retryDelay(failures, backoff);
      await reschedule(db, this.#url, event.id, owner, {
        attempts: failures,
        nextIso: new Date(next).toISOString(),
        error,
      });
      log.warn(
        { target: this.#url, event: event.id, attempts: failures, error },
        'webhook delivery failed; will retry',
      );
    } catch (failure) {
      // The lease runs out and the event is sent again: at least once.
      log.error({ err: failure, target: this.#url, event: event.id }, 'webhooks: recording failed');
    }
  }
}
