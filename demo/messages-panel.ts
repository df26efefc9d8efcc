/**
 * "Sent by the service" (`npm start` only): the emails and webhook events the
 * availability service delivered, as demo/messages-server.mjs caught them,
 * newest first. Every field reaches the page as text; an email's HTML part is
 * shown in a sandboxed frame (no script, no same origin).
 */
import { byId, h } from './dom.js';
import { ON_SERVICE } from './state.js';

const MESSAGES_URL = '/demo-service/messages';
/** Items listed; the catcher keeps more. */
const SHOWN = 60;

interface Email {
  kind: 'email';
  id: number;
  at: string;
  to: string;
  subject: string;
  language: string;
  text: string;
  html: string;
}

interface Webhook {
  kind: 'webhook';
  id: number;
  at: string;
  type: string;
  eventId: string;
  data: { orderId?: string; sku?: string } | null;
  signatureValid: boolean;
}

type Message = Email | Webhook;

const time = (iso: string) => iso.slice(11, 19);

function emailItem(mail: Email): HTMLLIElement {
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  return h(
    'li',
    { class: 'ok', 'data-kind': 'email', 'data-to': mail.to, lang: mail.language || null },
    h('span', { class: 'request-line' }, h('strong', {}, 'Email '), mail.subject),
    h('span', { class: 'request-facts' }, `to ${mail.to} · ${time(mail.at)}`),
    h(
      'details',
      {},
      h('summary', {}, 'The email'),
      h('pre', { class: 'mail-text' }, mail.text),
      ...links.map((href) => h('p', {}, h('a', { href, target: '_blank', rel: 'noopener' }, href))),
      mail.html
        ? h('iframe', {
            class: 'mail-html',
            title: `HTML part of "${mail.subject}"`,
            sandbox: '',
            srcdoc: mail.html,
          })
        : null,
    ),
  );
}

function webhookItem(hook: Webhook): HTMLLIElement {
  const about = [hook.data?.orderId && `order ${hook.data.orderId}`, hook.data?.sku]
    .filter(Boolean)
    .join(' · ');
  return h(
    'li',
    {
      class: hook.signatureValid ? 'ok' : 'failed',
      'data-kind': 'webhook',
      'data-type': hook.type,
    },
    h('span', { class: 'request-line' }, h('code', {}, `POST ${hook.type}`)),
    h(
      'span',
      { class: 'request-facts' },
      `${about}${about ? ' · ' : ''}${hook.signatureValid ? 'signature valid' : 'BAD signature'} · ${time(hook.at)}`,
    ),
    h(
      'details',
      {},
      h('summary', {}, 'The event'),
      h('pre', {}, JSON.stringify(hook.data, null, 2)),
    ),
  );
}

export function initMessagesPanel(): void {
  if (!ON_SERVICE) return;
  byId('messages', HTMLElement).hidden = false;
  const list = byId('messages-log', HTMLOListElement);
  const summary = byId('messages-summary', HTMLElement);
  const messages: Message[] = [];
  let lastId = 0;
  let scheduled = false;
  const render = () => {
    scheduled = false;
    const emails = messages.filter((m) => m.kind === 'email').length;
    summary.textContent = `${emails} ${emails === 1 ? 'email' : 'emails'}, ${messages.length - emails} webhook events so far.`;
    list.replaceChildren(
      ...messages
        .slice(-SHOWN)
        .reverse()
        .map((m) => (m.kind === 'email' ? emailItem(m) : webhookItem(m))),
    );
  };
  // The seeded orders' events arrive in a burst: one render per frame.
  const later = () => {
    if (!scheduled) requestAnimationFrame(render);
    scheduled = true;
  };
  const source = new EventSource(MESSAGES_URL);
  source.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as Message;
    if (message.id <= lastId) return; // sent again after a reconnect
    lastId = message.id;
    messages.push(message);
    later();
  });
  source.addEventListener('clear', () => {
    messages.length = 0;
    later();
  });
  render();
}
