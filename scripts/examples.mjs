#!/usr/bin/env node
// `npm run examples`: the package as users get it, in three real apps.
//   1. builds the package (`npm run build`: npm modules, script tag, lazy files)
//   2. `npm pack`s it, as examples/preorder-elements.tgz
//   3. in examples/react, examples/vue and examples/script-tag: `npm ci` (the
//      committed lock pins every other package; the lock keeps no integrity
//      for the local tarball, so each run installs the tarball just packed),
//      then the example's `npm run build` (React and Vue: typecheck + vite build)
//   4. serves each build with `vite preview` (each has a mock availability
//      endpoint) and drives it in Chromium: labels by state, a click reaching
//      the app's handler with the tagged line item, variant switches, the
//      tooltip and a locale loaded on demand, no console or page errors.
// Flags: --no-build (pack the current dist/), --only=react,vue. Exit 1 on failure.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, reportFailedRequests } from './chromium.mjs';
import { freePort } from './free-port.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = join(root, 'examples');
const TARBALL = join(examplesDir, 'preorder-elements.tgz');
const args = process.argv.slice(2);
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const EXAMPLES = ['react', 'vue', 'script-tag'].filter((name) => !only || only.includes(name));
const PACKED = [
  'dist/index.js',
  'dist/react.js',
  'dist/react.d.ts',
  'dist/react-jsx.d.ts',
  'dist/vue.js',
  'dist/vue.d.ts',
  'dist/preorder-elements.js',
  'dist/preorder-elements.tooltip.js',
];
const BUTTON = 'order-button [part=button], order-button > button';
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command, commandArgs, cwd) {
  try {
    return execFileSync(command, commandArgs, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`${command} ${commandArgs.join(' ')} failed in ${cwd}`);
  }
}

const sha = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

// 1. Build.
if (!args.includes('--no-build')) {
  const since = Date.now();
  run('npm', ['run', 'build'], root);
  if (!existsSync(join(root, 'dist/preorder-elements.js')))
    run('npx', ['vite', 'build', '-c', 'vite.script.config.ts'], root);
  console.log(`built the package (${seconds(since)})`);
}

// 2. Pack.
const packDir = mkdtempSync(join(tmpdir(), 'preorder-elements-pack-'));
const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', packDir], root));
const missing = PACKED.filter((path) => !packed.files.some((file) => file.path === path));
if (missing.length) throw new Error(`the tarball lacks ${missing.join(', ')}`);
copyFileSync(join(packDir, packed.filename), TARBALL);
rmSync(packDir, { recursive: true, force: true });
console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} B`);

async function waitForServer(url, child) {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing answered at ${url}`);
}

/** Installs the tarball just packed and builds the example. */
function prepare(name) {
  const dir = join(examplesDir, name);
  const lockPath = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const entry = lock.packages['node_modules/preorder-elements'];
  // `npm install ../preorder-elements.tgz` records the tarball's integrity,
  // after which `npm ci` would install a stale copy from the npm cache (or
  // fail on a fresh machine): keep the lock free of it.
  if (entry?.integrity) {
    delete entry.integrity;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`  ${name}: dropped the tarball's integrity from package-lock.json`);
  }
  let since = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  const installed = join(dir, 'node_modules/preorder-elements/dist/preorder-elements.js');
  if (sha(installed) !== sha(join(root, 'dist/preorder-elements.js')))
    throw new Error(`${name}: npm ci installed another build than the one just packed`);
  const install = seconds(since);
  since = Date.now();
  run('npm', ['run', 'build', '--silent'], dir);
  return { dir, install, build: seconds(since) };
}

/** What the page shows, read through the open shadow roots. */
function readPage() {
  const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const button = document.querySelector('order-button');
  const own =
    button?.querySelector(':scope > button') ?? button?.shadowRoot?.querySelector('[part=button]');
  return {
    label: text(own),
    status: button?.getAttribute('status') ?? null,
    badge: text(document.querySelector('availability-badge')?.shadowRoot),
    date: text(document.querySelector('expected-date')?.shadowRoot),
    tooltipShown: Boolean(button?.shadowRoot?.querySelector('[part=tooltip]:not([hidden])')),
    cart: [...document.querySelectorAll('[data-testid=cart] li')].map(text),
  };
}

async function drive(browser, name, url) {
  const since = Date.now();
  const page = await browser.newPage();
  page.setDefaultTimeout(5000);
  const problems = [];
  const availability = [];
  const lazy = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  reportFailedRequests(page, (problem) => problems.push(problem));
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${path}`);
    if (path === '/api/availability') availability.push(new URL(response.url()).search);
    if (/tooltip|locale|\/de-/.test(path) && path.endsWith('.js')) lazy.push(path);
  });

  const steps = [];
  let state;
  const until = async (what, predicate) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      state = await page.evaluate(readPage);
      if (predicate(state)) return steps.push(what);
      if (Date.now() > deadline)
        throw new Error(
          `${name}: ${what}: not seen within 5 s; page shows ${JSON.stringify(state)}`,
        );
      await page.waitForTimeout(50);
    }
  };
  const variant = (sku) => page.selectOption('select', sku);

  try {
    await page.goto(url);
    await until('Pre-order', (s) => s.label === 'Pre-order' && s.status === 'preorder');
    await until('badge and date', (s) => s.badge === 'Pre-order' && /ship/i.test(s.date));
    await page.click(BUTTON);
    await until('click tagged the line item', (s) =>
      s.cart.some(
        (line) =>
          line.includes('LAMP-BLACK') && line.includes('preorder') && /_expected_date/.test(line),
      ),
    );
    await variant('LAMP-WHITE');
    await until('Backorder', (s) => s.label === 'Backorder' && s.status === 'backorder');
    await variant('LAMP-BRASS');
    await until('Add to cart', (s) => s.label === 'Add to cart' && s.status === 'in_stock');
    await page.click(BUTTON);
    await until('in-stock line', (s) => s.cart.length === 2 && s.cart[1].includes('in_stock'));
    await variant('LAMP-GREEN');
    await until('Sold out', (s) => s.label === 'Sold out' && s.status === 'sold_out');
    // aria-disabled, yet focusable and clickable: a shopper's click must add nothing.
    await page.click(BUTTON, { force: true });
    await page.waitForTimeout(150);
    await until('sold out adds nothing', (s) => s.cart.length === 2);
    await variant('LAMP-BLACK');
    await until('back to Pre-order', (s) => s.label === 'Pre-order');
    await page.hover('order-button [part=info]');
    await until('tooltip', (s) => s.tooltipShown);
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.querySelector('order-button').locale = 'de-DE'));
    await until('German loaded on demand', (s) => s.label === 'Vorbestellen');
    if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
    return { steps, requests: availability.length, lazy, time: seconds(since) };
  } finally {
    await page.close();
  }
}

// 3 and 4, one example after the other.
const browser = await launchChromium();
const results = [];
let failed = false;
try {
  for (const name of EXAMPLES) {
    let server;
    try {
      const { dir, install, build } = prepare(name);
      const port = await freePort();
      const vite = join(dir, 'node_modules/vite/bin/vite.js');
      server = spawn(
        process.execPath,
        [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
        { cwd: dir, stdio: 'ignore' },
      );
      const url = `http://127.0.0.1:${port}/`;
      await waitForServer(url, server);
      const checked = await drive(browser, name, url);
      results.push(
        `ok   ${name.padEnd(10)} npm ci ${install}, build ${build}, browser ${checked.time}: ` +
          `${checked.steps.join(' > ')}; ${checked.requests} availability requests; ` +
          `loaded on demand: ${checked.lazy.map((path) => path.split('/').pop()).join(', ')}`,
      );
    } catch (error) {
      failed = true;
      results.push(`FAIL ${name.padEnd(10)} ${error.message}`);
    } finally {
      server?.kill();
    }
  }
} finally {
  await browser.close();
}

console.log(`\n${results.join('\n')}\n`);
console.log(`${failed ? 'FAILED' : 'all examples passed'} in ${seconds(started)}`);
process.exit(failed ? 1 : 0);
