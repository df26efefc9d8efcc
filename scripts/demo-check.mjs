#!/usr/bin/env node
// `npm run test:demo`: drives the demo in headless Chromium, twice: as `npm
// start` runs it (demo/server.mjs: the availability service on a fresh SQLite
// folder, the product page and collection from it, the gallery from the Vite
// server's mock endpoint) and on the static build (vite.demo.config.ts, the
// endpoint answered in the page, served as plain files). Checks every gallery state's text, the variant switch, the
// quantity, the tagged form data, the merchant's edits and supply actions, the
// fault switch's fallback, locale, theme and snippet, the one batched request,
// and that the console stays free of errors. Exit code 1 on any failure.
//   --dev     `npm start` (the service) only
//   --static  the static build only
// CHROME_PATH overrides the browser (default: Debian's /usr/bin/chromium).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';
import { build } from 'vite';
import { startDemo } from '../demo/server.mjs';

// axe-core comes with the test tooling (@open-wc/testing); without it that check is skipped.
let axePath = null;
try {
  axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
} catch {
  axePath = null;
}

const args = new Set(process.argv.slice(2));
const runDev = !args.has('--static') || args.has('--dev');
const runStatic = !args.has('--dev') || args.has('--static');
const WAIT = { timeout: 15_000 };
const started = Date.now();
const failures = [];

/** Serves a folder as plain files, as any static host would. */
async function serveStatic(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return res.writeHead(403).end();
    try {
      const file = url.pathname.endsWith('/') ? join(path, 'index.html') : path;
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/demo/`, close: () => server.close() };
}

const browser = await launchChromium();

/** Runs every check against the demo at `url`. */
async function checkDemo(name, url, { accessibility = false, service = false } = {}) {
  console.log(`\n${name}: ${url}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url ?? '';
    // The browser's own line for the failing endpoints the demo asks for on purpose.
    if (/^Failed to load resource/.test(message.text()) && /fault=/.test(where)) return;
    consoleErrors.push(`${message.text()} (${where})`);
  });

  const check = (ok, what, detail = '') => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n       ${detail}`}`);
    if (!ok) failures.push(`${name}: ${what}`);
  };
  /** Waits until `predicate` (run in the page) is true; records a failure, never throws. */
  const waitFor = async (what, predicate, arg) => {
    try {
      await page.waitForFunction(predicate, arg, WAIT);
      check(true, what);
      return true;
    } catch {
      check(false, what, `still false after ${WAIT.timeout / 1000} s`);
      return false;
    }
  };

  // Text of the widgets in a container, read through their open shadow roots.
  await page.addInitScript(() => {
    const clean = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    window.__read = (selector) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const buttons = [...root.querySelectorAll('order-button')].map((host) => {
        const button =
          host.querySelector(':scope > button') ?? host.shadowRoot?.querySelector('[part=button]');
        return {
          label: clean(button),
          ariaDisabled: button?.getAttribute('aria-disabled') ?? null,
          disabled: Boolean(button?.disabled),
          messages: [...(host.shadowRoot?.querySelectorAll('[part=message]') ?? [])].map(clean),
          status: host.getAttribute('status'),
          loading: host.hasAttribute('loading'),
          hidden: host.hasAttribute('fallback-hidden'),
        };
      });
      const dateHost = root.querySelector('expected-date');
      const badgeHost = root.querySelector('availability-badge');
      return {
        buttons,
        button: buttons[0],
        date: clean(dateHost?.shadowRoot?.querySelector('[part=date]')),
        arrival: clean(dateHost?.shadowRoot?.querySelector('[part=arrival]')),
        notice: clean(dateHost?.shadowRoot?.querySelector('[part=notice]')),
        dateStatus: dateHost?.getAttribute('status') ?? null,
        dateLoading: dateHost?.hasAttribute('loading') ?? null,
        badge: clean(badgeHost?.shadowRoot?.querySelector('[part=badge]')),
        badgeStatus: badgeHost?.getAttribute('status') ?? null,
        badgeLoading: badgeHost?.hasAttribute('loading') ?? null,
        html: [...root.querySelectorAll('order-button')]
          .map((host) => host.shadowRoot?.innerHTML ?? '')
          .join(''),
      };
    };
  });
  const read = (selector) => page.evaluate((s) => window.__read(s), selector);

  await page.goto(url);
  await waitFor('every widget settles (all but the loading row)', () =>
    [...document.querySelectorAll('order-button, expected-date, availability-badge')]
      .filter((e) => !e.closest('[data-state=loading]'))
      .every((e) => e.hasAttribute('status') && !e.hasAttribute('loading')),
  );

  // One batched request for every widget on the page endpoint (and, on the
  // service, one more for the gallery, whose made-up states are the mock's).
  const batch = await page.evaluate((service) => {
    const wanted = new Set();
    const gallery = new Set();
    for (const e of document.querySelectorAll('order-button, expected-date, availability-badge')) {
      if (e.hasAttribute('data-demo-gallery')) gallery.add(e.getAttribute('sku'));
      if (e.hasAttribute('endpoint') || e.hasAttribute('availability')) continue;
      const from = e.getAttribute('sku-from');
      wanted.add(from ? document.querySelector(from)?.value : e.getAttribute('sku'));
    }
    const plain = [...document.querySelectorAll('#network-log li')].filter(
      (li) => li.dataset.knobs === '',
    );
    const on = (path) =>
      plain.filter((li) => li.dataset.path === path).map((li) => Number(li.dataset.skus));
    return {
      wanted: wanted.size,
      gallery: gallery.size,
      page: on(service ? '/service/availability' : '/api/availability'),
      mock: service ? on('/api/availability') : [],
      all: plain.length,
    };
  }, service);
  check(
    batch.page.length === 1 &&
      batch.page[0] === batch.wanted &&
      batch.all === (service ? 2 : 1) &&
      (!service || (batch.mock.length === 1 && batch.mock[0] === batch.gallery)),
    service
      ? `one batched request to the service for all ${batch.wanted} SKUs, one to the mock for the gallery's ${batch.gallery}`
      : `one batched request at load for all ${batch.wanted} SKUs, in the network log`,
    `requests: ${JSON.stringify(batch)}`,
  );
  const encoded = await page.evaluate(() =>
    [...document.querySelectorAll('#network-log li')].some((li) =>
      li.textContent.includes('RUG-LOOM-160%2C230'),
    ),
  );
  check(encoded, 'a SKU with a comma travels URL-encoded (RUG-LOOM-160%2C230)');

  // The gallery: each state's text, on all three elements.
  const has = (list, text) =>
    list.some((m) => (text instanceof RegExp ? text.test(m) : m === text));
  const STATES = {
    'in-stock': (r) =>
      r.button.label === 'Add to cart' &&
      r.button.ariaDisabled === 'false' &&
      r.date === 'In stock, ready to ship' &&
      r.badge === '',
    'in-stock-cutoff': (r) =>
      /^(Order within .+ to ship today|Ships \w+, \w+ \d+)$/.test(r.date) &&
      /^Arrives /.test(r.arrival),
    'low-stock': (r) => has(r.button.messages, 'Only 3 left') && r.badge === 'Only 3 left',
    preorder: (r) =>
      r.button.label === 'Pre-order' &&
      has(r.button.messages, 'Pay 20% today, the rest when it ships') &&
      /^Expected to ship by /.test(r.date) &&
      r.badge === 'Pre-order',
    'preorder-nearly-full': (r) =>
      r.button.label === 'Pre-order' && has(r.button.messages, 'Only 7 left to pre-order'),
    'preorder-full': (r) =>
      r.button.label === 'Sold out' &&
      r.button.ariaDisabled === 'true' &&
      has(r.button.messages, 'Pre-orders are full') &&
      r.badge === 'Sold out',
    backorder: (r) =>
      r.button.label === 'Backorder' &&
      /^Expected to ship by /.test(r.date) &&
      r.badge === 'Backorder',
    'backorder-deposit': (r) =>
      r.button.label === 'Backorder' &&
      has(r.button.messages, 'Pay $50.00 today, the rest when it ships'),
    split: (r) =>
      // Said once: the split stands in <expected-date>, not again under the button.
      !has(r.button.messages, /ship now/) && /^2 ship now, 3 ship by /.test(r.date),
    'sold-out': (r) =>
      r.button.label === 'Sold out' &&
      r.button.ariaDisabled === 'true' &&
      r.badge === 'Sold out' &&
      r.date === '',
    'notify-me': (r) => r.button.label === 'Notify me' && r.button.ariaDisabled === 'false',
    'coming-soon': (r) =>
      r.button.label === 'Coming soon' &&
      /^Release date /.test(r.date) &&
      r.badge === 'Coming soon',
    discontinued: (r) =>
      r.button.label === 'No longer available' && r.badge === 'No longer available',
    loading: (r) =>
      r.button.loading &&
      r.button.status === 'unknown' &&
      r.dateLoading &&
      r.badgeLoading &&
      r.badge === '',
    failing: (r) =>
      r.buttons.length === 3 &&
      r.buttons.every((b) => b.status === 'unknown' && !b.loading) &&
      r.buttons[0].label === 'Add to cart' &&
      r.buttons[0].ariaDisabled === 'false' &&
      r.buttons[1].ariaDisabled === 'true' &&
      has(r.buttons[1].messages, 'Availability could not be loaded') &&
      r.buttons[2].hidden &&
      r.date === '' &&
      r.badge === '',
    'date-moved': (r) =>
      // Said once: the moved sentence carries the new date; no second 'Expected to ship by'.
      /^Now expected .+ \(was .+\)$/.test(r.notice) &&
      !/Expected to ship by/.test(r.date + r.notice),
    window: (r) => /^Ships .+ – .+$/.test(r.date),
    month: (r) => /^Ships in \w+ \d{4}$/.test(r.date),
    quarter: (r) => /^Ships in Q[1-4] \d{4}$/.test(r.date),
    limit: (r) => r.button.ariaDisabled === 'true' && has(r.button.messages, 'Limit 2 per order'),
    'pay-on-ship': (r) => has(r.button.messages, 'Nothing to pay until it ships'),
    queue: (r) => r.button.label === 'Backorder' && /^Expected to ship by /.test(r.date),
    message: (r) =>
      has(r.button.messages, /<img src=x onerror=alert\(1\)> shows as text\.$/) &&
      !r.html.includes('<img'),
  };
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('#gallery [data-state]')].map((e) => e.dataset.state),
  );
  check(
    Object.keys(STATES).every((id) => rows.includes(id)),
    `the gallery has every state (${rows.length} rows)`,
    `missing: ${Object.keys(STATES).filter((id) => !rows.includes(id))}`,
  );
  for (const [id, expected] of Object.entries(STATES)) {
    const r = await read(`#state-${id}`);
    const label = await page.locator(`#state-${id} h4`).textContent();
    check(
      Boolean(r) && expected(r),
      `gallery: ${label}`,
      JSON.stringify({ ...r, html: undefined }),
    );
  }

  // The product page: the theme's form, its own button enhanced.
  const pdp = () => read('.pdp');
  let r = await pdp();
  check(
    r.button.label === 'Add to cart' && /^(Order within|Ships )/.test(r.date),
    'product page: Oat is in stock, with a dispatch promise',
    JSON.stringify(r),
  );

  await page.locator('input[value=LAMP-RUST]').check();
  await waitFor(
    'variant switch: Rust relabels the theme button "Backorder" (the theme script wrote "Sold out")',
    () => {
      const button = document.querySelector('#theme-submit');
      return button.textContent.trim() === 'Backorder' && !button.disabled;
    },
  );
  r = await pdp();
  check(
    /^Expected to ship by /.test(r.date) && r.badge === 'Backorder',
    'variant switch: the expected date and the badge follow the variant',
    JSON.stringify(r),
  );
  await page.locator('#theme-submit').click();
  await waitFor('submit: the tagged line item is shown', () =>
    document.querySelector('#cart-line')?.textContent.includes('properties[_order_type]'),
  );
  const line = await page.evaluate(() => {
    const entries = {};
    const terms = [...document.querySelectorAll('#cart-line dt')];
    for (const dt of terms)
      entries[dt.textContent] = dt.nextElementSibling.querySelector('code').textContent;
    return entries;
  });
  check(
    line.id === 'LAMP-RUST' &&
      line.quantity === '1' &&
      line['properties[_order_type]'] === 'backorder' &&
      /^\d{4}-\d\d-\d\d$/.test(line['properties[_expected_date]'] ?? ''),
    'submit: FormData carries the order type and expected date (ElementInternals)',
    JSON.stringify(line),
  );

  // Supply: a shipment arrives; the queue is served first, the rest goes on hand.
  await page.locator('#receive').click();
  await waitFor('receive a shipment: Rust becomes "Add to cart"', () => {
    const button = document.querySelector('#theme-submit');
    return button.textContent.trim() === 'Add to cart';
  });
  r = await pdp();
  check(
    r.badge === '' && /^(Order within|Ships )/.test(r.date),
    'receive a shipment: the date and badge follow',
    JSON.stringify(r),
  );

  // The quantity stepper is bound to the elements' quantity.
  await page.locator('#quantity').fill('20');
  await waitFor('quantity 20: a mixed order, "14 ship now, 6 ship by …"', () =>
    /^14 ship now, 6 ship by /.test(
      document.querySelector('.pdp expected-date').shadowRoot.textContent.trim(),
    ),
  );
  await page.locator('[data-step="1"]').click();
  check((await page.inputValue('#quantity')) === '21', 'the stepper changes the quantity');
  await page.locator('#quantity').fill('1');

  // A late purchase order: the element remembers the date it showed, and says it moved.
  await page.locator('input[value=LAMP-MOSS]').check();
  await waitFor('variant switch: Moss is a pre-order', () => {
    const button = document.querySelector('#theme-submit');
    const date = document.querySelector('.pdp expected-date');
    return button.textContent.trim() === 'Pre-order' && date.getAttribute('status') === 'preorder';
  });
  await page.waitForFunction(
    () =>
      document.querySelector('#edit-sku').value === 'LAMP-MOSS' &&
      document.querySelector('#raw-record').textContent.includes('LAMP-MOSS'),
    null,
    WAIT,
  );
  await page.locator('#delay').click();
  await waitFor('delay a purchase order: "Now expected … (was …)" appears live', () =>
    /^Now expected .+ \(was .+\)$/.test(
      document
        .querySelector('.pdp expected-date')
        .shadowRoot.querySelector('[part=notice]')
        .textContent.trim(),
    ),
  );
  const logged = await page.locator('#event-log').textContent();
  check(
    /expected-date-change LAMP-MOSS/.test(logged),
    'the event log shows expected-date-change for LAMP-MOSS',
  );

  if (service) {
    // The delay reached the customers it moved: signed events (and emails) in the panel.
    await waitFor('service: the delay is told: signed promise.changed webhook events', () => {
      const hooks = [...document.querySelectorAll('#messages-log [data-kind=webhook]')];
      return (
        hooks.some((item) => item.dataset.type === 'promise.changed') &&
        hooks.every((item) => item.classList.contains('ok'))
      );
    });
    await waitFor("service: and emailed, in the customers' languages, with a cancel link", () => {
      const mails = [...document.querySelectorAll('#messages-log [data-kind=email]')];
      const languages = new Set(mails.map((item) => item.getAttribute('lang')));
      return (
        mails.length > 0 &&
        languages.size > 1 &&
        mails.every((item) => item.querySelector('a[href*="/service/orders/"]'))
      );
    });
    // The real queue: a shopper takes the last 9 units of the Moss run.
    const pdpButton = () => document.querySelector('#theme-submit').textContent.trim();
    await page.locator('#order-quantity').fill('9');
    await page.locator('#place-order').click();
    await waitFor('service: an order for the last 9 units makes Moss "Sold out"', () => {
      const button = document.querySelector('#theme-submit').textContent.trim();
      return (
        button === 'Sold out' &&
        /Order SHOP-\S+ accepted: 9 preorder/.test(
          document.querySelector('#editor-status').textContent,
        ) &&
        document.querySelector('#queue-list [data-order^="SHOP-"]') !== null
      );
    });
    // The merchant orders more: the purchase order grows by 10 units.
    await page.locator('[data-po="PO-LAMP-MOSS-1"] input[type=number]').fill('210');
    await page.locator('[data-po="PO-LAMP-MOSS-1"] button').click();
    await waitFor('service: resizing the purchase order to 210 opens pre-orders again', () => {
      const button = document.querySelector('#theme-submit').textContent.trim();
      return (
        button === 'Pre-order' &&
        document.querySelector('#raw-record').textContent.includes('"quantity": 210')
      );
    });
    // The shopper cancels: their 9 units leave the queue.
    await page.locator('#queue-list [data-order^="SHOP-"] button').click();
    await waitFor('service: cancelling the order takes its units out of the queue', () => {
      const raw = document.querySelector('#raw-record').textContent;
      return (
        raw.includes('"reserved": 191') &&
        document.querySelector('#queue-list [data-order^="SHOP-"]') === null &&
        /cancelled/.test(document.querySelector('#editor-status').textContent)
      );
    });
    check((await page.evaluate(pdpButton)) === 'Pre-order', 'service: Moss is a pre-order again');
    // "Reset all data": the service starts again from its seed.
    await page.locator('#reset-data').click();
    await waitFor('service: reset restores the seeded purchase order (200 units)', () => {
      const raw = document.querySelector('#raw-record').textContent;
      return (
        raw.includes('"quantity": 200') &&
        /back to its starting point/.test(document.querySelector('#editor-status').textContent)
      );
    });
  }

  // The merchant edits facts: every widget showing the SKU updates.
  await page.locator('#edit-sku').selectOption('DEMO-SOLD-OUT');
  await page.waitForFunction(
    () => document.querySelector('#raw-record').textContent.includes('"DEMO-SOLD-OUT"'),
    null,
    WAIT,
  );
  await page.locator('#editor [name=onHand]').fill('4');
  await page.locator('#editor [name=lowStockThreshold]').fill('5');
  await page.locator('#editor button[type=submit]').click();
  await waitFor(
    'edit on hand: both gallery rows of DEMO-SOLD-OUT become "Add to cart", "Only 4 left"',
    () =>
      ['#state-sold-out', '#state-notify-me'].every((row) => {
        const r = window.__read(row);
        return r.button.label === 'Add to cart' && r.badge === 'Only 4 left';
      }),
  );

  // The fault switch: every widget on the page endpoint falls back.
  await page.locator('#settings [name=fallback]').selectOption('disabled');
  await page.locator('#settings [name=fault]').selectOption('500');
  await waitFor(
    'fault 500 + fallback "disabled": buttons say "Availability could not be loaded"',
    () => {
      const r = window.__read('#state-in-stock');
      const theme = document.querySelector('#theme-submit');
      return (
        r.button.status === 'unknown' &&
        !r.button.loading &&
        r.button.ariaDisabled === 'true' &&
        r.button.messages.includes('Availability could not be loaded') &&
        theme.getAttribute('aria-disabled') === 'true'
      );
    },
  );
  r = await read('.cards');
  check(r.badge === '' && r.badgeStatus === 'unknown', 'fault 500: badges show nothing');
  await page.locator('#settings [name=fault]').selectOption('');
  await page.locator('#settings [name=fallback]').selectOption('add-to-cart');
  await waitFor('fault off: the widgets are back', () => {
    const r = window.__read('#state-in-stock');
    return r.button.status === 'in_stock' && r.button.ariaDisabled === 'false';
  });

  // Locale.
  await page.locator('#settings [name=locale]').selectOption('de-DE');
  await waitFor(
    'locale de-DE: "Vorbestellen"',
    () => window.__read('#state-preorder').button.label === 'Vorbestellen',
  );
  await page.locator('#settings [name=locale]').selectOption('en-US');
  await waitFor(
    'back to en-US',
    () => window.__read('#state-preorder').button.label === 'Pre-order',
  );

  // Theme: a custom property, live, and in the CSS to copy.
  await page.locator('[id="theme--order-button-background"]').fill('#1d5c3a');
  const background = await page.evaluate(
    () =>
      getComputedStyle(
        document
          .querySelector('#state-in-stock order-button')
          .shadowRoot.querySelector('[part=button]'),
      ).backgroundColor,
  );
  const css = await page.locator('#theme-css').textContent();
  check(
    background === 'rgb(29, 92, 58)' && css.includes('--order-button-background: #1d5c3a;'),
    'theme: --order-button-background applies live and shows in the CSS',
    `${background} / ${css}`,
  );

  // The snippet for the current setup.
  const snippet = await page.locator('#snippet-script').textContent();
  check(
    snippet.includes(`data-endpoint="/${service ? 'service' : 'api'}/availability?skus={skus}"`) &&
      snippet.includes('data-locale="en-US"') &&
      snippet.includes('data-currency="USD"') &&
      snippet.includes('data-time-zone='),
    'snippet: the script tag carries the current settings',
  );

  if (accessibility) {
    // Accessibility: axe (WCAG 2.1 A/AA and best practice: contrast, labels, heading order), open shadow roots included.
    if (axePath) {
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
        });
        return result.violations.map(
          (v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')} - ${v.help}`,
        );
      });
      check(
        violations.length === 0,
        'axe: no accessibility violations',
        violations.join('\n       '),
      );
    } else {
      console.log('  skip axe-core is not installed');
    }
    const headings = await page.evaluate(() => {
      let previous = 0;
      const skips = [];
      for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        const level = Number(heading.tagName[1]);
        if (level > previous + 1) skips.push(`${heading.tagName} "${heading.textContent.trim()}"`);
        previous = level;
      }
      return skips;
    });
    check(headings.length === 0, 'headings in order, none skipped', headings.join(', '));
    // Responsive: nothing wider than a phone's screen.
    await page.setViewportSize({ width: 375, height: 800 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *, header *, form *')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('pre, .log'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`),
    );
    check(wide.length === 0, 'at 375 px wide nothing overflows the screen', wide.join(', '));
  }

  check(consoleErrors.length === 0, 'no console errors', consoleErrors.join('\n       '));
  await context.close();
}

try {
  if (runDev) {
    // `npm start`: the demo on the availability service, on a throw-away folder.
    const data = await mkdtemp(join(tmpdir(), 'preorder-demo-data-'));
    const demo = await startDemo({ data, port: await freePort(), logLevel: 'warn' });
    try {
      await checkDemo('npm start (the service)', demo.url, { accessibility: true, service: true });
    } finally {
      await demo.close();
      await rm(data, { recursive: true, force: true });
    }
  }
  if (runStatic) {
    const out = await mkdtemp(join(tmpdir(), 'preorder-demo-'));
    try {
      await build({
        configFile: resolve('vite.demo.config.ts'),
        logLevel: 'warn',
        build: { outDir: join(out, 'demo'), emptyOutDir: true },
      });
      // Served from a sub-folder, as on most file hosts: relative paths must hold.
      const host = await serveStatic(out);
      try {
        await checkDemo('static build', host.url);
      } finally {
        host.close();
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(
    `\n${failures.length} check(s) failed in ${seconds} s:\n  ${failures.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`\nAll demo checks passed in ${seconds} s.`);
