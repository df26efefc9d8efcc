/**
 * The email's pieces in-process: the merchant's --mail-labels (checked, and
 * winning over the built-in strings as `labels` do), the email options'
 * messages, the delay email's parts (escaped HTML, the moved wording in each
 * locale) and the cancel link's token.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MAIL_CATALOGS,
  MAIL_KEYS,
  formatMoved,
  loadLocale,
  mailText,
} from 'preorder-elements/text';
import { composeDelayNotice } from '../dist/mail/compose.js';
import { parseMailLabels } from '../dist/mail/labels.js';
import { lineToken, verifyLineToken } from '../dist/mail/links.js';
import { resolveRaw, toServiceOptions } from '../dist/options.js';

const options = (flags) => toServiceOptions(resolveRaw(flags, {}));

describe('mail strings', () => {
  test('every locale has every key, and the elements interpreter fills them', () => {
    for (const [locale, catalog] of Object.entries(MAIL_CATALOGS))
      assert.deepEqual(Object.keys(catalog).sort(), [...MAIL_KEYS].sort(), locale);
    const summary = (count, locale) =>
      mailText('pageCancelSummary', { orderId: 'o1', product: 'Lamp', count }, { locale });
    assert.equal(summary(1, 'en'), 'Order o1: 1 unit of Lamp will be cancelled.');
    assert.equal(summary(2, 'en-GB'), 'Order o1: 2 units of Lamp will be cancelled.');
    assert.equal(summary(2, 'xx'), 'Order o1: 2 units of Lamp will be cancelled.');
  });

  test('overrides: full tag, then language, then built-in', () => {
    const labels = parseMailLabels(
      JSON.stringify({ de: { mailGreeting: 'Servus,' }, 'de-AT': { mailSignoff: 'Baba!' } }),
      'labels.json',
    );
    assert.equal(mailText('mailGreeting', {}, { locale: 'de-AT', labels }), 'Servus,');
    assert.equal(mailText('mailSignoff', {}, { locale: 'de-AT', labels }), 'Baba!');
    assert.equal(
      mailText('mailSignoff', {}, { locale: 'de', labels }),
      MAIL_CATALOGS.de.mailSignoff,
    );
  });

  test('a bad labels file is refused, naming the entry', () => {
    const bad = (value, pattern) =>
      assert.throws(() => parseMailLabels(JSON.stringify(value), 'l.json'), pattern);
    assert.throws(() => parseMailLabels('{', 'l.json'), /^Error: --mail-labels: l\.json: not JSON/);
    bad([], /expected an object keyed by locale/);
    bad({ 'not a tag!': {} }, /"not a tag!" is not a locale tag/);
    bad({ de: 'x' }, /"de": expected an object of strings by key/);
    bad({ de: { mailGreting: 'x' } }, /"de\.mailGreting" is no string of the emails or pages/);
    bad({ de: { mailGreeting: 3 } }, /"de\.mailGreeting": expected a string/);
    assert.ok(parseMailLabels('{"fr":{"moved":"Désormais {date}"}}', 'l.json'), 'element keys too');
  });
});

describe('email options', () => {
  const smtp = { 'smtp-url': 'smtp://127.0.0.1:2525', 'mail-from': 'shop@example.com' };
  test('checked with the option named', () => {
    assert.throws(
      () => options({ ...smtp, 'smtp-url': 'http://mail' }),
      /^Error: --smtp-url: expected smtp:\/\/host:port/,
    );
    assert.throws(
      () => options({ ...smtp, 'mail-from': 'nobody' }),
      /^Error: --mail-from: required with --smtp-url/,
    );
    assert.throws(
      () => options(smtp),
      /^Error: --link-secret: required with --smtp-url unless --admin-token/,
    );
    assert.throws(
      () => options({ ...smtp, 'link-secret': 'short' }),
      /^Error: --link-secret: expected at least 16/,
    );
    assert.throws(
      () => options({ ...smtp, 'admin-token': 't', 'public-url': 'ftp://x' }),
      /^Error: --public-url: expected an http/,
    );
  });
  test('email alone runs the delivery worker; the link secret defaults from the admin token', () => {
    const parsed = options({ ...smtp, 'admin-token': 'token' });
    assert.deepEqual(parsed.webhooks.urls, []);
    assert.equal(typeof parsed.mail.linkSecret, 'string');
    assert.notEqual(parsed.mail.linkSecret, 'token');
    assert.equal(options({ 'admin-token': 'token' }).mail, undefined);
  });
});

describe('the delay email', () => {
  const notice = {
    to: 'kim@example.test',
    locale: 'es-MX',
    product: 'Lamp <b>&</b>',
    orderId: 'o"1',
    previous: '2027-03-12',
    current: '2027-04-02',
    precision: 'day',
    cancelUrl: 'https://shop.example/orders/o%221/lines/1/cancel?token=abc&x=1',
  };
  test('text and escaped HTML in the customer language, in the product page words', async () => {
    const message = await composeDelayNotice(notice);
    await loadLocale('es');
    const moved = formatMoved({ kind: 'day', day: '2027-04-02', precision: 'day' }, '2027-03-12', {
      locale: 'es-MX',
    });
    assert.ok(message.text.includes(moved), message.text);
    assert.ok(message.text.includes(notice.cancelUrl));
    assert.ok(message.subject.includes('Lamp <b>&</b>') && message.subject.includes('o"1'));
    assert.match(message.html, /^<!doctype html>\n<html lang="es-MX">/);
    assert.ok(message.html.includes('Lamp &lt;b&gt;&amp;&lt;/b&gt;'));
    assert.ok(
      message.html.includes(
        'href="https://shop.example/orders/o%221/lines/1/cancel?token=abc&amp;x=1"',
      ),
    );
    assert.doesNotMatch(message.html, /<b>/);
  });
  test('a merchant override of the element string moved reaches the email', async () => {
    const labels = { es: { moved: 'Ahora: {date} (antes {previous})' } };
    const message = await composeDelayNotice(notice, labels);
    assert.match(message.text, /Ahora: .*2027.* \(antes .*2027.*\)/);
  });
});

test('a token names one line of one order', () => {
  const ref = { orderId: 'o1', line: 1, seq: 7 };
  const token = lineToken(ref, 'secret-secret-secret');
  assert.ok(verifyLineToken(ref, token, 'secret-secret-secret'));
  assert.ok(!verifyLineToken({ ...ref, line: 2 }, token, 'secret-secret-secret'));
  assert.ok(!verifyLineToken({ ...ref, seq: 8 }, token, 'secret-secret-secret'));
  assert.ok(!verifyLineToken(ref, token, 'another-secret-value'));
  assert.ok(!verifyLineToken(ref, undefined, 'secret-secret-secret'));
});
