/**
 * A real SMTP server for the email proofs (smtp-server), parsing what it
 * accepts (mailparser). Its policy answers each message's DATA: 250 takes
 * it, a 4xx refuses it ("try again later"), as a busy relay does. Waits are
 * for conditions on what arrived, bounded so a broken sender fails instead
 * of hanging.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { conditions } from './conditions.js';

export async function startSmtp(policy = () => 250) {
  /** Accepted messages, parsed: { to, from, subject, text, html }. */
  const messages = [];
  /** Every DATA, in arrival order: { to, code }. */
  const attempts = [];
  const { check, until } = conditions('smtp', () => ` (${messages.length} messages)`);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const code = await catcher.policy({ to });
        attempts.push({ to, code });
        if (code !== 250) {
          const refusal = new Error('try again later');
          refusal.responseCode = code;
          callback(refusal);
          check();
          return;
        }
        const parsed = await simpleParser(Buffer.concat(chunks));
        messages.push({
          to: parsed.to?.text ?? to,
          from: parsed.from?.text,
          subject: parsed.subject,
          text: parsed.text,
          html: parsed.html,
        });
        callback();
        check();
      });
    },
  });
  const catcher = {
    messages,
    attempts,
    policy,
    url: '',
    until,
    /** The accepted messages to `address`. */
    to: (address) => messages.filter((m) => m.to === address),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  catcher.url = `smtp://127.0.0.1:${server.server.address().port}`;
  return catcher;
}
