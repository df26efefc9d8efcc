/**
 * Proof of "notify me" (service.md s.2 POST /notify) with the real CLI
 * process, a real SMTP server and both databases: sign-ups are confirmed
 * through the emailed link (GET shows, only POST acts), and when a receipt
 * makes the SKU orderable each confirmed address gets exactly one email in
 * its language, none to the unconfirmed or the unsubscribed, none twice.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DATABASES, pgClient } from './databases.js';
import { client, expectStatus, request, startService, uniqueId } from './harness.js';
import { startSmtp } from './smtp-catcher.js';

const WAIT_LIMIT_MS = 30_000;

/** Rows of `statement` (no parameters), read behind the service's back. */
async function query(db, statement) {
  if (db.databaseUrl) {
    const pg = pgClient(db.databaseUrl);
    await pg.connect();
    try {
      return (await pg.query(statement)).rows;
    } finally {
      await pg.end();
    }
  }
  const sqlite = new Database(join(db.data, 'preorder.sqlite'), { readonly: true });
  try {
    return sqlite.prepare(statement).all();
  } finally {
    sqlite.close();
  }
}

/** Resolves once `check()` is true, looking again after each short wait; fails after the limit. */
async function eventually(check, what) {
  const end = Date.now() + WAIT_LIMIT_MS;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${WAIT_LIMIT_MS} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every outbox row handed over and every 'mail:notify' delivery done. */
const mailSettled = async (db) => {
  const [waiting] = await query(db, 'select count(*) as n from outbox where delivered_at is null');
  const [queued] = await query(
    db,
    "select count(*) as n from outbox_deliveries where target = 'mail:notify'",
  );
  return Number(waiting.n) === 0 && Number(queued.n) === 0;
};

/** The first message matching `match`, once it has arrived. */
async function arrives(smtp, match, what) {
  await smtp.until(() => smtp.messages.some(match), what);
  return smtp.messages.find(match);
}

const linkIn = (mail, path) => {
  const found = new RegExp(`https?://\\S+${path}\\?s=\\d+&t=[\\w-]+`).exec(mail.text);
  assert.ok(found, `no ${path} link in: ${mail.text}`);
  return new URL(found[0]);
};

/** Follows an emailed link as a browser does: GET the page, then POST its form. */
async function follow(link) {
  const page = await request(link.origin, 'GET', link.pathname + link.search, { token: null });
  const posted = await request(link.origin, 'POST', link.pathname, {
    token: null,
    body: new URLSearchParams({
      s: link.searchParams.get('s'),
      t: link.searchParams.get('t'),
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { page, posted };
}

for (const database of DATABASES) {
  describe(`notify me (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let smtp;
    let service;
    let api;
    before(async () => {
      db = await database.create();
      smtp = await startSmtp();
      service = await startService(db, {
        args: ['--smtp-url', smtp.url, '--mail-from', 'shop@example.com', '--log-level', 'error'],
      });
      api = client(service.url);
    });
    after(async () => {
      await service?.stop();
      await smtp?.close();
      await db?.drop();
    });

    const signUp = (body) =>
      request(service.url, 'POST', '/notify', {
        token: null,
        body,
        headers: { origin: 'https://shop.example' },
      });

    test('bad input is refused with 400 naming the field; an unknown SKU with 404', async () => {
      const sku = uniqueId('NOTIFY-BAD');
      expectStatus(await api.putProduct(sku, { title: 'Lamp', onHand: 0 }), 201, 'product');
      const cases = [
        [{ sku, email: 'not an address' }, 'email'],
        [{ email: 'a@example.com' }, 'sku'],
        [{ sku, email: 'a@example.com', locale: 'not a tag!' }, 'locale'],
        [{ sku, email: 'a@example.com', colour: 'red' }, 'colour'],
      ];
      for (const [body, field] of cases) {
        const answer = await signUp(body);
        assert.equal(answer.status, 400, answer.text);
        assert.equal(answer.body.field, field, answer.text);
        assert.match(answer.body.message, new RegExp(`^${field}: expected `));
      }
      const unknown = await signUp({ sku: `${sku}-none`, email: 'a@example.com' });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.sku, `${sku}-none`);
    });

    test('double opt-in, then exactly one email per confirmed address when the SKU becomes orderable', async () => {
      const sku = uniqueId('NOTIFY');
      expectStatus(await api.putProduct(sku, { title: 'Lampe Aurora', onHand: 0 }), 201, 'product');
      assert.equal((await api.record(sku)).body.onHand, 0);
      const anna = `anna-${sku}@example.com`.toLowerCase();
      const bob = `bob-${sku}@example.com`.toLowerCase();
      const carla = `carla-${sku}@example.com`.toLowerCase();

      const signed = await signUp({ sku, email: anna, locale: 'de' });
      assert.equal(signed.status, 202, signed.text);
      assert.deepEqual(signed.body, { accepted: true });
      assert.equal(signed.headers.get('access-control-allow-origin'), '*');
      expectStatus(await signUp({ sku, email: bob, locale: 'en' }), 202, 'bob');
      expectStatus(await signUp({ sku, email: carla, locale: 'fr' }), 202, 'carla');

      // The confirmation, in German.
      const annaConfirm = await arrives(smtp, (m) => m.to === anna, 'anna confirmation');
      assert.match(annaConfirm.subject, /Bitte bestätigen.*Lampe Aurora/);
      assert.match(annaConfirm.html, /<html lang="de">/);
      const confirmLink = linkIn(annaConfirm, '/notify/confirm');

      // A tampered token is refused, and changes nothing.
      const tampered = new URL(confirmLink);
      tampered.searchParams.set('t', 'x'.repeat(43));
      const refused = await follow(tampered);
      assert.equal(refused.page.status, 403);
      assert.equal(refused.posted.status, 403);

      // GET shows the page (no change); only its POST confirms.
      const { page, posted } = await follow(confirmLink);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type'), /^text\/html/);
      assert.match(page.headers.get('content-security-policy'), /default-src 'none'/);
      assert.match(page.text, /<html lang="de">/);
      assert.match(page.text, /<form method="post" action="confirm"/);
      assert.match(page.text, new RegExp(anna.replace(/[.]/g, '\\.')));
      assert.doesNotMatch(page.text, /<script/);
      assert.equal(posted.status, 200);
      assert.match(posted.text, /Bestätigt/);
      // The link again: nothing to change.
      assert.equal((await follow(confirmLink)).posted.status, 409);

      // Carla confirms, then leaves by the unsubscribe link of her email.
      const carlaConfirm = await arrives(smtp, (m) => m.to === carla, 'carla confirmation');
      assert.match(carlaConfirm.subject, /Merci de confirmer/);
      assert.equal((await follow(linkIn(carlaConfirm, '/notify/confirm'))).posted.status, 200);
      const left = await follow(linkIn(carlaConfirm, '/notify/unsubscribe'));
      assert.equal(left.page.status, 200);
      assert.match(left.page.text, /<html lang="fr">/);
      assert.equal(left.posted.status, 200);
      assert.match(left.posted.text, /Désinscrit/);
      // Bob never confirms.
      await arrives(smtp, (m) => m.to === bob, 'bob confirmation');

      // Stock arrives: the SKU is orderable.
      expectStatus(await api.receive({ sku, quantity: 5 }), 201, 'receipt');
      const notice = await arrives(
        smtp,
        (m) => m.to === anna && /jetzt bestellbar/.test(m.subject),
        'anna notice',
      );
      assert.match(notice.subject, /^Lampe Aurora ist jetzt bestellbar$/);
      assert.match(notice.html, /<html lang="de">/);
      linkIn(notice, '/notify/unsubscribe');

      // A second change while orderable tells no one again.
      expectStatus(await api.receive({ sku, quantity: 2 }), 201, 'second receipt');
      await eventually(() => mailSettled(db), 'every notify email sent');
      const notices = await query(db, "select payload from outbox where type = 'notify.available'");
      assert.equal(notices.length, 1);
      assert.deepEqual(
        smtp.to(anna).map((m) => m.subject),
        [annaConfirm.subject, notice.subject],
      );
      assert.equal(smtp.to(bob).length, 1, 'bob: only his confirmation');
      assert.equal(smtp.to(carla).length, 1, 'carla: only her confirmation');

      // The notice's unsubscribe link works too.
      assert.equal((await follow(linkIn(notice, '/notify/unsubscribe'))).posted.status, 200);
      const [row] = await query(
        db,
        `select status from notify_signups where email_key = '${anna}'`,
      );
      assert.equal(row.status, 'unsubscribed');
    });
  });
}
