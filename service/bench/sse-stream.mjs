/**
 * One `GET /events` stream as a browser's EventSource reads it: the
 * text/event-stream format parsed as the HTML standard says (lines end in
 * CRLF, LF or CR; `:` starts a comment; a blank line dispatches the event;
 * an event without data is not dispatched), over node:http with no pooling,
 * each event stamped with the monotonic time its last chunk arrived.
 */
import http from 'node:http';

/** No keep-alive pool: each stream its own socket, as each page its own EventSource. */
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** The stream parser: `push` text as it arrives; `onEvent({ type, data, id, at })`, `onRetry(ms)`. */
export class SseParser {
  #buffer = '';
  #started = false;
  #type = '';
  #data = '';
  #id = '';

  constructor({ onEvent, onRetry = () => {} }) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
  }

  push(text, at) {
    let input = this.#buffer + text;
    if (!this.#started && input.length) {
      this.#started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    let start = 0;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A CR at the end of the chunk may be the first half of a CRLF: keep it for the next one.
      if (c === 13 && i === input.length - 1) break;
      this.#line(input.slice(start, i), at);
      if (c === 13 && input.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.#buffer = input.slice(start);
  }

  #line(line, at) {
    if (line === '') return this.#dispatch(at);
    if (line.startsWith(':')) return; // a comment: the heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data += `${value}\n`;
    else if (field === 'event') this.#type = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }

  #dispatch(at) {
    const { data, type } = { data: this.#data, type: this.#type };
    this.#data = '';
    this.#type = '';
    if (data === '') return;
    this.onEvent({ type: type || 'message', data: data.slice(0, -1), id: this.#id, at });
  }
}

/**
 * Opens `base + path`; resolves once the service's `retry:` line arrived
 * (written when the stream opens) with { close(), closedByServer }.
 * `onEvent` gets each parsed event.
 */
export function openStream(base, path, onEvent) {
  return new Promise((resolve, reject) => {
    const stream = { closedByServer: false, closing: false };
    const request = http.get(
      base + path,
      { agent, headers: { accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${path}: HTTP ${response.statusCode}`));
          return;
        }
        response.setEncoding('utf8'); // splits no character across chunks
        const parser = new SseParser({ onEvent, onRetry: () => resolve(stream) });
        response.on('data', (text) => parser.push(text, performance.now()));
        response.on('close', () => {
          if (!stream.closing) stream.closedByServer = true;
        });
      },
    );
    request.on('error', (error) => {
      if (!stream.closing) stream.closedByServer = true;
      reject(error);
    });
    stream.close = () => {
      stream.closing = true;
      request.destroy();
    };
  });
}
