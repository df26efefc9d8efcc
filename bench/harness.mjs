// What every section measures with: the bench's server, one Chromium, a fresh
// page per measurement, browser-wide traces, and the hard bars (--check).
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { batched, productPage, scriptTag } from './fixtures.mjs';
import { seconds } from './format.mjs';
import { startServer } from './server.mjs';
import { TRACE_CATEGORIES } from './trace.mjs';

/** Runs a node script as a child process; resolves to its stdout and stderr. */
export const runNode = (args, options) => promisify(execFile)(process.execPath, args, options);

/**
 * @typedef {Awaited<ReturnType<typeof startBench>>} Bench
 */

/** Starts the server and the browser; `close()` ends both. */
export async function startBench(root) {
  const server = await startServer(root);
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  const verdicts = [];

  /** A hard bar: fails --check when missed. */
  const bar = (name, ok, detail) => {
    verdicts.push({ name, ok, detail });
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${name}: ${detail}`);
  };

  /** A fresh context (no shared cache or connections) and page, with probes. */
  async function withPage({ viewport = { width: 1280, height: 800 }, probes = [] }, fn) {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      for (const probe of probes) await page.addInitScript(probe);
      return await fn(page, errors, context);
    } finally {
      await context.close();
    }
  }

  /** Starts a browser-wide trace; the returned function ends it and resolves to its events. */
  async function startTrace() {
    const cdp = await browser.newBrowserCDPSession();
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => {
      for (const e of value) events.push(e);
    });
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: TRACE_CATEGORIES },
    });
    return async () => {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    };
  }

  /**
   * The product page with its availability request held (`hold=1`) until
   * `server.release(id)`, and a blank page of the same origin to open first
   * (the fixture then loads in that renderer).
   */
  function heldProductPage(id, src) {
    const script = scriptTag({ endpoint: batched(id, '&hold=1'), src });
    return {
      url: server.registerPage('product.html', id, productPage(script)),
      blank: server.registerPage('blank.html', `blank-${id}`, {}),
    };
  }

  /**
   * Waits until the server holds the page's availability request (`hold=1`),
   * then 700 ms more: the loading-state renders and any idle work finish.
   */
  async function untilHeld(run) {
    for (let i = 0; server.holding(run) === 0; i++) {
      if (i > 500) throw new Error('the availability request never arrived');
      await sleep(10);
    }
    await sleep(700);
  }

  /** Runs one section's measurement; a throw is a missed bar, not the end of the run. */
  async function measure(section, results, durations) {
    console.log(`\n== ${section.name}`);
    const start = performance.now();
    try {
      results[section.name] = await section.measure(bench);
    } catch (error) {
      console.error(error);
      results[section.name] = { failed: String(error?.stack ?? error) };
      bar(`${section.name} ran`, false, String(error?.message ?? error));
    }
    durations[section.name] = performance.now() - start;
    console.log(`   (${seconds(durations[section.name])})`);
  }

  const bench = {
    server,
    chromium: browser.version(),
    verdicts,
    bar,
    withPage,
    startTrace,
    heldProductPage,
    untilHeld,
    measure,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
  return bench;
}
