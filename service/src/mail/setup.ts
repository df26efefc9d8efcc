/** The email pieces the service starts: the mailer, the delivery target, the cancel routes' options. */
import type { WebhookOptions } from '../delivery/worker.js';
import type { LinkOptions } from '../http/routes-cancel.js';
import type { Db } from '../storage/db.js';
import type { MailLabels } from 'preorder-elements/text';
import { type Mailer, createMailer } from './mailer.js';
import { notifyMailTarget } from './notify-target.js';
import { type MailTargetOptions, mailTarget } from './target.js';

export interface MailOptions {
  /** smtp:// or smtps:// */
  smtpUrl: string;
  from: string;
  /** Where customers reach the service (the links' origin); default the listening URL. */
  publicUrl?: string | undefined;
  /** Signs the cancel links. */
  linkSecret: string;
  labels?: MailLabels | undefined;
  /** Instead of an SMTP transport (library users, tests). */
  mailer?: Mailer | undefined;
}

/** Retry settings when email is the only target (the CLI passes its --webhook-* ones instead). */
const DELIVERY: WebhookOptions = {
  urls: [],
  secret: '',
  timeoutMs: 10_000,
  retryBaseMs: 1000,
  retryMaxMs: 3_600_000,
  pollMs: 1000,
};

/** `delivery`: the worker's settings (the webhooks' when there are any); its timeout bounds each SMTP wait too. */
export function mailPieces(options: MailOptions, delivery: WebhookOptions = DELIVERY) {
  const { timeoutMs } = delivery;
  const mailer =
    options.mailer ?? createMailer({ smtpUrl: options.smtpUrl, from: options.from, timeoutMs });
  const links: LinkOptions = { secret: options.linkSecret, labels: options.labels };
  const targetOptions = (listeningUrl: string): MailTargetOptions => ({
    mailer,
    publicUrl: options.publicUrl ?? listeningUrl,
    linkSecret: options.linkSecret,
    labels: options.labels,
    timeoutMs,
  });
  return {
    mailer,
    links,
    delivery,
    target: (db: Db, listeningUrl: string) => mailTarget(db, targetOptions(listeningUrl)),
    /** The "notify me" emails (notify-target.ts): a queue of their own. */
    notifyTarget: (db: Db, listeningUrl: string) =>
      notifyMailTarget(db, targetOptions(listeningUrl)),
  };
}
