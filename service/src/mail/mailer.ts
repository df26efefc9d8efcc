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

/**
 * `timeoutMs` (optional, default 30 s): the bound of each wait on the server
 * (connecting, its greeting, any answer); one over it fails the send.
 */
export function createMailer(options: {
  smtpUrl: string;
  from: string;
  timeoutMs?: number;
}): Mailer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
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
