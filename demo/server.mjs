// The demo on the availability service: preorder-service on a fresh embedded
// SQLite folder, seeded with the demo catalog (demo/service-seed.ts: products,
// purchase orders and shoppers' orders), beside the demo's Vite server, which
// proxies /service/* to it and adds the admin token, so the page never holds
// it. DEMO_TOKEN is a demo secret only: the service listens on 127.0.0.1 and
// the token is known to this script. Used by `npm start` and `npm run test:demo`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { freePort } from '../scripts/free-port.mjs';
import { startMessageCatcher } from './messages-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO_TOKEN = 'demo-token';
/** The page's calls to the service; `^` makes it a pattern, so /service-seed.ts is not proxied. */
const SERVICE_PREFIX = '^/service/';
const RESET_PATH = '/demo-service/reset';
const MESSAGES_PATH = '/demo-service/messages';

/** The service imports the elements' engine from dist/, so both must be built. */
function ensureBuilt() {
  if (existsSync(`${root}service/dist/cli.js`) && existsSync(`${root}dist/engine/index.js`)) return;
  console.log('Building the elements and the service (first run only)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/** Spawns preorder-service with `args` and waits for its "listening on" line. */
async function spawnService(port, args) {
  const child = spawn(
    process.execPath,
    [
      `${root}service/bin/preorder-service.js`,
      'serve',
      `--port=${port}`,
      `--admin-token=${DEMO_TOKEN}`,
      '--log-level=warn',
      // The browser may not keep an answer: each merchant change shows at once.
      '--cache-max-age=0',
      '--stale-while-revalidate=0',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Whoever ends this process (Vite on SIGTERM, a failed check), the service goes with it.
  const orphan = () => child.kill('SIGTERM');
  process.once('exit', orphan);
  void exited.then(() => process.off('exit', orphan));
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`preorder-service exited (${code})`)));
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('listening on')) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Starts preorder-service on `data`, emptied first and seeded: the catalog,
 * then the shoppers' orders placed in turn (the queue the page shows is a
 * real one). Then it starts again telling customers: emails and webhooks go
 * to `messages` (the catcher), links in emails point at the page's /service/
 * proxy (`publicUrl`). Seeding first without them keeps the 137 orders from
 * waiting on their deliveries; their events are delivered after the restart.
 */
async function startService({ data, port, seed, messages, publicUrl }) {
  await rm(data, { recursive: true, force: true });
  await mkdir(data, { recursive: true });
  const seedFile = join(data, 'seed.json');
  const { orders, ...catalog } = seed;
  await writeFile(seedFile, JSON.stringify(catalog, null, 2));
  const stored = [`--data=${data}`, `--seed=${seedFile}`];
  const seeding = await spawnService(port, stored);
  try {
    for (const order of orders) {
      const response = await fetch(`${seeding.url}/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEMO_TOKEN}` },
        body: JSON.stringify(order),
      });
      if (response.status !== 201) {
        throw new Error(`demo order ${order.id}: ${response.status} ${await response.text()}`);
      }
    }
  } finally {
    await seeding.stop();
  }
  return spawnService(port, [
    ...stored,
    `--smtp-url=${messages.smtpUrl}`,
    '--mail-from=Demo shop <shop@example.com>',
    `--public-url=${publicUrl}`,
    `--webhook-url=${messages.webhookUrl}`,
    `--webhook-secret=${messages.webhookSecret}`,
  ]);
}

/**
 * Starts both servers; resolves once the page can be opened at `url`.
 * `data`: the embedded database folder (emptied on start and on reset).
 */
export async function startDemo({ data = `${root}.demo-data`, port = 5173, logLevel } = {}) {
  ensureBuilt();
  const servicePort = await freePort();
  const messages = await startMessageCatcher();
  let seed;
  let service;
  let publicUrl;
  const start = () => startService({ data, port: servicePort, seed, messages, publicUrl });
  const vite = await createServer({
    configFile: `${root}vite.config.ts`,
    logLevel,
    define: { __PREORDER_DEMO_SERVICE__: 'true' },
    server: {
      port,
      proxy: {
        [SERVICE_PREFIX]: {
          target: `http://127.0.0.1:${servicePort}`,
          rewrite: (path) => path.replace(/^\/service/, ''),
          headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
        },
      },
    },
    plugins: [
      {
        name: 'demo-service-reset',
        // "Reset all data": the service starts again on an empty folder, seeded anew.
        configureServer(server) {
          server.middlewares.use(RESET_PATH, (req, res) => {
            if (req.method !== 'POST') return res.writeHead(405).end();
            void service
              .stop()
              .then(async () => {
                messages.clear();
                service = await start();
                res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
              })
              .catch((error) => {
                res.writeHead(500, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify({ error: String(error.message ?? error) }));
              });
          });
          // The emails and webhook events the service sent, live.
          server.middlewares.use(MESSAGES_PATH, messages.middleware);
        },
      },
    ],
  });
  try {
    const { buildServiceSeed } = await vite.ssrLoadModule('/service-seed.ts');
    seed = buildServiceSeed(Date.now());
    // Listening first: the links in emails name the port Vite really took.
    await vite.listen();
    publicUrl = `http://127.0.0.1:${vite.httpServer.address().port}/service`;
    service = await start();
  } catch (error) {
    await vite.close();
    await service?.stop();
    await messages.close();
    throw error;
  }
  return {
    vite,
    url: `http://127.0.0.1:${vite.httpServer.address().port}/`,
    serviceUrl: () => service.url,
    close: async () => {
      await vite.close();
      await service.stop();
      await messages.close();
    },
  };
}
