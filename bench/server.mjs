// The benchmark's HTTP server, on 127.0.0.1 and a free port (listen(0)):
//
//   /dist/..., /bench/...          the repo's files; `?delay=ms` holds a file back (a slow CDN)
//   /PREFIX/...                    a directory mounted with mount(prefix, dir)
//   /bench/pages/NAME.html?page=ID a fixture page, its %TOKENS% filled from registerPage(ID)
//   /api/availability?skus=A,B     batched: a JSON array of records (mock/records.js)
//   /api/availability/SKU          one record
//
// Endpoint knobs (query): run=ID (log key), delay=ms, status=500 (every attempt
// fails), hold=1 (answer only when release(run) is called). Every request is
// logged per run: count, URLs, SKUs, and any SKU asked for while already in flight.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  answerAvailability,
  failure,
  readDelay,
  readRoute,
  requestedSkus,
} from '../mock/availability.js';
import { send } from '../mock/http.js';
import { namedRecord } from '../mock/records.js';
import { requestLogs } from '../mock/request-log.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const MAX_DELAY_MS = 15_000;
const AVAILABILITY_PATH = '/api/availability';

export async function startServer(root) {
  const logs = requestLogs();
  const pages = new Map();
  const held = new Map();
  const mounts = new Map(); // URL prefix -> directory

  async function api(req, res, url) {
    const q = url.searchParams;
    const run = q.get('run') ?? 'default';
    const answered = logs.begin(run, url, requestedSkus(readRoute(url, AVAILABILITY_PATH)));
    try {
      const delay = readDelay(q.get('delay'), MAX_DELAY_MS);
      if (delay > 0) await sleep(delay);
      if (q.get('hold')) {
        await new Promise((resolve) => {
          const waiting = held.get(run) ?? [];
          waiting.push(resolve);
          held.set(run, waiting);
        });
      }
      const status = Number(q.get('status') ?? 0);
      if (status) return send(req, res, failure(status));
      send(req, res, answerAvailability(url, AVAILABILITY_PATH, namedRecord));
    } finally {
      answered();
    }
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (readRoute(url, AVAILABILITY_PATH)) return await api(req, res, url);
      const prefix = [...mounts.keys()].find((p) => url.pathname.startsWith(p));
      const base = prefix ? mounts.get(prefix) : root;
      const rest = prefix ? url.pathname.slice(prefix.length) : url.pathname;
      const path = normalize(join(base, decodeURIComponent(rest)));
      if (!path.startsWith(base)) return res.writeHead(403).end();
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay > 0) await sleep(delay);
      let body = await readFile(path);
      const id = url.searchParams.get('page');
      if (id && extname(path) === '.html') {
        const vars = pages.get(id) ?? {};
        body = body.toString('utf8').replace(/%([A-Z_]+)%/g, (m, name) => vars[name] ?? '');
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      if (!res.headersSent) res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    /** Fills a fixture page's %TOKENS%; returns its URL. */
    registerPage(name, id, vars) {
      pages.set(id, vars);
      return `${origin}/bench/pages/${name}?page=${encodeURIComponent(id)}`;
    },
    log: logs.of,
    /** Serves a directory's files under a URL prefix (`/unminified/`). */
    mount: (prefix, dir) => mounts.set(prefix, dir),
    /** How many requests of this run the server is holding. */
    holding: (run) => held.get(run)?.length ?? 0,
    /** Answers every held request of this run. */
    release(run) {
      for (const resolve of held.get(run) ?? []) resolve();
      held.delete(run);
    },
    close: () =>
      new Promise((resolve) => {
        for (const run of held.keys()) for (const resolve of held.get(run)) resolve();
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
