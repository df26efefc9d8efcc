// The same suite as web-test-runner.config.js, in WebKit: WebKitGTK's MiniBrowser
// driven by Debian's WebKitWebDriver (webkit2gtk-driver) over WebDriver classic.
// It needs an X display: `npm run test:webkit` runs it under `xvfb-run -a`.
// This config starts one WebKitWebDriver per browser on a free port and stops
// them on exit. scripts/install-browsers.sh installs the packages.
// test/timezones/ runs once per time zone here too: MiniBrowser takes its zone
// from the TZ variable its driver is started with.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { shared, TIME_ZONES } from './web-test-runner.config.js';

const driverPath = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
const binary =
  process.env.WEBKIT_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

for (const path of [driverPath, binary]) {
  if (!existsSync(path)) {
    throw new Error(`No ${path}: run scripts/install-browsers.sh (webkit2gtk-driver).`);
  }
}
if (!process.env.DISPLAY) {
  console.warn('[webkit] no DISPLAY: MiniBrowser needs one; run this under `xvfb-run -a`.');
}

/** A TCP port that nothing listens on right now. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const drivers = [];
// Each driver leads a process group of its own, with the MiniBrowser it starts:
// on exit both go, even when a session was not closed. The runner exits on its
// own after SIGINT; SIGTERM would end it without 'exit'.
process.on('exit', () => {
  for (const driver of drivers) {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
process.once('SIGTERM', () => process.exit(143));

/** Starts a WebKitWebDriver and resolves with its port once it answers. */
async function startDriver(env) {
  const port = await freePort();
  const driver = spawn(driverPath, [`--port=${port}`], {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  drivers.push(driver);
  driver.on('error', (error) => {
    console.error(`[webkit] cannot start ${driverPath}: ${error.message}`);
    process.exit(1);
  });
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return port;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`[webkit] WebKitWebDriver did not answer on port ${port}`);
}

const webkit = async (timeZone) => {
  const port = await startDriver(timeZone ? { ...process.env, TZ: timeZone } : process.env);
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    },
  });
  // The launcher names itself after browserName ("MiniBrowser") when it starts.
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = 'WebKit';
  };
  return launcher;
};

export default {
  ...shared,
  groups: await Promise.all(
    TIME_ZONES.map(async (zone) => ({
      name: `tz-${zone.replace(/\W/g, '-')}`,
      files: 'test/timezones/**/*.test.ts',
      browsers: [await webkit(zone)],
    })),
  ),
  browsers: [await webkit()],
};
