// A real Server-Sent Events source for the live feed's browser tests, served
// by the test runner's own server. Each test run (its own id) sees its
// streams and says what they send:
//
//   GET  /mock/events?run=ID&skus=A,B           the stream (text/event-stream), kept open
//   GET  /mock/events/log?run=ID                { streams: [{ url, lastEventId, open }] }
//   POST /mock/events/send?run=ID               body: the frame's text, written to every open stream
// `lastEventId` is the Last-Event-ID header or the ?lastEventId= query, as the service reads it.

/** Streams by run id: what each asked for, and whether it is still open. */
const runs = new Map();

const streamsOf = (run) => runs.get(run) ?? runs.set(run, []).get(run);

/** Reads a Koa request's body as text. */
async function bodyText(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

export function eventServer() {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    if (!url.pathname.startsWith('/mock/events')) return next();
    const run = url.searchParams.get('run') ?? 'default';
    const streams = streamsOf(run);
    if (url.pathname === '/mock/events/log') {
      ctx.body = {
        streams: streams.map(({ url, lastEventId, res }) => ({
          url,
          lastEventId,
          open: !res.destroyed && !res.writableEnded,
        })),
      };
      return;
    }
    if (url.pathname === '/mock/events/send' && ctx.method === 'POST') {
      const frame = await bodyText(ctx.req);
      const open = streams.filter(({ res }) => !res.destroyed && !res.writableEnded);
      for (const { res } of open) res.write(frame);
      ctx.body = { sent: open.length };
      return;
    }
    // The stream itself: answered outside Koa, which would end the response.
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': open\n\n');
    streams.push({
      url: url.pathname + url.search,
      lastEventId: ctx.get('last-event-id') || url.searchParams.get('lastEventId') || '',
      res,
    });
    // The client's close ends it; no stream outlives its page.
    ctx.req.on('close', () => res.end());
  };
}
