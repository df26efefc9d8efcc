// `npm start` on the service: builds what is missing, starts preorder-service
// on an embedded SQLite folder (.demo-data, seeded with the demo catalog),
// then the demo's Vite server, which proxies /service/* to it. The proxy adds
// the admin token, so the page never holds it. DEMO_TOKEN is a demo secret
// only: the service listens on 127.0.0.1 and the token is known to this script.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { freePort } from '../scripts/free-port.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO_TOKEN = 'demo-token';

// The service imports the elements' engine from dist/, so both must be built.
if (!existsSync(`${root}service/dist/cli.js`) || !existsSync(`${root}dist/engine/index.js`)) {
  console.log('Building the elements and the service (first run only)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await freePort();
const service = spawn(
  process.execPath,
  [
    `${root}service/bin/preorder-service.js`,
    'serve',
    `--port=${port}`,
    `--data=${root}.demo-data`,
    `--seed=${root}service/seed.demo.json`,
    `--admin-token=${DEMO_TOKEN}`,
    '--log-level=warn',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
// Wait for the service's own "listening on" line, not a delay.
await new Promise((resolve, reject) => {
  service.once('exit', (code) => reject(new Error(`preorder-service exited (${code})`)));
  service.stdout.on('data', (chunk) => {
    process.stdout.write(`service: ${chunk}`);
    if (String(chunk).includes('listening on')) resolve();
  });
});

const vite = await createServer({
  configFile: `${root}vite.config.ts`,
  server: {
    proxy: {
      '/service': {
        target: `http://127.0.0.1:${port}`,
        rewrite: (path) => path.replace(/^\/service/, ''),
        headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
      },
    },
  },
});
await vite.listen();
vite.printUrls();

// Vite exits the process itself on SIGINT/SIGTERM; the service goes with it.
process.once('exit', () => service.kill('SIGTERM'));
service.once('exit', (code) => process.exit(code ?? 0));
