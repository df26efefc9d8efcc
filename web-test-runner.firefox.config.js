// The same suite as web-test-runner.config.js, in Firefox: Debian's firefox-esr
// (or FIREFOX_PATH) driven by puppeteer-core over WebDriver BiDi through the
// chrome launcher (Playwright's firefox launcher needs Playwright's own patched
// build). `npm run test:firefox`; scripts/install-browsers.sh installs it.
// test/timezones/ runs once per time zone here too: Firefox takes its zone
// from the TZ variable it is started with.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { shared, TIME_ZONES } from './web-test-runner.config.js';

const executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Firefox at ${executablePath}: run scripts/install-browsers.sh, or set FIREFOX_PATH.`,
  );
}

const firefox = (timeZone) => {
  const launcher = chromeLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      ...(timeZone && { env: { ...process.env, TZ: timeZone } }),
    },
  });
  // The chrome launcher calls every browser "Chrome" unless it brings its own puppeteer.
  launcher.name = 'Firefox';
  return launcher;
};

export default {
  ...shared,
  groups: TIME_ZONES.map((zone) => ({
    name: `tz-${zone.replace(/\W/g, '-')}`,
    files: 'test/timezones/**/*.test.ts',
    browsers: [firefox(zone)],
  })),
  browsers: [firefox()],
};
