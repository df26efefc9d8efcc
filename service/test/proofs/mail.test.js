/**
 * Delay emails (issue 14, service.md s.4) on the command as an operator runs
 * it, with a real SMTP server and a real webhook receiver: moving a purchase
 * order mails exactly the customers whose promise moved, each in their
 * language and in the product page's words, with a signed link to cancel the
 * line; the link's page cancels only by its POST, refuses a tampered or
 * reused link, and the later order that moves up is mailed too. A SIGKILL
 * while the SMTP server refuses loses no email.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { formatMoved, loadLocale, mailText } from 'preorder-elements/text';
import { DATABASES, pgClient } from './databases.js';
import { client, expectStatus, request, startService, uniqueId } from './harness.js';
import { startSmtp } from './smtp-catcher.js';
import { startReceiver } from './webhook-receiver.js';

const SECRET = 'proof-webhook-secret';
const TITLE = 'Lumen Desk Lamp <Mk II>';
const FIRST = '2027-03-12';
const MOVED = '2027-04-02';
const LATER = '2027-05-20';

const serviceArgs = (smtp, receiver) => [
  '--smtp-url',
  smtp.url,
  '--mail-from',
  'Shop <shop@example.com>',
  '--webhook-url',
  `${receiver.url}/hook`,
  '--webhook-secret',
  SECRET,
  '--webhook-timeout-ms',
  '1500',
  '--webhook-retry-base-ms',
  '20',
  '--webhook-retry-max-ms',
  '200',
  '--webhook-poll-ms',
  '200',
  '--log-level',
  'error',
];

/** One row's first column of `statement`, read behind the service's back. */
async function count(db, statement) {
  if (db.databaseUrl) {
    const pg = pgClient(db.databaseUrl);
    await pg.connect();
    try {
      return Number(Object.values((await pg.query(statement)).rows[0])[0]);
    } finally {
      await pg.end();
    }
  }
  const sqlite = new Database(join(db.data, 'preorder.sqlite'), { readonly: true });
  try {
    return Number(Object.values(sqlite.prepare(statement).get())[0]);
  } finally {
    sqlite.close();
  }
}

/** Every event handed over and no email left to send: what has not arrived will not. */
async function mailSettled(db) {
  const limit = Date.now() + 30_000;
  for (;;) {
    const left =
      (await count(db, 'select count(*) from outbox where delivered_at is null')) +
      (await count(db, "select count(*) from outbox_deliveries where target = 'mail:'"));
    if (left === 0) return;
    if (Date.now() > limit) throw new Error(`${left} events or emails still pending`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A product on two purchase orders: 4 units due FIRST, 10 due LATER. */
async function lampOnTwoLots(api) {
  const sku = uniqueId('lamp');
  const product = {
    title: TITLE,
    status: 'preorder',
    onHand: 0,
    cap: 100,
    allowPreorder: true,
    datePrecision: 'day',
  };
  expectStatus(await api.putProduct(sku, product), [200, 201], 'product');
  const po = async (quantity, expectedDate) =>
    expectStatus(await api.createPurchaseOrder({ sku, quantity, expectedDate }), 201, 'po').body.id;
  return { sku, first: await po(4, FIRST), later: await po(10, LATER) };
}

async function placeOrders(api, sku, customers) {
  const orders = {};
  for (const [name, locale] of customers) {
    const id = uniqueId(`o-${name}`);
    const customer = { email: `${name}@example.test`, locale };
    expectStatus(await api.order({ id, customer, lines: [{ sku, quantity: 2 }] }), 201, id);
    orders[name] = { id, email: customer.email, locale };
  }
  return orders;
}

const linkIn = (text) => /https?:\/\/\S+\/cancel\?token=[\w-]+/.exec(text)?.[0];

const form = (token) => ({
  body: new URLSearchParams({ token }).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  token: null,
});

for (const database of DATABASES) {
  describe(`delay emails (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let service;
    let smtp;
    let receiver;
    beforeEach(async () => {
      db = await database.create();
    });
    afterEach(async () => {
      await service?.stop();
      await smtp?.close();
      await receiver?.close();
      await db?.drop();
    });

    test(
      'a moved purchase order mails exactly the moved orders; the cancel link',
      { timeout: 120_000 },
      async () => {
        smtp = await startSmtp();
        receiver = await startReceiver(SECRET);
        service = await startService(db, { args: serviceArgs(smtp, receiver) });
        const api = client(service.url);
        const { sku, first } = await lampOnTwoLots(api);
        // en and de fill the first lot; fr, ja, es and an unknown locale wait for the later one.
        const orders = await placeOrders(api, sku, [
          ['en', 'en-GB'],
          ['de', 'de-DE'],
          ['fr', 'fr'],
          ['ja', 'ja'],
          ['es', 'es'],
          ['pt', 'pt-BR'],
        ]);
        expectStatus(await api.changePurchaseOrder(first, { expectedDate: MOVED }), 200, 'move');

        await smtp.until(() => smtp.messages.length >= 2, 'two delay emails');
        await mailSettled(db);
        assert.deepEqual(
          smtp.messages.map((m) => m.to).sort(),
          [orders.de.email, orders.en.email],
          'only the orders whose promise moved',
        );
        const promiseEvents = () =>
          receiver.acked.filter((r) => r.event.type === 'promise.changed').map((r) => r.event.data);
        await receiver.until(() => promiseEvents().length >= 2, 'their promise.changed webhooks');
        assert.deepEqual(
          promiseEvents()
            .map((d) => d.orderId)
            .sort(),
          [orders.de.id, orders.en.id],
        );

        const [en] = smtp.to(orders.en.email);
        assert.match(en.from, /Shop.*<shop@example\.com>/);
        assert.match(en.text, /Now expected 2 April 2027 \(was 12 March 2027\)/);
        assert.ok(en.subject.includes(TITLE) && en.subject.includes(orders.en.id), en.subject);
        assert.ok(en.text.includes(orders.en.id) && en.text.includes(TITLE));
        assert.match(en.html, /<html lang="en-GB">/);
        assert.ok(en.html.includes('Lumen Desk Lamp &lt;Mk II&gt;'), 'the title escaped in HTML');
        assert.doesNotMatch(en.html, /<script/i);

        await loadLocale('de');
        const [de] = smtp.to(orders.de.email);
        const deMoved = formatMoved({ kind: 'day', day: MOVED, precision: 'day' }, FIRST, {
          locale: 'de-DE',
        });
        assert.ok(de.text.includes(deMoved), `${deMoved} in ${de.text}`);
        assert.equal(
          de.subject,
          mailText('mailMovedSubject', { product: TITLE, orderId: orders.de.id }, { locale: 'de' }),
        );
        assert.match(de.html, /<html lang="de-DE">/);
        const link = linkIn(de.text);
        assert.ok(link, `a cancel link in ${de.text}`);
        assert.ok(
          link.startsWith(
            `${service.url}/orders/${encodeURIComponent(orders.de.id)}/lines/1/cancel?token=`,
          ),
        );
        assert.ok(de.html.includes(`href="${link}"`), 'the same link in the HTML part');

        // The page: localized, a labelled form, no script, a strict policy.
        const path = link.slice(service.url.length);
        const page = await request(service.url, 'GET', path, { token: null });
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-type'), /^text\/html; charset=utf-8/);
        const csp = page.headers.get('content-security-policy');
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /form-action 'self'/);
        assert.match(page.text, /<html lang="de-DE">/);
        assert.match(page.text, /<form method="post" action="cancel" aria-labelledby="title"/);
        assert.match(page.text, /<h1 id="title">/);
        assert.ok(page.text.includes('Diese Position stornieren'));
        assert.doesNotMatch(page.text, /<script|<link|src=/i);
        const token = new URL(link).searchParams.get('token');

        // A tampered token: refused, nothing cancelled.
        const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
        const badPath = `${path.split('?')[0]}?token=${tampered}`;
        assert.equal((await request(service.url, 'GET', badPath, { token: null })).status, 403);
        const badPost = await request(service.url, 'POST', path.split('?')[0], form(tampered));
        assert.equal(badPost.status, 403);
        const other = `/orders/${encodeURIComponent(orders.en.id)}/lines/1/cancel`;
        assert.equal(
          (await request(service.url, 'POST', other, form(token))).status,
          403,
          "one line's token cancels no other",
        );
        assert.notEqual((await api.getOrder(orders.de.id)).body.lines[0].status, 'cancelled');

        // The POST cancels, in the customer's language; a second one is refused.
        const done = await request(service.url, 'POST', path.split('?')[0], form(token));
        assert.equal(done.status, 200, done.text);
        assert.match(done.text, /<html lang="de-DE">/);
        assert.ok(done.text.includes('Storniert'));
        assert.equal((await api.getOrder(orders.de.id)).body.lines[0].status, 'cancelled');
        const again = await request(service.url, 'POST', path.split('?')[0], form(token));
        assert.equal(again.status, 409);
        assert.ok(again.text.includes('Bereits storniert'));
        assert.equal((await request(service.url, 'GET', path, { token: null })).status, 409);

        // Its units went to the next order in the queue (fr), which moves up and is told.
        await smtp.until(
          () => smtp.to(orders.fr.email).length === 1,
          'the email of the order that moved up',
        );
        await mailSettled(db);
        await loadLocale('fr');
        const fr = smtp.to(orders.fr.email)[0];
        const frMoved = formatMoved({ kind: 'day', day: MOVED, precision: 'day' }, LATER, {
          locale: 'fr',
        });
        assert.ok(fr.text.includes(frMoved), `${frMoved} in ${fr.text}`);
        assert.match(fr.html, /<html lang="fr">/);
        assert.deepEqual(
          smtp.messages.map((m) => m.to).sort(),
          [orders.de.email, orders.en.email, orders.fr.email],
          'one email each; none for the orders whose promise stayed',
        );
        await receiver.until(
          () => promiseEvents().some((d) => d.orderId === orders.fr.id),
          'fr told by webhook',
        );
        const cancelled = () => receiver.acked.filter((r) => r.event.type === 'order.cancelled');
        await receiver.until(() => cancelled().length > 0, 'order.cancelled by webhook');
        assert.deepEqual(
          cancelled().map((r) => r.event.data),
          [{ orderId: orders.de.id, lines: [{ line: 1, sku, quantity: 2 }] }],
          'one cancel, of that line',
        );
      },
    );

    test(
      'killed while the SMTP server refuses: every email arrives after the restart, once',
      { timeout: 120_000 },
      async () => {
        let refusing = true;
        smtp = await startSmtp(() => (refusing ? 451 : 250));
        receiver = await startReceiver(SECRET);
        const args = serviceArgs(smtp, receiver);
        service = await startService(db, { args });
        const api = client(service.url);
        const { sku, first } = await lampOnTwoLots(api);
        const orders = await placeOrders(api, sku, [
          ['ja', 'ja-JP'],
          ['es', 'es-MX'],
        ]);
        expectStatus(await api.changePurchaseOrder(first, { expectedDate: MOVED }), 200, 'move');
        // Each email refused at least twice: retried after a failure.
        await smtp.until(
          () =>
            [orders.ja.email, orders.es.email].every(
              (to) => smtp.attempts.filter((a) => a.to === to).length >= 2,
            ),
          'two refused attempts of each email',
        );
        assert.equal((await service.kill()).signal, 'SIGKILL');
        refusing = false;
        service = await startService(db, { args });
        await smtp.until(() => smtp.messages.length >= 2, 'both emails after the restart');
        await mailSettled(db);
        assert.deepEqual(smtp.messages.map((m) => m.to).sort(), [orders.es.email, orders.ja.email]);
        await loadLocale('ja');
        const ja = smtp.to(orders.ja.email)[0];
        const jaMoved = formatMoved({ kind: 'day', day: MOVED, precision: 'day' }, FIRST, {
          locale: 'ja-JP',
        });
        assert.ok(ja.text.includes(jaMoved), `${jaMoved} in ${ja.text}`);
        assert.ok(ja.text.includes(orders.ja.id) && linkIn(ja.text));
      },
    );
  });
}
