/** The command's options: each a flag and an environment variable, flags winning. */
import { isTimeZone } from 'preorder-elements/engine';
import type { WebhookOptions } from './delivery/worker.js';
import { mailOptions } from './mail/options.js';
import type { ServiceOptions } from './service.js';

interface Option {
  flag: string;
  env?: string;
  help: string;
  default?: string;
}

export const OPTIONS: Option[] = [
  { flag: 'port', env: 'PORT', help: 'HTTP port; 0 = any free port', default: '8787' },
  { flag: 'host', env: 'HOST', help: 'bind address', default: '127.0.0.1' },
  {
    flag: 'data',
    env: 'PREORDER_DATA',
    help: 'folder of the embedded database',
    default: './preorder-data',
  },
  {
    flag: 'database-url',
    env: 'DATABASE_URL',
    help: 'a PostgreSQL server instead of the embedded database',
  },
  {
    flag: 'admin-token',
    env: 'ADMIN_TOKEN',
    help: 'bearer token for /admin/* and /orders (none: they answer 503)',
  },
  {
    flag: 'time-zone',
    env: 'STORE_TIME_ZONE',
    help: 'the store\'s IANA zone ("today", receipts\' dates)',
    default: 'UTC',
  },
  {
    flag: 'shopify-secret',
    env: 'SHOPIFY_WEBHOOK_SECRET',
    help: 'enables /webhooks/shopify/* (not yet served)',
  },
  {
    flag: 'webhook-url',
    env: 'WEBHOOK_URLS',
    help: 'where events are POSTed; comma list, or the flag repeated',
  },
  {
    flag: 'webhook-secret',
    env: 'WEBHOOK_SECRET',
    help: 'signs outgoing events (required with --webhook-url)',
  },
  {
    flag: 'webhook-timeout-ms',
    env: 'WEBHOOK_TIMEOUT_MS',
    help: 'a webhook request without an answer by then has failed',
    default: '10000',
  },
  {
    flag: 'webhook-retry-base-ms',
    env: 'WEBHOOK_RETRY_BASE_MS',
    help: 'bound of the first retry delay (doubling, full jitter)',
    default: '1000',
  },
  {
    flag: 'webhook-retry-max-ms',
    env: 'WEBHOOK_RETRY_MAX_MS',
    help: 'longest delay between two attempts',
    default: '3600000',
  },
  {
    flag: 'webhook-poll-ms',
    env: 'WEBHOOK_POLL_MS',
    help: "longest wait before looking for other instances' events",
    default: '1000',
  },
  {
    flag: 'smtp-url',
    env: 'SMTP_URL',
    help: 'smtp:// or smtps:// server for the delay emails (retried as --webhook-retry-*)',
  },
  { flag: 'mail-from', env: 'MAIL_FROM', help: 'sender address (required with --smtp-url)' },
  {
    flag: 'public-url',
    env: 'PUBLIC_URL',
    help: 'the URL customers reach the service at (default the listening URL)',
  },
  {
    flag: 'link-secret',
    env: 'LINK_SECRET',
    help: "signs the emails' cancel links (default: derived from --admin-token)",
  },
  {
    flag: 'mail-labels',
    env: 'MAIL_LABELS',
    help: "a JSON file of the emails' and pages' strings by locale, then key",
  },
  {
    flag: 'seed',
    help: 'a JSON file of products and purchase orders loaded at start (idempotent)',
  },
  {
    flag: 'cache-max-age',
    env: 'CACHE_MAX_AGE',
    help: 'max-age of the public reads, seconds',
    default: '5',
  },
  {
    flag: 'stale-while-revalidate',
    env: 'CACHE_STALE_WHILE_REVALIDATE',
    help: 'stale-while-revalidate of the public reads, seconds',
    default: '60',
  },
  {
    flag: 'record-cache',
    env: 'RECORD_CACHE',
    help: 'records kept computed in memory; 0 = none',
    default: '10000',
  },
  {
    flag: 'log-level',
    env: 'LOG_LEVEL',
    help: 'fatal, error, warn, info, debug, trace or silent',
    default: 'info',
  },
];

export type RawOptions = Record<string, string | undefined>;

/** Flags over environment over defaults. */
export function resolveRaw(flags: RawOptions, env: NodeJS.ProcessEnv): RawOptions {
  const raw: RawOptions = {};
  for (const option of OPTIONS) {
    const fromEnv = option.env ? env[option.env] : undefined;
    raw[option.flag] =
      flags[option.flag] ?? (fromEnv !== '' ? fromEnv : undefined) ?? option.default;
  }
  return raw;
}

function integer(raw: RawOptions, flag: string, max: number): number {
  const text = raw[flag] ?? '';
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max)
    throw new Error(`--${flag}: expected an integer from 0 to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

/** --webhook-url's list (each an http or https URL) and the rest of the delivery options; undefined without a URL. */
function webhookOptions(raw: RawOptions, mail: boolean): WebhookOptions | undefined {
  const urls = (raw['webhook-url'] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  // Email alone still needs the delivery settings (its retries are the webhooks').
  if (urls.length === 0 && !mail) return undefined;
  for (const url of urls)
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new Error(
        `--webhook-url: expected http:// or https:// URLs, got ${JSON.stringify(url)}`,
      );
  const secret = raw['webhook-secret'] ?? '';
  if (!secret && urls.length > 0)
    throw new Error('--webhook-secret: required with --webhook-url (events are always signed)');
  const timeoutMs = integer(raw, 'webhook-timeout-ms', 600_000);
  if (timeoutMs === 0) throw new Error('--webhook-timeout-ms: expected at least 1');
  return {
    urls: [...new Set(urls)],
    secret,
    timeoutMs,
    retryBaseMs: integer(raw, 'webhook-retry-base-ms', 86_400_000),
    retryMaxMs: integer(raw, 'webhook-retry-max-ms', 604_800_000),
    pollMs: Math.max(1, integer(raw, 'webhook-poll-ms', 3_600_000)),
  };
}

/** The service's options, or an error naming the option and what it expects. */
export function toServiceOptions(raw: RawOptions): ServiceOptions & { extra: RawOptions } {
  const timeZone = raw['time-zone'] as string;
  if (!isTimeZone(timeZone))
    throw new Error(
      `--time-zone: expected an IANA time zone such as Europe/Berlin, got ${JSON.stringify(timeZone)}`,
    );
  const url = raw['database-url'];
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url))
    throw new Error('--database-url: expected postgres://user:password@host:port/database');
  const level = raw['log-level'] as string;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level))
    throw new Error(
      `--log-level: expected fatal, error, warn, info, debug, trace or silent, got ${JSON.stringify(level)}`,
    );
  return {
    port: integer(raw, 'port', 65535),
    host: raw.host as string,
    data: raw.data as string,
    databaseUrl: url,
    adminToken: raw['admin-token'],
    timeZone,
    seed: raw.seed,
    maxAge: integer(raw, 'cache-max-age', 31_536_000),
    staleWhileRevalidate: integer(raw, 'stale-while-revalidate', 31_536_000),
    recordCache: integer(raw, 'record-cache', 10_000_000),
    logger: { level },
    webhooks: webhookOptions(raw, raw['smtp-url'] !== undefined),
    mail: mailOptions(raw),
    // Options of the next issue (email, Shopify): parsed and kept.
    extra: raw,
  };
}

export function usage(): string {
  const lines = OPTIONS.map((o) => {
    const name = `  --${o.flag}${o.env ? ` (${o.env})` : ''}`;
    return `${name.padEnd(52)} ${o.help}${o.default ? ` [${o.default}]` : ''}`;
  });
  return `Usage: preorder-service serve [options]\n\nOptions (each also an environment variable):\n${lines.join('\n')}\n`;
}
