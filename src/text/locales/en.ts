/**
 * English, the reference catalog: its keys are the key set every locale has.
 *
 * Values are plain-string templates. `{name}` inserts a parameter as plain
 * text (numbers formatted for the locale). `{n, plural, one {...} other {...}}`
 * picks a branch by Intl.PluralRules (`=0`, `=1`... match exactly first), and
 * `#` inside a branch is the formatted number. Parameters per key are listed
 * beside it.
 */
export const en = {
  // Button labels (Decision.label).
  addToCart: 'Add to cart',
  preorder: 'Pre-order',
  backorder: 'Backorder',
  soldOut: 'Sold out',
  comingSoon: 'Coming soon',
  discontinued: 'No longer available',
  notifyMe: 'Notify me',

  // Messages (Decision.messages); {count} unless noted.
  onlyLeftToPreorder: 'Only {count} left to pre-order',
  onlyLeftToBackorder: 'Only {count} left to backorder',
  preordersFull: 'Pre-orders are full',
  backordersFull: 'Backorders are full',
  onlyLeft: 'Only {count} left',
  onlyAvailable: 'Only {count} available',
  onlyAvailableToPreorder: 'Only {count} available to pre-order',
  onlyAvailableToBackorder: 'Only {count} available to backorder',
  limitPerOrder: 'Limit {count} per order',
  payInFull: 'Pay in full today',
  payOnShip: 'Nothing to pay until it ships',
  payDeposit: 'Pay a deposit today, the rest when it ships',
  /** {percent}: formatted, "20%". */
  payDepositPercent: 'Pay {percent} today, the rest when it ships',
  /** {amount}: formatted money, "$40.00". */
  payDepositAmount: 'Pay {amount} today, the rest when it ships',
  /** {now}, {later}: units; {when}: one of the when* phrases below. */
  splitShipment:
    '{now, plural, one {# ships} other {# ship}} now, {later, plural, one {# ships} other {# ship}} {when}',
  /** {text}: the merchant's note, as is. */
  merchantMessage: '{text}',

  // Ship dates; {date}: the formatted day, week start, month, quarter or range.
  shipNow: 'In stock, ready to ship',
  shipDay: 'Expected to ship by {date}',
  shipWeek: 'Expected to ship the week of {date}',
  shipMonth: 'Ships in {date}',
  shipQuarter: 'Ships in {date}',
  shipWindow: 'Ships {date}',
  shipTbc: 'Ship date to be confirmed',
  // The same, as the later part of a split shipment.
  whenDay: 'by {date}',
  whenWeek: 'the week of {date}',
  whenMonth: 'in {date}',
  whenQuarter: 'in {date}',
  whenWindow: '{date}',
  whenTbc: 'later, date to be confirmed',
  /** {q}: 1-4; {year}. */
  quarter: 'Q{q} {year}',
  /** {range}: Intl's own range ("10–20 March 2027"); {start}, {end}: each end (end without a repeated year). */
  dateRange: '{range}',
  /** The first day of a month inside any date (French writes 1er). */
  firstOfMonth: '1',
  release: 'Release date {date}',
  /** {date}: the new date; {previous}: the one promised before. */
  moved: 'Now expected {date} (was {previous})',

  // Same-day dispatch. {h}, {m}: hours and minutes left.
  duration: '{m, plural, =0 {{h} h} other {{h, plural, =0 {} other {# h }}# min}}',
  /** {time}: a duration. */
  orderWithin: 'Order within {time} to ship today',
  shipsOn: 'Ships {date}',
  arrives: 'Arrives {date}',

  // Tooltips: what each kind of order means, and the info trigger's name.
  explainPreorder: 'Reserves this item before its release; it ships as soon as it is available.',
  explainBackorder:
    'Out of stock for now, with more on the way. Orders ship in turn as stock arrives.',
  explainMixed: 'Part of your order ships now; the rest ships when new stock arrives.',
  explainComingSoon: 'Not released yet, and not yet open for orders.',
  explainSoldOut: 'Every available unit has been ordered; no orders are taken for now.',
  infoPreorder: 'What is a pre-order?',
  infoBackorder: 'What is a backorder?',
  infoMixed: 'Why does part of my order ship later?',
  infoComingSoon: 'What does coming soon mean?',
  infoSoldOut: 'Why is this sold out?',

  // States.
  loading: 'Loading availability…',
  unavailable: 'Availability could not be loaded',
};
