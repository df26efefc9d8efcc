// What the demo's service sends, caught on this machine: an SMTP server that
// keeps every email (smtp-server, parsed with mailparser) and a webhook
// receiver that checks each event's signature. The page watches both through
// the dev server (GET /demo-service/messages: Server-Sent Events, the kept
// messages first, then each new one). Nothing leaves the machine.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Messages kept for the page (the newest); older ones are dropped. */
const KEPT = 200;

function validSignature(body, header, secret) {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });

/**
 * Starts both catchers. Answers the options for the service (`smtpUrl`,
 * `webhookUrl`, `webhookSecret`), `middleware` for the dev server, and `close`.
 */
export async function startMessageCatcher({ webhookSecret = 'demo-webhook-secret' } = {}) {
  const kept = [];
  const watchers = new Set();
  let nextId = 1;
  const keep = (message) => {
    const entry = { id: nextId++, at: new Date().toISOString(), ...message };
    kept.push(entry);
    if (kept.length > KEPT) kept.shift();
    const frame = `id: ${entry.id}\ndata: ${JSON.stringify(entry)}\n\n`;
    for (const response of watchers) response.write(frame);
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'preorder-elements demo mail catcher',
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          keep({
            kind: 'email',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', '),
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            // The language the mail is written in: its header, else its HTML part's lang.
            language:
              mail.headers.get('content-language') ??
              /<html[^>]*\slang="([^"]+)"/i.exec(String(mail.html))?.[1] ??
              '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        },
        (error) => callback(error),
      );
    },
  });

  const hooks = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      let event;
      try {
        event = JSON.parse(body.toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      keep({
        kind: 'webhook',
        type: String(event.type ?? ''),
        eventId: String(event.id ?? ''),
        occurredAt: String(event.occurredAt ?? ''),
        data: event.data ?? null,
        signatureValid: validSignature(
          body,
          request.headers['x-preorder-signature'],
          webhookSecret,
        ),
      });
      response.writeHead(204).end();
    });
  });

  const [smtpPort, hookPort] = await Promise.all([listen(smtp.server), listen(hooks)]);

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webhookUrl: `http://127.0.0.1:${hookPort}/events`,
    webhookSecret,
    /** Empties the kept messages (on "Reset all data"). */
    clear() {
      kept.length = 0;
      for (const response of watchers) response.write('event: clear\ndata: {}\n\n');
    },
    /** GET: the kept messages, then each new one, as Server-Sent Events. */
    middleware(request, response) {
      if (request.method !== 'GET') return response.writeHead(405).end();
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      for (const entry of kept)
        response.write(`id: ${entry.id}\ndata: ${JSON.stringify(entry)}\n\n`);
      watchers.add(response);
      request.on('close', () => watchers.delete(response));
    },
    async close() {
      for (const response of watchers) response.end();
      await Promise.all([
        new Promise((resolve) => smtp.close(resolve)),
        new Promise((resolve) => hooks.close(resolve)),
      ]);
    },
  };
}
