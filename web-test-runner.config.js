// Runs every test/**/*.test.ts in headless Chromium through Playwright, on the
// system browser (Debian's /usr/bin/chromium), or CHROME_PATH when set.
// test/timezones/ runs once per emulated browser time zone: "today" must hold in every zone.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { availabilityServer, offlineCommandPlugin } from './test/support/availability-server.js';
import { eventServer } from './test/support/event-server.js';

export const TIME_ZONES = [
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Kolkata',
  'UTC',
];

const chromium = (timezoneId) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS },
    ...(timezoneId && {
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId }),
    }),
  });

// What every engine's config shares (web-test-runner.firefox.config.js and
// web-test-runner.webkit.config.js spread it and bring their own browsers).
export const shared = {
  files: ['test/**/*.test.ts', '!test/timezones/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [eventServer(), availabilityServer()],
  plugins: [
    offlineCommandPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
};

export default {
  ...shared,
  groups: [
    ...TIME_ZONES.map((zone) => ({
      name: `tz-${zone.replace(/\W/g, '-')}`,
      files: 'test/timezones/**/*.test.ts',
      browsers: [chromium(zone)],
    })),
  ],
  browsers: [chromium()],
};
