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

/** The take of a platform order, already paid: what is covered, and the units beyond it. */
export interface OversoldTake extends Take {
  /** Units neither the cap nor the stock covers: taken anyway, as oversold. */
  oversold: number;
}

/** The queue oversold units join when nothing covered says which: a pre-order before the release. */
function oversoldKind(record: AvailabilityRecord, clock: Clock): Take['queueKind'] {
  const decision = decide(record, { quantity: 1, now: clock.now(), timeZone: clock.timeZone });
  const preorder =
    decision.releaseDay !== null ||
    record.status === 'preorder' ||
    decision.messages.some((m) => m.key === 'preordersFull');
  return preorder ? 'preorder' : 'backorder';
}

/**
 * take() for an order the platform already took: never refused. The
 * per-order limit is the storefront's rule and the shopper passed it; what
 * the cap or stock cannot cover is oversold, not dropped.
 */
export function takeOversold(
  record: AvailabilityRecord,
  quantity: number,
  clock: Clock,
): OversoldTake {
  const unlimited = { ...record };
  delete unlimited.maxPerOrder;
  try {
    return { ...take(unlimited, quantity, clock), oversold: 0 };
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    // The refusal says how many the engine would take: those are covered.
    const available = Math.max(0, Math.min(Number(error.details.available) || 0, quantity - 1));
    let covered: Take = { fromStock: 0, queued: 0, queueKind: 'backorder' };
    if (available > 0)
      try {
        covered = take(unlimited, available, clock);
      } catch {
        // Never refuse a paid order: what the engine would not cover is oversold.
      }
    const taken = covered.fromStock + covered.queued;
    const queueKind = covered.queued > 0 ? covered.queueKind : oversoldKind(unlimited, clock);
    return { ...covered, queueKind, oversold: quantity - taken };
  }
}
