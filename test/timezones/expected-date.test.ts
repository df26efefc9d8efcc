import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { pinClock, resetAll } from '../elements/helpers.js';

// Runs once per emulated browser time zone (see web-test-runner.config.js).
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`<expected-date> with the browser in ${zone}`, () => {
  afterEach(() => resetAll());

  for (const [day, text] of [
    ['2027-03-12', 'Expected to ship by 12 March 2027'],
    ['2027-01-01', 'Expected to ship by 1 January 2027'],
    ['2027-12-31', 'Expected to ship by 31 December 2027'],
  ]) {
    it(`${day} shows as that calendar day`, async () => {
      pinClock(Date.UTC(2026, 10, 26, 12));
      const record = { sku: `TZ-${day}`, status: 'preorder', expectedDate: day };
      const el = await fixture(
        html`<expected-date locale="en-GB" .availability=${record}></expected-date>`,
      );
      const time = el.shadowRoot!.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(day);
      expect(time.textContent!.trim()).to.equal(text);
    });
  }

  it('the release day of a pre-order is compared with "today" in the store zone', async () => {
    // 2026-11-26 10:30 UTC: already the 27th in Kiritimati, still the 25th in Pago Pago.
    pinClock(Date.UTC(2026, 10, 26, 10, 30));
    const record = { sku: 'TZ-REL', releaseDate: '2026-11-27', onHand: 5 };
    const inKiritimati = await fixture(
      html`<availability-badge
        time-zone="Pacific/Kiritimati"
        .availability=${record}
      ></availability-badge>`,
    );
    const inPagoPago = await fixture(
      html`<availability-badge
        time-zone="Pacific/Pago_Pago"
        .availability=${record}
      ></availability-badge>`,
    );
    expect(inKiritimati.getAttribute('status')).to.equal('in_stock'); // released there
    expect(inPagoPago.getAttribute('status')).to.equal('preorder'); // not yet
  });
});
