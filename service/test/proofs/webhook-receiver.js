/**
 * A real webhook receiver for the delivery tests: a node:http server that
 * records every request (body, signature, whether it verifies) and answers
 * what the test's policy says: a status, or a promise of one (a request held
 * open). Waits are for conditions on what arrived, bounded so a broken
 * worker fails instead of hanging.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { conditions } from './conditions.js';

/** The check a receiver makes (as README "Webhooks" shows it). */
export function verifySignature(rawBody, header, secret) {
  const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/** The key events are ordered by: their order, else their SKU. */
export const orderingKey = (event) =>
  event.data.orderId !== undefined ? `order:${event.data.orderId}` : `sku:${event.data.sku}`;

export async function startReceiver(secret, policy = () => 200) {
  /** Every request in arrival order: { path, id, event, raw, signature, valid, contentType, status, open }. */
  const requests = [];
  /** The requests answered 2xx, in the order they were answered. */
  const acked = [];
  const { check, until } = conditions('receiver');
  const receiver = {
    requests,
    acked,
    policy,
    url: '',
    until,
    /** Ids acked at `path` (all paths when omitted), each once. */
    ackedIds(path) {
      return new Set(acked.filter((r) => path === undefined || r.path === path).map((r) => r.id));
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(raw);
      const request = {
        path: req.url,
        id: event.id,
        event,
        raw,
        signature: req.headers['x-preorder-signature'],
        valid: verifySignature(raw, req.headers['x-preorder-signature'], secret),
        contentType: req.headers['content-type'],
        status: null,
        /** Until the service closes the connection (answered, timed out, or killed). */
        open: true,
      };
      res.on('close', () => (request.open = false));
      requests.push(request);
      check();
      const status = await receiver.policy(request);
      if (res.destroyed) return; // the service was killed while this was held
      request.status = status;
      if (status >= 200 && status < 300) acked.push(request);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
      check();
    });
    res.on('error', () => undefined);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${server.address().port}`;
  return receiver;
}

/**
 * Per ordering key, the acked ids never go back: a later event of an order
 * is acked only after every earlier one (a repeat of the last is allowed:
 * at least once). Answers the first violation, or null.
 */
export function orderViolation(acked) {
  const last = new Map();
  for (const { event } of acked) {
    const key = `${orderingKey(event)}`;
    const id = Number(event.id);
    if (last.has(key) && id < last.get(key))
      return `${key}: event ${id} acked after event ${last.get(key)}`;
    last.set(key, id);
  }
  return null;
}
