// Node's side of a mock endpoint: reading a request body and sending an
// answer with node:http (plain servers, Vite and Connect middleware). No
// import, so a bundle for the browser that only reaches availability.js
// never pulls Node in.

/** @typedef {import('./availability.js').MockResponse} MockResponse */

/**
 * Sends an answer; a HEAD request gets the headers only.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {MockResponse} response
 */
export function send(req, res, response) {
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Length': String(Buffer.byteLength(response.body)),
  });
  res.end(req.method === 'HEAD' ? undefined : response.body);
}

/**
 * The request body as text (a POST's JSON); at most `limit` characters.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
export function readBody(req, limit = 65_536) {
  if (req.method !== 'POST') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > limit) req.destroy(new Error('request body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
