// No import of ./helpers.js here: it would load every catalog first.
import { expect } from '@open-wc/testing';
import { decide, validateRecord } from '../../src/engine/index.js';
import {
  CATALOGS,
  describe as describeDecision,
  isLocaleReady,
  loadLocale,
} from '../../src/text/index.js';

describe('catalogs load on demand', () => {
  const { record } = validateRecord({ sku: 'L', status: 'preorder' });
  const decision = decide(record!, { now: Date.UTC(2026, 10, 26, 12) });

  it('English is always there; the others only once loaded', async () => {
    expect(isLocaleReady('en-GB')).to.equal(true);
    expect(isLocaleReady('ja')).to.equal(false);
    expect(CATALOGS.ja).to.equal(undefined);
    // Before loading, English stands in rather than nothing.
    expect(describeDecision(decision, { locale: 'ja' }).label).to.equal('Pre-order');
    await loadLocale('ja-JP');
    expect(isLocaleReady('ja')).to.equal(true);
    expect(describeDecision(decision, { locale: 'ja' }).label).to.equal('予約注文');
  });

  it('loads each catalog once, however often it is asked for', async () => {
    const [first, second] = [loadLocale('fr'), loadLocale('fr-CA')];
    expect(first).to.equal(second);
    await first;
    expect(describeDecision(decision, { locale: 'fr-CA' }).label).to.equal('Précommander');
  });

  it('an unknown locale needs nothing loaded: English', async () => {
    expect(isLocaleReady('pt-BR')).to.equal(true);
    await loadLocale('pt-BR');
    expect(describeDecision(decision, { locale: 'pt-BR' }).label).to.equal('Pre-order');
  });
});
