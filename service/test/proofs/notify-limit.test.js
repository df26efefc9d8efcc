/**
 * POST /notify's rate limits on a pinned clock (the service in this process,
 * over real HTTP, both databases): per address and per IP, 429 with a
 * Retry-After counted to the end of the window, accepted again after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { START, product, startTestService } from '../harness.js';
import { DATABASES } from './databases.js';
import { startSmtp } from './smtp-catcher.js';

const HOUR = 3_600_000;

for (const database of DATABASES) {
  describe(`notify me: rate limits (${database.name})`, { skip: await database.skip() }, () => {
    let db;
    let smtp;
    let ctx;
    before(async () => {
      db = await database.create();
      smtp = await startSmtp();
      ctx = await startTestService(
        { data: db.data ?? '', databaseUrl: db.databaseUrl },
        {
          mail: { smtpUrl: smtp.url, from: 'shop@example.com', linkSecret: 'a-test-link-secret' },
          notifyLimits: { perAddress: 3, perIp: 5, windowMs: HOUR },
        },
      );
      await product(ctx.api, 'LIMIT-1', { title: 'Lamp', onHand: 0 });
    });
    after(async () => {
      await ctx?.service.close();
      await smtp?.close();
      await db?.drop();
    });
    const signUp = (email) =>
      ctx.api('POST', '/notify', { sku: 'LIMIT-1', email }, { token: null });

    test('per address: the 4th sign-up in the hour is 429 until the window ends', async () => {
      ctx.clock.now = START; // 12:00:00 UTC, a window's start
      for (let i = 0; i < 3; i++) assert.equal((await signUp('Same@Example.com')).status, 202);
      ctx.clock.now = START + 10 * 60_000;
      // The address is one whatever its case.
      const limited = await signUp('same@example.COM');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '3000');
      assert.equal(limited.body.error, 'rate_limited');
      assert.equal(limited.body.per, 'address');
      assert.match(limited.body.message, /email address; try again in 3000 s/);
      ctx.clock.now = START + HOUR;
      assert.equal((await signUp('same@example.com')).status, 202);
    });

    test('per IP: the 6th sign-up of different addresses in the window is 429', async () => {
      ctx.clock.now = START + 2 * HOUR;
      for (let i = 0; i < 5; i++) assert.equal((await signUp(`n${i}@example.com`)).status, 202);
      const limited = await signUp('n5@example.com');
      assert.equal(limited.status, 429);
      assert.equal(limited.body.per, 'ip');
      assert.equal(limited.headers.get('retry-after'), '3600');
    });
  });
}
