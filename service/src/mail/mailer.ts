/**
 * Sending one email over SMTP (nodemailer). The rest of the service knows only
 * this interface: the delivery worker sends through it, tests point it at a
 * local SMTP server. A send resolves once the server accepted the message and
 * rejects with the server's reason otherwise (the worker retries).
 */
import { createTransport } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** A server that does not answer within this is a failed attempt, ms. */
const TIMEOUT_MS = 30_000;

export function createMailer(options: { smtpUrl: string; from: string }): Mailer {
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(message) {
      await transport.sendMail({ ...message, from: options.from });
    },
    async close() {
      transport.close();
    },
  };
}
