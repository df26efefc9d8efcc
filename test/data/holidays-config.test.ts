/**
 * The `holidays` option: from configure() and from the script tag's
 * data-holidays, it changes what <expected-date> promises; a bad value is
 * reported on the console, naming the option, and the rest still applies.
 * NOW is Thursday 26 November 2026, 16:00 in Berlin: after a 14:00 cut-off an
 * order ships Friday the 27th, or Monday the 30th when the 27th is a holiday.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import {
  configure,
  DEFAULTS,
  getOptions,
  optionsFromDataset,
  setScriptOptions,
} from '../../src/data/index.js';
import type { AvailabilityRecord, ExpectedDate } from '../../src/elements.js';
import { part, pinClock, RECORDS, resetAll, settled } from '../elements/helpers.js';
import { gb } from '../support/cldr.js';
import { eventually } from './helpers.js';

/** The console.error messages `run` causes (and nothing printed). */
function errorsOf(run: () => void): string[] {
  const messages: string[] = [];
  const original = console.error;
  console.error = (message: string) => messages.push(String(message));
  try {
    run();
  } finally {
    console.error = original;
  }
  return messages;
}

/** An in-stock <expected-date> with a 14:00 cut-off; the zone from `attrs` or configure(). */
async function inStockDate(attrs: Record<string, string> = { 'time-zone': 'Europe/Berlin' }) {
  const element = document.createElement('expected-date');
  element.setAttribute('locale', 'en-GB');
  element.setAttribute('cutoff', '14:00');
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.availability = RECORDS.inStock as AvailabilityRecord;
  await fixture(html`<div>${element}</div>`);
  await settled(element);
  return element;
}

const shipLine = (el: ExpectedDate) => gb(part(el, 'date')!.textContent!.trim());
const shipDay = (el: ExpectedDate) => part(el, 'date')!.getAttribute('datetime');

describe('holidays: configure() and data-holidays', () => {
  beforeEach(() => pinClock());
  afterEach(() => resetAll());

  it('without holidays, an order after the cut-off ships on Friday', async () => {
    const el = await inStockDate();
    expect(shipLine(el)).to.equal('Ships Fri 27 November');
    expect(shipDay(el)).to.equal('2026-11-27');
  });

  it('configure({ holidays }) before the element: it ships on the next business day', async () => {
    configure({ holidays: ['2026-11-27'] });
    const el = await inStockDate();
    expect(shipLine(el)).to.equal('Ships Mon 30 November');
    expect(shipDay(el)).to.equal('2026-11-30');
  });

  it('configure({ holidays }) on an open page re-renders the element, and null restores it', async () => {
    const el = await inStockDate();
    configure({ holidays: ['2026-11-27', '2026-11-30'] });
    await eventually(() => shipDay(el) === '2026-12-01', 'holidays never applied');
    expect(shipLine(el)).to.equal('Ships Tue 1 December');
    configure({ holidays: null });
    await eventually(() => shipDay(el) === '2026-11-27', 'holidays never removed');
  });

  it('reads data-holidays: days split on commas and spaces', () => {
    const script = document.createElement('script');
    script.dataset.holidays = '2026-11-27, 2026-12-25 2026-12-26';
    expect(
      errorsOf(() =>
        expect(optionsFromDataset(script.dataset)).to.deep.equal({
          holidays: ['2026-11-27', '2026-12-25', '2026-12-26'],
        }),
      ),
    ).to.deep.equal([]);
  });

  it('the script tag’s holidays reach the element; configure() wins over them', async () => {
    const script = document.createElement('script');
    script.dataset.holidays = '2026-11-27';
    setScriptOptions(optionsFromDataset(script.dataset));
    const el = await inStockDate();
    expect(shipDay(el)).to.equal('2026-11-30');
    configure({ holidays: [] });
    await eventually(() => shipDay(el) === '2026-11-27', 'configure() did not win');
  });

  describe('a bad holidays value', () => {
    const bad: [string, unknown][] = [
      ['a day that does not exist', ['2026-11-27', '2026-02-30']],
      ['not a day at all', ['next friday']],
      ['a string, not a list', '2026-11-27'],
      ['an object, not a list', { 0: '2026-11-27' }],
      ['a list of numbers', [20261127]],
    ];
    for (const [name, value] of bad) {
      it(`${name}: reported naming the option, the rest applied`, () => {
        const errors = errorsOf(() => configure({ holidays: value as never, retries: 3 }));
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain('option "holidays" must be a list of days like "2026-12-25"');
        expect(getOptions().holidays).to.deep.equal(DEFAULTS.holidays);
        expect(getOptions().retries).to.equal(3);
      });
    }

    it('in data-holidays: reported for the script tag, the other attributes kept', () => {
      const script = document.createElement('script');
      Object.assign(script.dataset, { holidays: '2026-11-27, soon', retries: '1' });
      let options = {};
      const errors = errorsOf(() => (options = optionsFromDataset(script.dataset)));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<script data-*>');
      expect(errors[0]).to.contain('"holidays"');
      expect(options).to.deep.equal({ retries: 1 });
    });

    it('leaves the element on the other options: the zone applies, no holiday does', async () => {
      const errors = errorsOf(() =>
        configure({ holidays: ['2026-11-27', '27/11/2026'], timeZone: 'Europe/Berlin' }),
      );
      expect(errors).to.have.length(1);
      // No time-zone attribute: only Berlin (from configure()) puts 15:00 UTC past a 15:30
      // cut-off; in the browser's zone (UTC here, or any west of Berlin) it ships today.
      const el = await inStockDate({ cutoff: '15:30' });
      expect(shipDay(el)).to.equal('2026-11-27');
    });

    it('keeps the holidays set before it', async () => {
      configure({ holidays: ['2026-11-27'] });
      errorsOf(() => configure({ holidays: ['2026-13-01'] }));
      expect(getOptions().holidays).to.deep.equal(['2026-11-27']);
      const el = await inStockDate();
      expect(shipDay(el)).to.equal('2026-11-30');
    });
  });
});
