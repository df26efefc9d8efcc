// A real HTTP availability endpoint for browser tests, served by the test
// runner's own server. It counts requests per test run so tests can assert
// request counts and attempts at the server, and it plays every fault.
//
//   /mock/availability?run=ID&skus=A,B     batched: JSON array of records
//   /mock/availability/SKU?run=ID          single: one record
//   /mock/log?run=ID                       { count, urls } seen for that run
// Knobs (query): status=500|503|429|404, failTimes=N (then succeed),
// retryAfter=1|date, delay=ms, body=malformed|html|text-type|trickle|schema|object.
// A SKU named "missing-..." is left out of batch answers; "slowN-..." answers after N ms.
import { Readable } from 'node:stream';

const runs = new Map();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The SKU names its state (after any "slowN-" prefix): "pre-..." a pre-order,
// "back-..." a backorder, "out-..." sold out; anything else is in stock.
export function recordFor(sku) {
  const name = sku.replace(/^slow\d+-/, '');
  if (name.startsWith('pre-')) return { sku, status: 'preorder', expectedDate: '2027-03-12' };
  if (name.startsWith('back-')) return { sku, status: 'backorder', expectedDate: '2027-01-15' };
  if (name.startsWith('out-')) return { sku, onHand: 0 };
  return { sku, onHand: 5, status: 'in_stock' };
}

export function availabilityServer() {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    if (!url.pathname.startsWith('/mock/')) return next();
    const run = url.searchParams.get('run') ?? 'default';
    const log = runs.get(run) ?? { count: 0, urls: [] };
    runs.set(run, log);

    if (url.pathname === '/mock/log') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = log;
      return;
    }
    log.count += 1;
    log.urls.push(url.pathname + url.search);
    const q = (name) => url.searchParams.get(name);

    const single = url.pathname.startsWith('/mock/availability/');
    const skus = single
      ? [decodeURIComponent(url.pathname.slice('/mock/availability/'.length))]
      : (/[?&]skus=([^&]*)/.exec(url.search)?.[1] ?? '')
          .split(',')
          .filter(Boolean)
          .map(decodeURIComponent);
    const slow = /^slow(\d+)-/.exec(skus[0] ?? '');
    const delay = Number(q('delay') ?? (slow ? slow[1] : 0));
    if (delay > 0) await sleep(Math.min(delay, 15000));
    ctx.set('Cache-Control', 'no-store');

    const status = Number(q('status') ?? 0);
    if (status && log.count <= Number(q('failTimes') ?? Infinity)) {
      ctx.status = status;
      const retryAfter = q('retryAfter');
      if (retryAfter === 'date') ctx.set('Retry-After', new Date(Date.now() + 1500).toUTCString());
      else if (retryAfter) ctx.set('Retry-After', retryAfter);
      ctx.body = { error: `status ${status}` };
      return;
    }
    const records = skus.filter((sku) => !sku.startsWith('missing-')).map(recordFor);
    const json = JSON.stringify(single ? (records[0] ?? {}) : records);
    switch (q('body')) {
      case 'malformed':
        ctx.type = 'application/json';
        ctx.body = json.slice(0, -3);
        return;
      case 'html':
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><title>Oops</title><h1>Service unavailable</h1>';
        return;
      case 'text-type':
        ctx.type = 'text/plain';
        ctx.body = json;
        return;
      case 'schema':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(
          skus.map((sku) => ({ sku, onHand: 'lots', status: 42, incoming: 'soon', reserved: -3 })),
        );
        return;
      case 'object':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ data: { items: records } });
        return;
      case 'trickle': {
        ctx.type = 'application/json';
        // One byte every 200 ms: headers arrive at once, the body never finishes in time.
        const bytes = [...json];
        ctx.body = Readable.from(
          (async function* () {
            for (const byte of bytes) {
              await sleep(200);
              yield byte;
            }
          })(),
        );
        return;
      }
      default:
        ctx.type = 'application/json';
        ctx.body = json;
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
