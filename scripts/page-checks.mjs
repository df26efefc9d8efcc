#!/usr/bin/env node
// Real pages, real Chromium: the built package on hostile pages.
//   csp.html       strict CSP + Trusted Types, script-tag build: zero violations
//   csp-npm.html   the same, npm build bundled by an app (Vite)
//   twice.html     script tag twice (two versions) plus the npm build
//   hostile.html   global CSS that unsets everything and hides every button
//   blocking.html  a blocking script in <head>, 48 cards parsed after it: 1 request
// Each again for the module build (scripts/module-pages.mjs: the same pages with
// `<script type="module">`, plus `async` variants of csp and blocking); there the
// blocking page also checks that only the badge's chunks were fetched, and
// that a tag added later is loaded and defined.
// Needs `npm run build` first. Exit code 1 on any failure.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import { basename, extname, join, normalize } from 'node:path';
import { launchChromium, reportFailedRequests } from './chromium.mjs';
import { build } from 'vite';
import { answerAvailability } from '../mock/availability.js';
import { namedRecord } from '../mock/records.js';
import { writeModulePages } from './module-pages.mjs';

const root = process.cwd();
const CSP =
  "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

// An app bundling the npm build, and a second copy of the script claiming another version.
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { 'preorder-elements': join(root, 'dist/index.js') } },
  build: {
    outDir: 'test/pages/.build',
    emptyOutDir: true,
    lib: { entry: 'test/pages/npm-app.ts', formats: ['es'], fileName: () => 'npm-app.js' },
  },
});
const { version } = JSON.parse(await readFile('package.json', 'utf8'));
const script = await readFile('dist/preorder-elements.js', 'utf8');
await mkdir('test/pages/.build', { recursive: true });
const versionPattern = new RegExp(`(?<![\\d.])${version.replaceAll('.', '\\.')}(?![\\d.])`, 'g');
await writeFile(
  'test/pages/.build/preorder-elements-other-version.js',
  script.replace(versionPattern, `${version}-other`),
);
const modulePages = await writeModulePages(version, versionPattern);
const built = (name) =>
  modulePages.filter((page) => page.startsWith(name)).map((p) => `.build/${p}`);

let apiRequests = [];
/** Every script file the current page fetched. */
let scriptsFetched = [];
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/api/availability') {
    apiRequests.push(url.search);
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(answerAvailability(url, '/api/availability', namedRecord).body);
  }
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end(); // browsers ask regardless
  if (url.pathname === '/cart') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><title>cart</title>');
  }
  const path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(path);
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (basename(url.pathname).startsWith('csp')) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();

const failures = [];
const check = (page, ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(`${page}: ${what}`);
};

/** Opens a page, waits for every widget to finish loading, returns what it saw. */
async function open(name) {
  const page = await browser.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  reportFailedRequests(page, (problem) => errors.push(problem));
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`${message.text()} ${message.location().url ?? ''}`.trim());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  apiRequests = [];
  scriptsFetched = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scriptsFetched.push(new URL(request.url()).pathname);
  });
  await page.goto(`${origin}/test/pages/${name}`);
  await page.waitForFunction(
    () => {
      const widgets = [
        ...document.querySelectorAll('order-button, expected-date, availability-badge'),
      ];
      return (
        widgets.length > 0 &&
        widgets.every((w) => w.hasAttribute('status') && !w.hasAttribute('loading'))
      );
    },
    null,
    { timeout: 10_000 },
  );
  return { page, errors, warnings };
}

const text = (page, selector) =>
  page.evaluate((s) => {
    const [host, inner] = s.split(' >> ');
    const el = document.querySelector(host);
    return (inner ? el.shadowRoot.querySelector(inner) : el.shadowRoot)?.textContent
      .replace(/\s+/g, ' ')
      .trim();
  }, selector);

for (const [name, badgeText] of [
  ['csp.html', 'Ausverkauft'],
  ['csp-npm.html', '売り切れ'],
  ...built('csp-module').map((page) => [page, 'Ausverkauft']),
]) {
  console.log(name);
  const { page, errors } = await open(name);
  check(
    name,
    (await text(page, 'order-button >> [part=button]')) === 'Pre-order',
    'button says Pre-order',
  );
  check(
    name,
    (await text(page, 'availability-badge >> [part=badge]')) === badgeText,
    `badge in its locale: ${badgeText}`,
  );
  check(
    name,
    (await text(page, 'expected-date >> [part=date]'))?.includes('2027'),
    'expected date shown',
  );
  await page.locator('order-button [part=info]').hover();
  await page.waitForFunction(() => {
    const tip = document.querySelector('order-button').shadowRoot.querySelector('[part=tooltip]');
    return !tip.hidden && tip.style.top !== '';
  });
  check(name, true, 'tooltip opens and is positioned (lazy floating-ui)');
  if (!name.includes('npm')) {
    const api = await page.evaluate(() => ({
      functions: ['configure', 'getOptions', 'refresh', 'defineElements'].every(
        (key) => typeof window.PreorderElements?.[key] === 'function',
      ),
      classes: Object.entries({
        'order-button': 'OrderButton',
        'expected-date': 'ExpectedDate',
        'availability-badge': 'AvailabilityBadge',
      }).every(([tag, key]) => window.PreorderElements[key] === customElements.get(tag)),
    }));
    check(name, api.functions && api.classes, 'window.PreorderElements: functions and classes');
  }
  const posted = page.waitForRequest((r) => r.url().endsWith('/cart'));
  await page.locator('order-button [part=button]').click();
  const body = (await posted).postData() ?? '';
  check(
    name,
    body.includes('properties%5B_order_type%5D=preorder'),
    'the form posts the order-type tag',
  );
  const violations = await page.evaluate(() => window.__violations);
  check(
    name,
    violations.length === 0,
    `zero securitypolicyviolation events ${JSON.stringify(violations)}`,
  );
  check(name, errors.length === 0, `no errors ${JSON.stringify(errors)}`);
  await page.close();
}

for (const name of ['twice.html', ...built('twice-module')]) {
  console.log(name);
  const { page, errors, warnings } = await open(name);
  check(name, errors.length === 0, `no uncaught errors ${JSON.stringify(errors)}`);
  check(
    name,
    warnings.some((w) => w.includes('-other')),
    'a warning names the other version',
  );
  check(
    name,
    (await text(page, 'order-button >> [part=button]')) === 'Précommander',
    'data-* of both tags merge (locale fr)',
  );
  check(
    name,
    (await page.getAttribute('expected-date', 'status')) === 'backorder',
    'expected-date renders',
  );
  check(
    name,
    (await page.getAttribute('availability-badge', 'status')) === 'sold_out',
    'badge renders',
  );
  await page.close();
}

for (const name of ['hostile.html', ...built('hostile-module')]) {
  console.log(name);
  const { page, errors } = await open(name);
  const box = await page.locator('order-button [part=button]').boundingBox();
  check(
    name,
    box !== null && box.width > 20 && box.height > 10,
    `button visible ${JSON.stringify(box)}`,
  );
  check(name, (await text(page, 'order-button >> [part=button]')) === 'Pre-order', 'button label');
  await page.evaluate(() => {
    window.__clicked = 0;
    document.addEventListener('order-button-click', (e) => {
      window.__clicked++;
      e.preventDefault();
    });
  });
  await page.locator('order-button [part=button]').click();
  check(name, (await page.evaluate(() => window.__clicked)) === 1, 'button clickable');
  const badge = await page.locator('availability-badge [part=badge]').boundingBox();
  check(name, badge !== null && badge.width > 10, 'badge visible');
  check(name, errors.length === 0, `no errors ${JSON.stringify(errors)}`);
  await page.close();
}

for (const name of ['blocking.html', ...built('blocking-module')]) {
  console.log(name);
  const { page, errors } = await open(name);
  const statuses = await page.$$eval('availability-badge', (all) =>
    all.map((b) => b.getAttribute('status')),
  );
  check(
    name,
    statuses.length === 48 && statuses.every((s) => s === 'preorder'),
    '48 badges rendered',
  );
  check(name, apiRequests.length === 1, `1 request for 48 SKUs (saw ${apiRequests.length})`);
  if (name.includes('module')) await checkModuleLoading(page, name);
  check(name, errors.length === 0, `no errors ${JSON.stringify(errors)}`);
  await page.close();
}

/** The module build on a badge-only page: only the badge's chunks, and a tag added later is loaded. */
async function checkModuleLoading(page, name) {
  const manifest = JSON.parse(await readFile('dist/preorder-elements.module.json', 'utf8'));
  const chunkOf = (tag) => Object.keys(manifest).find((file) => file.includes(`.${tag}-`));
  const fetched = new Set(scriptsFetched.map((path) => basename(path)));
  check(
    name,
    manifest[chunkOf('availability-badge')].every((file) => fetched.has(file)) &&
      !fetched.has(chunkOf('order-button')) &&
      !fetched.has(chunkOf('expected-date')),
    `only the badge's chunks fetched (${[...fetched].join(', ')})`,
  );
  await page.evaluate(() => {
    const button = document.createElement('order-button');
    button.setAttribute('sku', 'pre-late');
    document.querySelector('main').append(button);
  });
  await page.waitForFunction(
    () => document.querySelector('order-button')?.shadowRoot?.textContent.includes('Pre-order'),
    null,
    { timeout: 10_000 },
  );
  check(name, true, 'an <order-button> added later is loaded, defined and rendered');
  const defined = await page.evaluate(async () => {
    const started = window.PreorderElements.defineElements();
    await customElements.whenDefined('expected-date');
    return {
      started,
      date: window.PreorderElements.ExpectedDate === customElements.get('expected-date'),
    };
  });
  check(
    name,
    JSON.stringify(defined.started) === '["expected-date"]' && defined.date,
    `PreorderElements.defineElements() loads the tag not yet defined (${JSON.stringify(defined)})`,
  );
  check(
    name,
    apiRequests.length === 2,
    `its record in a request of its own (saw ${apiRequests.length} in all)`,
  );
}

await browser.close();
server.close();
if (failures.length) {
  console.error(`\n${failures.length} page check(s) failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nall page checks passed');
