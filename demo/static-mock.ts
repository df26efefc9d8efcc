/**
 * The static demo build has no server: this fetch wrapper answers `/api/...`
 * in the page with the same pure handler the dev server uses. Installed only
 * in the static build (see vite.demo.config.ts); every other URL goes to the
 * network as usual.
 */
import { handleAvailabilityRequest } from './mock-endpoint.js';

/** Resolves after `ms`, or rejects with the signal's reason when it aborts (as fetch does). */
function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

export function installStaticMock(): void {
  const network = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    // Any host, any folder: `/api/` paths on this origin (or file:) are the mock's.
    const at = url.pathname.indexOf('/api/');
    const local = url.origin === location.origin || url.protocol === 'file:';
    if (!local || at === -1) return network(input, init);
    const path = new URL(url.pathname.slice(at) + url.search, location.origin);
    const body = request.method === 'POST' ? await request.text() : '';
    const answer = handleAvailabilityRequest(path, undefined, { method: request.method, body });
    if (!answer) return network(input, init);
    await wait(answer.delay, request.signal);
    const empty = request.method === 'HEAD';
    return new Response(empty ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };
}
