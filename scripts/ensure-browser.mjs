#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests: CHROME_PATH, or Debian's
// /usr/bin/chromium, installed with apt-get when missing and we are root.
// Test tools cannot download their own browser on these machines.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!process.env.CHROME_PATH && isRoot && hasApt) {
  console.log('[tests] Chromium not found: installing Debian chromium with apt-get (once)...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `[tests] No Chromium at ${path}.\n` +
    '  Debian/Ubuntu: sudo apt-get install chromium\n' +
    '  Elsewhere: npx playwright install chromium, then set CHROME_PATH to its executable.',
);
process.exit(1);
