// The one way this project starts Chromium outside the test runner: the system
// browser (CHROME_PATH overrides it) with the flags a closed network needs.
import { chromium } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

// Without the networking flags Chromium keeps trying hosts this machine cannot reach.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Reports each request of the page that failed, a cancelled one too: DevTools
 * shows it red (Chromium cancels a body a script's stream reader read to its end).
 */
export const reportFailedRequests = (page, report) =>
  page.on('requestfailed', (request) =>
    report(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );

/** Launches headless Chromium; `options` go to Playwright's launch(). */
export const launchChromium = (options = {}) =>
  chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS, ...options });
