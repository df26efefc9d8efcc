/**
 * Whether the shop takes `quantity` units of a SKU now, by the engine's
 * decision on the served record: the same call the storefront makes.
 */
import { type AvailabilityRecord, type Decision, decide } from 'preorder-elements/engine';
import { RuleError } from './errors.js';
import type { Clock } from './types.js';

/** How many of the units come from stock now and how many join the queue, and as what. */
export interface Take {
  fromStock: number;
  queued: number;
  queueKind: 'preorder' | 'backorder';
}

function refusal(decision: Decision, record: AvailabilityRecord, quantity: number): RuleError {
  // What the engine says can still be ordered (stock included), whatever the kind.
  const available = decision.maxQuantity ?? (decision.orderKind ? quantity : 0);
  const { sku } = record;
  if (
    record.maxPerOrder !== undefined &&
    quantity > record.maxPerOrder &&
    available === record.maxPerOrder
  )
    return new RuleError(409, 'limit', `at most ${record.maxPerOrder} of ${sku} per order`, {
      sku,
      available,
    });
  const capReached = decision.messages.some((m) =>
    [
      'preordersFull',
      'backordersFull',
      'onlyAvailableToPreorder',
      'onlyAvailableToBackorder',
    ].includes(m.key),
  );
  // In stock with room to backorder: what is short beyond the stock is the queue's room.
  const queueShort = decision.orderKind === 'in_stock' && available > (record.onHand ?? 0);
  if (capReached || queueShort)
    return new RuleError(409, 'cap_reached', `only ${available} of ${sku} can still be ordered`, {
      sku,
      available,
    });
  return new RuleError(409, 'sold_out', `${sku} cannot be ordered now (${decision.status})`, {
    sku,
    available,
  });
}

/** The take for `quantity` units, or the refusal (409) the whole order gets. */
export function take(record: AvailabilityRecord, quantity: number, clock: Clock): Take {
  const decision = decide(record, { quantity, now: clock.now(), timeZone: clock.timeZone });
  if (!decision.orderable) throw refusal(decision, record, quantity);
  switch (decision.orderKind) {
    case 'in_stock':
      return { fromStock: quantity, queued: 0, queueKind: 'backorder' };
    case 'mixed':
      return {
        fromStock: decision.split?.now ?? 0,
        queued: decision.split?.later ?? quantity,
        queueKind: 'backorder',
      };
    default:
      return {
        fromStock: 0,
        queued: quantity,
        queueKind: decision.orderKind === 'preorder' ? 'preorder' : 'backorder',
      };
  }
}
