import { expect } from '@open-wc/testing';
import { decide, validateRecord, wallClock } from '../../src/engine/index.js';

// Runs once per emulated browser time zone (see web-test-runner.config.js).
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`calendar days in the browser zone ${zone}`, () => {
  it('a date-only ship date stays the same calendar day', () => {
    const { record } = validateRecord({
      sku: 'TZ',
      status: 'preorder',
      expectedDate: '2027-03-12',
    });
    const decision = decide(record!, { now: Date.UTC(2026, 10, 26, 12) });
    expect(decision.ship).to.deep.equal({ kind: 'day', day: '2027-03-12', precision: 'day' });
  });

  it('"today" is taken in the store zone, not the browser’s', () => {
    // 2026-11-26 10:30 UTC is already the 27th in Kiritimati (UTC+14) and still the 25th in Pago Pago (UTC-11).
    const now = Date.UTC(2026, 10, 26, 10, 30);
    expect(wallClock(now, 'Pacific/Kiritimati').day).to.equal('2026-11-27');
    expect(wallClock(now, 'Pacific/Pago_Pago').day).to.equal('2026-11-25');
    expect(wallClock(now, 'UTC').day).to.equal('2026-11-26');
  });
});
