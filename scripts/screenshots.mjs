#!/usr/bin/env node
// `npm run screenshots`: starts the demo's dev server (with its mock endpoint)
// on a free port, opens it in headless Chromium and writes
//   docs/screenshots/gallery.png   the gallery of every state
//   docs/screenshots/product.png   the product page, merchant controls, collection and logs
// CHROME_PATH overrides the browser (default: Debian's /usr/bin/chromium).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { freePort } from './free-port.mjs';
import { createServer } from 'vite';

const OUT = resolve('docs/screenshots');

/** A section with a margin of page around it (its own top padding is margin enough). */
async function shot(page, selector, path) {
  const box = await page.locator(selector).boundingBox();
  const pad = 16;
  await page.screenshot({
    path,
    fullPage: true,
    clip: {
      x: Math.max(0, box.x - pad),
      y: box.y,
      width: box.width + 2 * pad,
      height: box.height + pad,
    },
  });
}

const port = await freePort();
const server = await createServer({
  configFile: resolve('vite.config.ts'),
  logLevel: 'warn',
  server: { host: '127.0.0.1', port, strictPort: true, open: false },
});
await server.listen();

const browser = await launchChromium();

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  // Every widget settled: all but the gallery's loading row (which never answers).
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('order-button, expected-date, availability-badge')]
        .filter((element) => !element.closest('[data-state=loading]'))
        .every((element) => !element.hasAttribute('loading') && element.hasAttribute('status')),
    null,
    { timeout: 20_000 },
  );
  // The product page on its pre-order variant, and the tagged line item a submit sends.
  await page.locator('input[value=LAMP-MOSS]').check();
  await page.waitForFunction(
    () => document.querySelector('#theme-submit')?.textContent.trim() === 'Pre-order',
    null,
    { timeout: 20_000 },
  );
  await page.locator('#theme-submit').click();
  await page.locator('#cart-line dt').first().waitFor();
  await page.mouse.move(0, 0);
  await mkdir(OUT, { recursive: true });
  await shot(page, '#gallery', `${OUT}/gallery.png`);
  await shot(page, '#product', `${OUT}/product.png`);
  console.log(`wrote ${OUT}/gallery.png and ${OUT}/product.png`);
} finally {
  await browser.close();
  await server.close();
}
