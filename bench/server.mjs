// The benchmark's HTTP server, on 127.0.0.1 and a free port (listen(0)):
//
//   /dist/..., /bench/...          the repo's files; `?delay=ms` holds a file back (a slow CDN)
//   /PREFIX/...                    a directory mounted with mount(prefix, dir)
//   /bench/pages/NAME.html?page=ID a fixture page, its %TOKENS% filled from registerPage(ID)
//   /api/availability?skus=A,B     batched: a JSON array of records (recordFor)
//   /api/availability/SKU          one record
//
// Endpoint knobs (query): run=ID (log key), delay=ms, status=500 (every attempt
// fails), hold=1 (answer only when release(run) is called). Every request is
// logged per run: count, URLs, SKUs, and any SKU asked for while already in flight.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { recordFor } from '../test/support/availability-server.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startServer(root) {
  const runs = new Map();
  const pages = new Map();
  const held = new Map();
  const mounts = new Map(); // URL prefix -> directory

  const logFor = (run) => {
    let log = runs.get(run);
    if (!log) {
      log = { count: 0, urls: [], perSku: new Map(), inflight: new Map(), overlaps: [] };
      runs.set(run, log);
    }
    return log;
  };

  async function api(req, res, url) {
    const q = url.searchParams;
    const run = q.get('run') ?? 'default';
    const log = logFor(run);
    const single = url.pathname.startsWith('/api/availability/');
    const skus = single
      ? [decodeURIComponent(url.pathname.slice('/api/availability/'.length))]
      : (/[?&]skus=([^&]*)/.exec(url.search)?.[1] ?? '')
          .split(',')
          .filter(Boolean)
          .map(decodeURIComponent);
    log.count += 1;
    log.urls.push(url.pathname + url.search);
    for (const sku of skus) {
      log.perSku.set(sku, (log.perSku.get(sku) ?? 0) + 1);
      if (log.inflight.get(sku)) log.overlaps.push(sku);
      log.inflight.set(sku, (log.inflight.get(sku) ?? 0) + 1);
    }
    try {
      const delay = Number(q.get('delay') ?? 0);
      if (delay > 0) await sleep(delay);
      if (q.get('hold')) {
        await new Promise((resolve) => {
          const waiting = held.get(run) ?? [];
          waiting.push(resolve);
          held.set(run, waiting);
        });
      }
      const status = Number(q.get('status') ?? 0);
      if (status) {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return res.end(JSON.stringify({ error: `status ${status}` }));
      }
      const records = skus.map(recordFor);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(single ? records[0] : records));
    } finally {
      for (const sku of skus) log.inflight.set(sku, log.inflight.get(sku) - 1);
    }
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname.startsWith('/api/availability')) return await api(req, res, url);
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
    log: logFor,
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
