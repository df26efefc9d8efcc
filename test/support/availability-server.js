// A real HTTP availability endpoint for browser tests, served by the test
// runner's own server. It counts requests per test run so tests can assert
// request counts and attempts at the server, and it plays every fault.
//
//   /mock/availability?run=ID&skus=A,B     batched: JSON array of records
//   /mock/availability/SKU?run=ID          single: one record
//   /mock/log?run=ID                       { count, urls } seen for that run
// Knobs (query): status=500|503|429|404, failTimes=N (then succeed),
// retryAfter=1|date, delay=ms, body=malformed|html|text-type|trickle|schema|object,
// maxAge=N (a cacheable answer), chunked=1 (no Content-Length).
// The SKU names its record (mock/records.js): "missing-..." is left out of the
// answers, "slowN-..." answers after N ms.
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  answerAvailability,
  failure,
  json,
  readDelay,
  readRoute,
  requestedSkus,
} from '../../mock/availability.js';
import { namedDelay, namedRecord } from '../../mock/records.js';
import { requestLogs } from '../../mock/request-log.js';

export { recordFor } from '../../mock/records.js';

const MAX_DELAY_MS = 15_000;
const AVAILABILITY_PATH = '/mock/availability';

/** Koa's way to send a mock answer. */
function reply(ctx, { status, headers, body }) {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
}

/** One byte every 200 ms: headers arrive at once, the body never finishes in time. */
async function* trickle(text) {
  for (const byte of text) {
    await sleep(200);
    yield byte;
  }
}

export function availabilityServer() {
  const logs = requestLogs();
  const signups = {};
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    if (!url.pathname.startsWith('/mock/')) return next();
    const run = url.searchParams.get('run') ?? 'default';
    // "Notify me" sign-ups: answered with ?status= (default 202), bodies kept per run.
    if (url.pathname === '/mock/notify') {
      if (ctx.method === 'POST') {
        let raw = '';
        for await (const chunk of ctx.req) raw += chunk;
        (signups[run] ??= []).push(JSON.parse(raw));
      }
      return reply(ctx, json(Number(url.searchParams.get('status') ?? 202), {}));
    }
    if (url.pathname === '/mock/notify-log') return reply(ctx, json(200, signups[run] ?? []));
    if (url.pathname === '/mock/log') {
      const { count, urls } = logs.of(run);
      return reply(ctx, json(200, { count, urls }));
    }
    const skus = requestedSkus(readRoute(url, AVAILABILITY_PATH));
    const answered = logs.begin(run, url, skus);
    try {
      const q = (name) => url.searchParams.get(name);
      const delay = readDelay(q('delay') ?? namedDelay(skus), MAX_DELAY_MS);
      if (delay > 0) await sleep(delay);

      const status = Number(q('status') ?? 0);
      if (status && logs.of(run).count <= Number(q('failTimes') ?? Infinity)) {
        const retryAfter = q('retryAfter');
        const date = retryAfter === 'date' && new Date(Date.now() + 1500).toUTCString();
        return reply(ctx, failure(status, date || retryAfter));
      }
      // `body=trickle` is no broken kind of answerAvailability's: the good answer, sent slowly.
      const found =
        answerAvailability(url, AVAILABILITY_PATH, namedRecord, q('body')) ??
        json(404, { error: 'not found' });
      reply(ctx, found);
      // `maxAge=N`: an answer the browser may cache (refresh() must get past it).
      if (q('maxAge')) ctx.set('Cache-Control', `max-age=${Number(q('maxAge'))}`);
      // A stream body has no Content-Length unless set: the trickle declares
      // its own, `chunked=1` sends the answer with none.
      if (q('body') === 'trickle' && found.status === 200) {
        ctx.body = Readable.from(trickle(found.body));
        ctx.length = Buffer.byteLength(found.body);
      } else if (q('chunked')) ctx.body = Readable.from([found.body]);
    } finally {
      answered();
    }
  };
}

/**
 * `executeServerCommand('go-offline', { afterMs, forMs })`: real offline mode
 * from afterMs to afterMs + forMs, through Playwright (Chromium) or puppeteer
 * (Firefox over WebDriver BiDi). The server switches it back on its own,
 * because while offline the page cannot reach the runner. Answers true when
 * it will, and false where the browser cannot be taken offline (WebDriver
 * classic has no such command): the test then skips, saying why.
 */
export function offlineCommandPlugin() {
  return {
    name: 'go-offline',
    async executeCommand({ command, payload, session }) {
      if (command !== 'go-offline') return undefined;
      const setOffline = await offlineSwitch(session);
      if (!setOffline) return false;
      const afterMs = payload?.afterMs ?? 50;
      const report = (error) => console.error('[go-offline]', error);
      setTimeout(() => setOffline(true).catch(report), afterMs);
      setTimeout(() => setOffline(false).catch(report), afterMs + (payload?.forMs ?? 500));
      return true;
    },
  };
}

/** A function that takes the session's page off the network and back, or undefined. */
async function offlineSwitch({ browser, id }) {
  if (browser.type === 'playwright') {
    const context = browser.getPage(id).context();
    return (offline) => context.setOffline(offline);
  }
  if (browser.type === 'puppeteer') {
    const page = browser.getPage(id);
    try {
      await page.setOfflineMode(false); // a probe: throws where the protocol lacks it
    } catch {
      return undefined;
    }
    return (offline) => page.setOfflineMode(offline);
  }
  return undefined;
}
