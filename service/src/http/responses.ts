/**
 * JSON schemas of the answers: @fastify/swagger puts them in the OpenAPI
 * document, and Fastify serialises each answer through its status code's
 * schema. That serialiser drops every property a schema does not declare,
 * so each schema here declares every field its route returns (views.ts,
 * orders.ts, receipts.ts, purchase-orders.ts), and the open objects (the
 * record, an error's details) keep additionalProperties. A `null` a field
 * can hold is declared too: a plain `string` would serialise null as "".
 */
import { PAYMENT_MODES, PRECISIONS, STATUSES } from 'preorder-elements/engine';

const string = { type: 'string' } as const;
const integer = { type: 'integer' } as const;
const boolean = { type: 'boolean' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const precision = { type: 'string', enum: PRECISIONS } as const;
const list = <T>(items: T) => ({ type: 'array', items }) as const;
const object = <P extends Record<string, unknown>>(
  properties: P,
  extra: Record<string, unknown> = {},
) => ({ type: 'object', required: Object.keys(properties), properties, ...extra }) as const;

/** The shared error shape, registered once (app.addSchema) and referred to as `Error#`. */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: '`{ error, message, ...details }`; validation errors name the field',
  required: ['error', 'message'],
  additionalProperties: true,
  properties: {
    error: { type: 'string', description: 'a code: invalid_input, not_found, cap_reached, ...' },
    message: string,
    field: { type: 'string', description: 'the field at fault (invalid_input)' },
    expected: { type: 'string', description: 'what the field expects (invalid_input)' },
    in: { type: 'string', description: 'body, querystring, params or headers (invalid_input)' },
    sku: string,
    available: { type: 'integer', description: 'units that can still be ordered (409 of orders)' },
    requestId: { type: 'string', description: 'the request id, in the log too (500)' },
  },
} as const;

const error = { $ref: 'Error#' } as const;

/** The error answers a route can give, each in the shared shape. */
export const errors = (...codes: number[]) =>
  Object.fromEntries([...new Set([...codes, 500])].map((code) => [code, error]));

/** 304 to If-None-Match: no body. */
export const notModified = { type: 'null', description: 'Not Modified: the ETag still holds' };

/** Units a line took beyond the cap or stock (a platform order): 0, or the whole line. */
const oversold = {
  type: 'integer',
  description: 'units taken beyond what the cap or stock covered (platform orders); 0 otherwise',
} as const;

/** A line's promise: a calendar day, or null ("to be confirmed"). */
const promise = {
  type: ['object', 'null'],
  required: ['date'],
  properties: { date: string },
  description: '{ date } or null (to be confirmed)',
} as const;

const day = { type: 'string', description: 'YYYY-MM-DD' } as const;
const payment = {
  type: 'object',
  additionalProperties: true,
  required: ['mode'],
  properties: {
    mode: { type: 'string', enum: PAYMENT_MODES },
    depositPercent: { type: 'number' },
    depositAmount: { type: 'number' },
    price: { type: 'number' },
  },
} as const;
const cap = {
  anyOf: [integer, { type: 'string', enum: ['incoming'] }, { type: 'null' }],
  description: 'an integer, "incoming" or null (unlimited)',
} as const;

/** The availability record (contract.md s.3): open, so a field added there is never dropped. */
export const record = {
  type: 'object',
  description: 'the availability record (contract s.3)',
  required: ['sku'],
  additionalProperties: true,
  properties: {
    sku: string,
    status: { type: 'string', enum: STATUSES },
    onHand: integer,
    releaseDate: string,
    incoming: list(object({ quantity: integer, date: day })),
    reserved: integer,
    cap,
    allowPreorder: boolean,
    allowBackorder: boolean,
    expectedDate: { anyOf: [day, object({ earliest: day, latest: day })] },
    datePrecision: precision,
    previousExpectedDate: day,
    maxPerOrder: integer,
    lowStockThreshold: integer,
    payment,
    message: string,
  },
} as const;

export const records = list(record);

export const health = object({
  ok: boolean,
  database: { type: 'string', enum: ['embedded', 'postgres'] },
});

/** GET /healthz when the database does not answer. */
export const healthDown = {
  type: 'object',
  required: ['ok', 'database', 'error', 'message'],
  properties: { ...health.properties, error: string, message: string },
} as const;

export const purchaseOrder = object({
  id: string,
  sku: string,
  quantity: integer,
  received: integer,
  remaining: { type: 'integer', description: 'units still to come (0 unless open)' },
  expectedDate: day,
  datePrecision: { type: ['string', 'null'], enum: [...PRECISIONS, null] },
  status: { type: 'string', enum: ['open', 'received', 'cancelled'] },
});

/** The product's own fields as stored (PUT's body): each optional. */
const settings = {
  title: string,
  status: { type: 'string', enum: STATUSES.filter((status) => status !== 'in_stock') },
  releaseDate: string,
  cap,
  allowPreorder: boolean,
  allowBackorder: boolean,
  datePrecision: precision,
  maxPerOrder: integer,
  lowStockThreshold: integer,
  payment,
  message: string,
} as const;

export const product = {
  type: 'object',
  required: ['sku', 'onHand', 'queue', 'purchaseOrders', 'record'],
  properties: {
    sku: string,
    ...settings,
    onHand: integer,
    queue: object({
      waitingLines: integer,
      filledLines: integer,
      waitingUnits: integer,
      filledUnits: integer,
      acceptedUnits: integer,
    }),
    purchaseOrders: list(purchaseOrder),
    record,
  },
} as const;

export const receipt = object({
  receipt: object({
    id: string,
    sku: string,
    quantity: integer,
    purchaseOrderId: nullableString,
    receivedAt: string,
  }),
  allocated: list(object({ orderId: string, line: integer, quantity: integer })),
});

export const queue = list(
  object({
    orderId: string,
    line: integer,
    quantity: integer,
    allocated: integer,
    status: { type: 'string', enum: ['waiting', 'allocated'] },
    placedAt: string,
    priority: integer,
    promise,
    precision,
    oversold,
  }),
);

const kind = { type: 'string', enum: ['in_stock', 'preorder', 'backorder'] } as const;

const acceptedLine = {
  ...object({ sku: string, quantity: integer, kind, promise, precision }),
  properties: {
    ...object({ sku: string, quantity: integer, kind, promise, precision }).properties,
    oversold: {
      type: 'boolean',
      enum: [true],
      description: 'present on a platform order line the cap or stock did not cover',
    },
  },
} as const;

/** POST /orders: the lines as accepted (a line partly in stock is two). */
export const orderAnswer = object({ id: string, lines: list(acceptedLine) });

/** POST /webhooks/shopify/orders-create: the order as recorded, or why nothing was. */
export const shopifyCreated = {
  ...orderAnswer,
  properties: {
    ...orderAnswer.properties,
    ignored: {
      type: 'string',
      description: 'why nothing was recorded (no line item with a SKU the service manages)',
    },
  },
} as const;

/** POST /webhooks/shopify/orders-cancelled of an order the service does not know. */
export const shopifyIgnored = object({ id: string, ignored: string });

const basis = object({
  queue: {
    type: ['object', 'null'],
    description: 'where the waiting units stand (null when none wait)',
    required: ['unitsAhead', 'positions'],
    properties: { unitsAhead: integer, positions: object({ from: integer, to: integer }) },
  },
  purchaseOrders: { ...list(string), description: 'the purchase orders due on the promised day' },
  allocations: list(
    object({
      quantity: integer,
      source: { type: 'string', enum: ['stock', 'receipt', 'returned'] },
      receiptId: nullableString,
      purchaseOrderId: nullableString,
      at: string,
    }),
  ),
});

export const order = object({
  id: string,
  status: { type: 'string', enum: ['open', 'cancelled'] },
  priority: integer,
  placedAt: string,
  acceptedAt: string,
  cancelledAt: nullableString,
  lines: list(
    object({
      line: integer,
      sku: string,
      quantity: integer,
      kind,
      allocated: integer,
      status: { type: 'string', enum: ['waiting', 'allocated', 'cancelled'] },
      promise,
      precision,
      oversold,
      shown: {
        type: ['object', 'null'],
        description: "what the storefront showed (the line item's _order_type and _expected_date)",
        required: ['orderType', 'expectedDate'],
        properties: { orderType: nullableString, expectedDate: nullableString },
      },
      basis,
      history: list(object({ promise, precision, at: string, reason: string })),
    }),
  ),
});
