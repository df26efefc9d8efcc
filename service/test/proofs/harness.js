/**
 * The service as a user runs it: the built CLI in its own process, reached
 * over real HTTP. Every wait is for a condition (the listening line, the
 * process's exit), bounded so a broken build fails instead of hanging.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVICE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(SERVICE_DIR, 'dist', 'cli.js');
export const TOKEN = 'proof-admin-token';
/** Longest wait for a start or an exit: a bound for a broken build, not a pause. */
const START_LIMIT_MS = 30_000;

/**
 * Starts `preorder-service serve` on `database` ({ data } or { databaseUrl }).
 * `adminToken: null` starts it with none configured.
 */
export async function startService(database, { adminToken = TOKEN, args = [], env = {} } = {}) {
  const argv = [CLI, 'serve', '--port', '0', ...args];
  if (database.databaseUrl) argv.push('--database-url', database.databaseUrl);
  else argv.push('--data', database.data);
  if (adminToken !== null) argv.push('--admin-token', adminToken);
  const child = spawn(process.execPath, argv, {
    cwd: SERVICE_DIR,
    env: { ...process.env, ADMIN_TOKEN: '', DATABASE_URL: '', PREORDER_DATA: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise((resolve, reject) => {
    const limit = setTimeout(
      () => reject(new Error(`no listening line within ${START_LIMIT_MS} ms:\n${output}`)),
      START_LIMIT_MS,
    );
    const onData = (chunk) => {
      output += chunk;
      const found = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (found) {
        clearTimeout(limit);
        resolve(found[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then(({ code, signal }) => {
      clearTimeout(limit);
      reject(new Error(`service exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  // Keep draining its logs so a full pipe never blocks the service.
  child.stdout.resume();
  return {
    url,
    child,
    exited,
    output: () => output,
    /** SIGTERM and the exit it answers with. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    /** A real SIGKILL: no handler runs, nothing is flushed. */
    async kill() {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

/**
 * One HTTP exchange. `body`: an object (sent as JSON) or a string (sent as
 * is). Answers { status, headers, body (parsed JSON or null), text }.
 */
export async function request(base, method, path, { body, token = TOKEN, headers = {} } = {}) {
  const sent = { ...headers };
  if (token !== null && sent.authorization === undefined) sent.authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    sent['content-type'] ??= 'application/json';
  }
  const response = await fetch(base + path, { method, headers: sent, body: payload });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The admin and order calls the proofs make, on one service URL. */
export function client(base) {
  const call = (method, path, body, options = {}) =>
    request(base, method, path, { ...options, body });
  return {
    base,
    putProduct: (sku, product) =>
      call('PUT', `/admin/products/${encodeURIComponent(sku)}`, product),
    product: (sku) => call('GET', `/admin/products/${encodeURIComponent(sku)}`),
    queue: (sku) => call('GET', `/admin/queue/${encodeURIComponent(sku)}`),
    record: (sku) =>
      call('GET', `/availability/${encodeURIComponent(sku)}`, undefined, { token: null }),
    createPurchaseOrder: (po) => call('POST', '/admin/purchase-orders', po),
    changePurchaseOrder: (id, change) =>
      call('PATCH', `/admin/purchase-orders/${encodeURIComponent(id)}`, change),
    cancelPurchaseOrder: (id) =>
      call('POST', `/admin/purchase-orders/${encodeURIComponent(id)}/cancel`),
    receive: (receipt, key) =>
      call('POST', '/admin/receipts', receipt, key ? { headers: { 'idempotency-key': key } } : {}),
    order: (order) => call('POST', '/orders', order),
    getOrder: (id) => call('GET', `/orders/${encodeURIComponent(id)}`),
    cancelOrder: (id) => call('POST', `/orders/${encodeURIComponent(id)}/cancel`),
  };
}

/** Creates a pre-order product with `cap` units and nothing on hand (the proofs' usual subject). */
export async function putPreorderProduct(base, sku, cap) {
  const product = { status: 'preorder', onHand: 0, cap, allowPreorder: true };
  return expectStatus(await client(base).putProduct(sku, product), [200, 201], `product ${sku}`);
}

/** Fails with the exchange in the message unless the status is one of `expected`. */
export function expectStatus(answer, expected, what) {
  const allowed = [expected].flat();
  if (!allowed.includes(answer.status))
    throw new Error(
      `${what}: expected HTTP ${allowed.join('|')}, got ${answer.status}: ${answer.text.slice(0, 500)}`,
    );
  return answer;
}

let counter = 0;
/** An id unique to this test process: runs never see each other's SKUs or orders. */
export const uniqueId = (prefix) =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
