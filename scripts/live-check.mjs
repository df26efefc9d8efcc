#!/usr/bin/env node
// `npm run test:live`: a page with data-live on the real service, in Chromium,
// Firefox and WebKit. The service runs on a temporary embedded database with a
// seed (one SKU and purchase order per browser); the page is the script-tag
// build with data-endpoint and data-live pointed at it. For each browser: the
// page shows the seeded date, the purchase order is moved (PATCH
// /admin/purchase-orders/{id}), and within 2 s the page shows the new date and
// "Now expected ... (was ...)" and raises expected-date-change, with no reload
// and no console error. Needs `npm run build` first; WebKit needs an X
// display (this script re-runs itself under `xvfb-run -a` when there is none).
// Browsers as the test configs start them: Chromium through playwright-core,
// Firefox (firefox-esr) through puppeteer-core over WebDriver BiDi, WebKit
// (MiniBrowser) through WebKitWebDriver and webdriverio. Exit code 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { launchChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';

if (!process.env.DISPLAY && !process.env.LIVE_CHECK_NO_XVFB) {
  const { status } = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, LIVE_CHECK_NO_XVFB: '1' },
  });
  process.exit(status ?? 1);
}

/** How soon the page must show a moved purchase order (the bar), ms. */
const WITHIN_MS = 2000;
/** How long anything else may take before the check fails, ms. */
const PATIENCE_MS = 15_000;
const TOKEN = 'live-check';
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const BROWSERS = ['Chromium', 'Firefox', 'WebKit'];
const skuOf = (name) => `LIVE-${name.toUpperCase()}`;

// ---- the service, on a temporary database ----
const dir = mkdtempSync(join(tmpdir(), 'live-check-'));
writeFileSync(
  join(dir, 'seed.json'),
  JSON.stringify({
    products: BROWSERS.map((name) => ({
      sku: skuOf(name),
      title: `Lamp for ${name}`,
      releaseDate: '2027-03-01',
      cap: 100,
      datePrecision: 'day',
    })),
    purchaseOrders: BROWSERS.map((name) => ({
      id: `PO-${skuOf(name)}`,
      sku: skuOf(name),
      quantity: 100,
      expectedDate: '2027-03-01',
    })),
  }),
);
const servicePort = await freePort();
const service = spawn(
  process.execPath,
  [
    'service/bin/preorder-service.js',
    'serve',
    ...['--port', String(servicePort), '--data', join(dir, 'data')],
    ...['--admin-token', TOKEN, '--seed', join(dir, 'seed.json'), '--log-level', 'warn'],
  ],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
const serviceUrl = `http://127.0.0.1:${servicePort}`;

const cleanups = [];
const cleanup = async () => {
  for (const step of cleanups.reverse()) await step().catch(() => {});
  service.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};

/** Retries `probe` until it answers truthy, or fails after PATIENCE_MS. */
async function until(probe, what) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
await until(async () => (await fetch(`${serviceUrl}/healthz`)).ok, 'the service to answer');

// ---- the page, from a server of its own (the service's public routes send CORS *) ----
const script = readFileSync('dist/preorder-elements.js');
const live = readFileSync('dist/preorder-elements.live.js');
const page = (sku) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>live check</title>
<script>
  // What the check reads: errors of any kind, the change events, and this document's identity.
  window.__errors = [];
  const error = console.error.bind(console);
  console.error = (...args) => { __errors.push(args.map(String).join(' ')); error(...args); };
  addEventListener('error', (e) => __errors.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => __errors.push('unhandled: ' + String(e.reason)));
  window.__document = Math.random();
  window.__changes = [];
  document.addEventListener('expected-date-change', (e) => __changes.push(e.detail));
  // The page's event streams, so the check can wait for one to be open.
  window.__sources = [];
  window.EventSource = class extends EventSource {
    constructor(...args) { super(...args); __sources.push(this); }
  };
</script>
<script src="/preorder-elements.js"
  data-endpoint="${serviceUrl}/availability?skus={skus}"
  data-live="${serviceUrl}/events?skus={skus}"></script>
</head><body>
<expected-date sku="${sku}"></expected-date>
<order-button sku="${sku}"></order-button>
</body></html>`;
const pageServer = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/preorder-elements.js' || url.pathname === '/preorder-elements.live.js')
    return res
      .writeHead(200, { 'content-type': 'text/javascript' })
      .end(url.pathname.endsWith('live.js') ? live : script);
  if (url.pathname === '/page.html')
    return res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(page(url.searchParams.get('sku')));
  // Browsers ask for it regardless; a 404 would be a console error.
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
  res.writeHead(404).end();
});
await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
cleanups.push(() => new Promise((resolve) => pageServer.close(resolve)));
const origin = `http://127.0.0.1:${pageServer.address().port}`;

// ---- in the page: what it shows, and a wait for a condition with a deadline ----
// One function body, run by each driver as a script returning a promise.
const SHOWN = `
  const text = (selector) => {
    const el = document.querySelector(selector);
    return ((el && el.shadowRoot && el.shadowRoot.textContent) || '').replace(/\\s+/g, ' ').trim();
  };`;
/** A script resolving, once `want` is in the page's <expected-date> (or at `ms`), with what the page shows. */
const waitFor = (want, ms) => `${SHOWN}
  return new Promise((resolve) => {
    const started = Date.now();
    const look = () => {
      const date = text('expected-date');
      const done = date.includes(${JSON.stringify(want)});
      if (done || Date.now() - started > ${ms}) {
        const button = document.querySelector('order-button');
        resolve({
          seen: done, at: Date.now(), date, button: text('order-button'),
          buttonStatus: button && button.getAttribute('status'),
          errors: window.__errors, changes: window.__changes, document: window.__document,
        });
      } else setTimeout(look, 20);
    };
    look();
  });`;

/** A script resolving, once one of the page's EventSources is open (or at `ms`), with them all. */
const streamOpen = (ms) => `
  return new Promise((resolve) => {
    const started = Date.now();
    const look = () => {
      const sources = window.__sources.map((s) => ({ url: s.url, open: s.readyState === 1 }));
      if (sources.some((s) => s.open) || Date.now() - started > ${ms}) resolve(sources);
      else setTimeout(look, 20);
    };
    look();
  });`;

// ---- the three drivers: open(url), run(script body) -> value ----
/** The browser's own console errors too (a failed request, a CSP refusal), where the driver has them. */
const browserErrors = [];
const watchConsole = (tab) => {
  tab.on('pageerror', (error) => browserErrors.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
};
/** One tab of a Playwright or Puppeteer browser (the same page API), closed at the end. */
async function tabOf(browser) {
  cleanups.push(() => browser.close());
  const tab = await browser.newPage();
  watchConsole(tab);
  return {
    open: (url) => tab.goto(url),
    run: (body) => tab.evaluate(`(async () => { ${body} })()`),
  };
}

const chromium = async () => tabOf(await launchChromium());
const firefox = async () =>
  tabOf(await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true }));

async function webkit() {
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  cleanups.push(async () => process.kill(-driver.pid, 'SIGTERM'));
  await until(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 'WebKitWebDriver');
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  });
  cleanups.push(() => browser.deleteSession());
  return {
    open: (url) => browser.url(url),
    run: (body) => browser.execute(body),
  };
}

const DRIVERS = { Chromium: chromium, Firefox: firefox, WebKit: webkit };

// ---- the check ----
const failures = [];
const check = (name, ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(`${name}: ${what}`);
};

/** Each browser moves its own purchase order to its own date. */
const MOVES = { Chromium: '2027-04-15', Firefox: '2027-05-17', WebKit: '2027-06-14' };
const SAID = { Chromium: '15 April 2027', Firefox: '17 May 2027', WebKit: '14 June 2027' };

try {
  for (const name of BROWSERS) {
    console.log(`\n${name}:`);
    const sku = skuOf(name);
    try {
      const driver = await DRIVERS[name]();
      await driver.open(`${origin}/page.html?sku=${sku}`);
      const before = await driver.run(waitFor('1 March 2027', PATIENCE_MS));
      check(name, before.seen, `shows the seeded date: "${before.date}"`);
      // A change before the page's stream is open would not reach it: wait for that.
      const sources = await driver.run(streamOpen(PATIENCE_MS));
      check(name, sources.length === 1 && sources[0].open, `one stream: ${sources[0]?.url}`);

      const moved = Date.now();
      const patch = await fetch(`${serviceUrl}/admin/purchase-orders/PO-${sku}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ expectedDate: MOVES[name] }),
      });
      check(name, patch.ok, `PATCH /admin/purchase-orders/PO-${sku}: ${patch.status}`);
      const after = await driver.run(waitFor(`Now expected ${SAID[name]}`, PATIENCE_MS));
      const ms = after.at - moved;
      check(name, after.seen, `shows the move: "${after.date}"`);
      check(name, after.seen && ms <= WITHIN_MS, `within ${WITHIN_MS} ms: ${ms} ms`);
      check(
        name,
        after.date.includes('(was 1 March 2027)'),
        'says what it was: "(was 1 March 2027)"',
      );
      check(
        name,
        after.changes.length === 1 && after.changes[0].current === MOVES[name],
        `expected-date-change: ${JSON.stringify(after.changes)}`,
      );
      check(name, after.document === before.document, 'no reload (the same document)');
      check(
        name,
        before.button !== '' && after.buttonStatus === 'preorder',
        `order button: "${after.button}"`,
      );
      const errors = [...after.errors, ...browserErrors.splice(0)];
      check(name, errors.length === 0, `no console error: ${JSON.stringify(errors)}`);
    } catch (error) {
      check(name, false, `ran: ${error.stack ?? error}`);
    }
    while (cleanups.length > 1)
      await cleanups
        .pop()()
        .catch(() => {});
  }
} finally {
  await cleanup();
}

console.log(failures.length ? `\n${failures.length} failed:\n${failures.join('\n')}` : '\nall ok');
process.exit(failures.length ? 1 : 0);
