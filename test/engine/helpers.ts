/**
 * Shared fixtures for the engine tests: one fixed "now", the store zones the
 * tables run in, and a table runner that names every case.
 */
import { expect } from '@open-wc/testing';
import {
  decide,
  validateRecord,
  type AvailabilityRecord,
  type DecideOptions,
  type Decision,
  type MessageKey,
} from '../../src/engine/index.js';

/**
 * Thursday 26 November 2026, 15:00 UTC. The store's "today" is the 26th in
 * Berlin (16:00), Los Angeles (07:00) and Pago Pago (04:00), but already
 * Friday the 27th in Kiritimati (05:00, UTC+14).
 */
export const NOW = Date.UTC(2026, 10, 26, 15, 0);
export const TODAY = '2026-11-26';
export const TOMORROW = '2026-11-27';

export const BERLIN = 'Europe/Berlin';
export const LA = 'America/Los_Angeles';
export const KIRITIMATI = 'Pacific/Kiritimati';
export const PAGO_PAGO = 'Pacific/Pago_Pago';

/** The worked example of docs/record.md (the queue walk): 180 reserved; 200 units on 12 March, 500 on 2 April. */
export const WORKED_LOTS = [
  { quantity: 200, date: '2027-03-12' },
  { quantity: 500, date: '2027-04-02' },
];

/** Validates a raw record (sku defaults to `SKU-1`); fails the test when it has no record. */
export function record(raw: Record<string, unknown>): AvailabilityRecord {
  const { record: clean } = validateRecord({ sku: 'SKU-1', ...raw });
  if (!clean) throw new Error(`no record from ${JSON.stringify(raw)}`);
  return clean;
}

/** Validates, then decides at NOW in Berlin unless the options say otherwise. */
export function run(raw: Record<string, unknown>, options: DecideOptions = {}): Decision {
  return decide(record(raw), { now: NOW, timeZone: BERLIN, ...options });
}

export interface DecisionCase {
  name: string;
  record: Record<string, unknown>;
  options?: DecideOptions;
  /** The keys given are compared deeply; the rest of the decision is not. */
  expect: Partial<Decision>;
  /** Message keys in display order (compared exactly when given). */
  messages?: MessageKey[];
  /** Substrings that some warning must contain (when given, and [] = no warnings). */
  warnings?: string[];
}

export function checkDecision(actual: Decision, c: DecisionCase): void {
  for (const [key, value] of Object.entries(c.expect)) {
    expect(actual[key as keyof Decision], key).to.deep.equal(value);
  }
  if (c.messages) {
    expect(
      actual.messages.map((m) => m.key),
      'message keys',
    ).to.deep.equal(c.messages);
  }
  if (c.warnings) {
    if (c.warnings.length === 0) expect(actual.warnings, 'warnings').to.deep.equal([]);
    for (const part of c.warnings) {
      expect(
        actual.warnings.some((w) => w.includes(part)),
        `a warning containing "${part}" in ${JSON.stringify(actual.warnings)}`,
      ).to.equal(true);
    }
  }
}

/** One `it` per case. */
export function decisionTable(cases: DecisionCase[]): void {
  for (const c of cases) {
    it(c.name, () => checkDecision(run(c.record, c.options), c));
  }
}
