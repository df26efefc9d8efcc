/**
 * The availability record (docs/record.md) and the decision the engine derives
 * from it. Plain data only: these types cross every layer, and the server.
 */

/** A calendar day, `YYYY-MM-DD`. The same day in every time zone. */
export type CalendarDay = string;

/**
 * An ISO 8601 value as the record carries it after validation: either a
 * calendar day (`2027-03-12`) or an instant normalised to UTC
 * (`2027-03-12T09:00:00.000Z`), whose calendar day depends on the store's zone.
 */
export type IsoDate = string;

export const STATUSES = [
  'in_stock',
  'preorder',
  'backorder',
  'sold_out',
  'coming_soon',
  'discontinued',
] as const;
export type Status = (typeof STATUSES)[number];

export const PRECISIONS = ['day', 'week', 'month', 'quarter'] as const;
export type DatePrecision = (typeof PRECISIONS)[number];

export const PAYMENT_MODES = ['full', 'deposit', 'on_ship'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

export interface IncomingLot {
  quantity: number;
  date: IsoDate;
}

export interface DateWindow {
  earliest: IsoDate;
  latest: IsoDate;
}

export interface PaymentTerms {
  mode: PaymentMode;
  depositPercent?: number;
  depositAmount?: number;
  price?: number;
}

/** Every field of the record (docs/record.md, Every field), `sku` first. */
export const RECORD_FIELDS = [
  'sku',
  'status',
  'onHand',
  'releaseDate',
  'incoming',
  'reserved',
  'cap',
  'allowPreorder',
  'allowBackorder',
  'expectedDate',
  'datePrecision',
  'previousExpectedDate',
  'maxPerOrder',
  'lowStockThreshold',
  'payment',
  'message',
] as const satisfies readonly (keyof AvailabilityRecord)[];

/** A validated record: every field present has the right type and range. */
export interface AvailabilityRecord {
  sku: string;
  status?: Status;
  onHand?: number;
  releaseDate?: IsoDate;
  incoming?: IncomingLot[];
  reserved?: number;
  /** Most pre-/backorder units ever accepted; `'incoming'` = total of `incoming`; null = unlimited. */
  cap?: number | 'incoming' | null;
  allowPreorder?: boolean;
  allowBackorder?: boolean;
  expectedDate?: IsoDate | DateWindow;
  datePrecision?: DatePrecision;
  previousExpectedDate?: IsoDate;
  maxPerOrder?: number;
  lowStockThreshold?: number;
  payment?: PaymentTerms;
  message?: string;
}

/** One field the validator dropped or trimmed, and why. */
export interface Problem {
  field: string;
  reason: string;
}

/** Which kind of queue an order joins. */
export type QueueKind = 'preorder' | 'backorder';

/** The kind of order placed now: what a cart line is tagged with. */
export type OrderKind = 'in_stock' | QueueKind | 'mixed';

/** The button label the decision calls for. */
export const LABEL_KEYS = [
  'addToCart',
  'preorder',
  'backorder',
  'soldOut',
  'comingSoon',
  'discontinued',
  'notifyMe',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

/** When the order (or one part of it) ships. */
export type ShipDate =
  /** In stock: ships now. */
  | { kind: 'now' }
  | { kind: 'day'; day: CalendarDay; precision: DatePrecision }
  | { kind: 'window'; earliest: CalendarDay; latest: CalendarDay; precision: DatePrecision }
  /** Orderable, but no date can be promised yet. */
  | { kind: 'tbc' }
  /** Not orderable: nothing is promised. */
  | { kind: 'none' };

/** A message for the shopper, as a catalog key plus its parameters. */
export type Message =
  | { key: 'onlyLeftToPreorder' | 'onlyLeftToBackorder'; count: number }
  | { key: 'preordersFull' | 'backordersFull' }
  | { key: 'onlyLeft'; count: number }
  | {
      key: 'onlyAvailable' | 'onlyAvailableToPreorder' | 'onlyAvailableToBackorder';
      count: number;
    }
  | { key: 'limitPerOrder'; count: number }
  | { key: 'payInFull' | 'payOnShip' | 'payDeposit' }
  | { key: 'payDepositPercent'; percent: number }
  | { key: 'payDepositAmount'; amount: number }
  | { key: 'splitShipment'; now: number; later: number; ship: ShipDate }
  | { key: 'merchantMessage'; text: string };

export type MessageKey = Message['key'];

/** The part of a mixed order that waits in the queue. */
export interface Split {
  /** Units that ship from stock now. */
  now: number;
  /** Units that join the backorder queue. */
  later: number;
  ship: ShipDate;
}

/**
 * Everything an element needs to render one SKU for one quantity, with no
 * further decision of its own.
 */
export interface Decision {
  sku: string;
  status: Status;
  /** The kind of order placed now: what the cart line is tagged with. */
  orderKind: OrderKind | null;
  label: LabelKey;
  /** Whether the requested quantity can be ordered now. */
  orderable: boolean;
  quantity: number;
  /** Most units one order may take now; null = no limit known. */
  maxQuantity: number | null;
  /** Pre-/backorder units still accepted (cap - reserved); null = unlimited. */
  remaining: number | null;
  /** When the whole order ships. */
  ship: ShipDate;
  /** The day promised before, when the promise moved. */
  previousShip: CalendarDay | null;
  /** Release day of an unreleased product, in the store's zone. */
  releaseDay: CalendarDay | null;
  split: Split | null;
  /** Messages in display order. */
  messages: Message[];
  /** Things the engine noticed and worked around (bad time zone, past dates). */
  warnings: string[];
}

export interface DecideOptions {
  /** Units the shopper wants; default 1. */
  quantity?: number;
  /** The current instant, epoch ms; default `Date.now()`. */
  now?: number;
  /** The store's IANA time zone; default the runtime's. */
  timeZone?: string;
  /** A notify-me link exists: sold-out and coming-soon items say "Notify me". */
  notify?: boolean;
}
