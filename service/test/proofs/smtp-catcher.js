/**
 * A real SMTP server for the email proofs (smtp-server), keeping every
 * message it accepts, parsed (mailparser). Waits are for conditions on what
 * arrived, bounded so a broken sender fails instead of hanging.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const WAIT_LIMIT_MS = 30_000;

export async function startSmtpCatcher() {
  /** { to, subject, text, html } in arrival order. */
  const messages = [];
  const waiters = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          for (const waiter of waiters) waiter();
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    /** The messages to `address`. */
    to: (address) => messages.filter((m) => m.to === address),
    /** Resolves with the first message matching `predicate` once it is there. */
    until(predicate, what, limitMs = WAIT_LIMIT_MS) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = messages.find(predicate);
          if (!match) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(match);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no email within ${limitMs} ms: ${what}; got ${messages.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`,
            ),
          );
        }, limitMs);
        waiters.add(check);
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
