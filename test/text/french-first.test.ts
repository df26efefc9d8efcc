/**
 * French writes the first of a month "1er" ("1er janvier 2027"), every other
 * day as a plain number ("2 janvier", "11 janvier", "21 janvier"), in every
 * form a day takes: formatDay's styles, ship dates, ranges, moved notices.
 * Other languages keep Intl's "1".
 */
import { expect } from '@open-wc/testing';
import { formatDay, formatDayRange, formatMoved, formatShipDate } from '../../src/text/index.js';
import { inWindow, NBSP, onDay, plain } from './helpers.js';

const fr = { locale: 'fr' };

describe('French "1er" for the first of a month', () => {
  const days: [string, string][] = [
    ['2027-01-01', '1er janvier 2027'],
    ['2027-01-02', '2 janvier 2027'],
    ['2027-01-10', '10 janvier 2027'],
    ['2027-01-11', '11 janvier 2027'],
    ['2027-01-21', '21 janvier 2027'],
    ['2027-01-31', '31 janvier 2027'],
    ['2027-03-01', '1er mars 2027'],
    ['2027-12-01', '1er décembre 2027'],
  ];
  for (const [day, expected] of days) {
    it(`formatDay ${day} -> "${expected}"`, () => expect(formatDay(day, fr)).to.equal(expected));
  }

  it('in the weekday style, and not in the month style (which has no day)', () => {
    expect(formatDay('2027-01-01', fr, 'weekday')).to.equal('ven. 1er janvier');
    expect(formatDay('2027-01-02', fr, 'weekday')).to.equal('sam. 2 janvier');
    expect(formatDay('2027-01-01', fr, 'month')).to.equal('janvier 2027');
  });

  it('for French regions too (fr-CA, fr-CH)', () => {
    expect(formatDay('2027-01-01', { locale: 'fr-CA' })).to.equal('1er janvier 2027');
    expect(formatDay('2027-01-01', { locale: 'fr-CH' })).to.equal('1er janvier 2027');
  });

  it('formatShipDate: an exact day, a week starting on the 1st, and a window', () => {
    expect(formatShipDate(onDay('2027-01-01'), fr)).to.equal(
      'Expédition prévue d’ici le 1er janvier 2027',
    );
    expect(formatShipDate(onDay('2027-01-02'), fr)).to.equal(
      'Expédition prévue d’ici le 2 janvier 2027',
    );
    // 1 March 2027 is a Monday: its week is named by it.
    expect(formatShipDate(onDay('2027-03-03', 'week'), fr)).to.equal(
      'Expédition prévue la semaine du 1er mars 2027',
    );
    expect(plain(formatShipDate(inWindow('2027-03-01', '2027-03-05'), fr))).to.equal(
      `Expédition prévue${NBSP}: 1er–5 mars 2027`,
    );
  });

  it('a range ending on the 1st, and a moved notice', () => {
    expect(plain(formatDayRange('2027-02-25', '2027-03-01', fr))).to.equal(
      '25 février – 1er mars 2027',
    );
    expect(formatMoved(onDay('2027-04-01'), '2027-03-02', fr)).to.equal(
      `Nouvelle date${NBSP}: 1er avril 2027 (précédemment 2 mars 2027)`,
    );
  });

  it('other languages keep the plain 1', () => {
    expect(formatDay('2027-01-01', { locale: 'en-GB' })).to.equal('1 January 2027');
    expect(formatDay('2027-01-01', { locale: 'de' })).to.equal('1. Januar 2027');
    expect(formatDay('2027-01-01', { locale: 'es' })).to.equal('1 de enero de 2027');
  });
});
