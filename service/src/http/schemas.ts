/**
 * JSON schemas of the requests: Fastify validates every route with them and
 * @fastify/swagger turns them into the OpenAPI document. Dates use the
 * engine's own checks (see formats.ts): `date` is a real calendar day.
 */
import {
  MAX_MESSAGE_LENGTH,
  MAX_SKU_LENGTH,
  PAYMENT_MODES,
  PRECISIONS,
  STATUSES,
} from 'preorder-elements/engine';

const sku = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_SKU_LENGTH,
  pattern: '^\\S(.*\\S)?$',
  description: 'a SKU',
} as const;
const id = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9._:~-]+$',
  description: 'an id (letters, digits, . _ : ~ -)',
} as const;
const count = { type: 'integer', minimum: 0, maximum: 1_000_000_000 } as const;
const units = { type: 'integer', minimum: 1, maximum: 1_000_000_000 } as const;
const day = { type: 'string', format: 'date', description: 'a calendar day, YYYY-MM-DD' } as const;
const precision = { type: 'string', enum: PRECISIONS } as const;

export const skuParams = {
  type: 'object',
  required: ['sku'],
  properties: { sku },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id },
} as const;

export const availabilityQuery = {
  type: 'object',
  required: ['skus'],
  properties: {
    skus: {
      type: 'string',
      minLength: 1,
      maxLength: 100 * (MAX_SKU_LENGTH + 1),
      description: 'a comma-separated list of at most 100 SKUs',
    },
  },
} as const;

export const queueQuery = {
  type: 'object',
  properties: {
    limit: {
      type: 'string',
      pattern: '^[0-9]{1,5}$',
      description: 'how many lines, at most 10000 (default 1000)',
    },
    offset: { type: 'string', pattern: '^[0-9]{1,9}$', description: 'lines to skip' },
  },
} as const;

export const productBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', maxLength: 500 },
    status: {
      type: 'string',
      enum: STATUSES.filter((status) => status !== 'in_stock'),
      description: 'an explicit status; in_stock is derived from onHand',
    },
    releaseDate: {
      type: 'string',
      format: 'iso-date',
      description: 'a calendar day (YYYY-MM-DD) or an instant with its offset',
    },
    onHand: count,
    cap: {
      anyOf: [count, { type: 'string', enum: ['incoming'] }, { type: 'null' }],
      description: 'an integer >= 0, "incoming" or null',
    },
    allowPreorder: { type: 'boolean' },
    allowBackorder: { type: 'boolean' },
    datePrecision: precision,
    maxPerOrder: units,
    lowStockThreshold: count,
    payment: {
      type: 'object',
      additionalProperties: false,
      required: ['mode'],
      properties: {
        mode: { type: 'string', enum: PAYMENT_MODES },
        depositPercent: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
        depositAmount: { type: 'number', minimum: 0 },
        price: { type: 'number', minimum: 0 },
      },
    },
    message: { type: 'string', maxLength: MAX_MESSAGE_LENGTH },
  },
} as const;

export const purchaseOrderBody = {
  type: 'object',
  additionalProperties: false,
  required: ['sku', 'quantity', 'expectedDate'],
  properties: { id, sku, quantity: units, expectedDate: day, datePrecision: precision },
} as const;

export const purchaseOrderChangeBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { expectedDate: day, quantity: units },
  description: 'expectedDate, quantity or both',
} as const;

export const receiptBody = {
  type: 'object',
  additionalProperties: false,
  required: ['sku', 'quantity'],
  properties: { sku, quantity: units, purchaseOrderId: id },
} as const;

export const receiptHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'a retry with the same key returns the first answer',
    },
  },
} as const;

export const orderBody = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'lines'],
  properties: {
    id,
    placedAt: {
      type: 'string',
      format: 'date-time',
      description: 'an ISO 8601 date-time with its offset',
    },
    priority: {
      type: 'integer',
      minimum: 0,
      maximum: 1000,
      description: 'higher goes first in the queue; default 0',
    },
    customer: {
      type: 'object',
      additionalProperties: false,
      properties: {
        email: { type: 'string', format: 'email', maxLength: 320 },
        locale: {
          type: 'string',
          minLength: 2,
          maxLength: 35,
          pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$',
          description: 'a BCP 47 language tag',
        },
      },
    },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sku', 'quantity'],
        properties: { sku, quantity: units },
      },
    },
  },
} as const;

/** POST /notify: a "notify me" sign-up. */
export const notifyBody = {
  type: 'object',
  required: ['sku', 'email'],
  additionalProperties: false,
  properties: {
    sku,
    email: { type: 'string', format: 'email', maxLength: 254 },
    locale: {
      type: 'string',
      minLength: 2,
      maxLength: 35,
      description: 'a BCP 47 language tag such as en or de-AT',
    },
  },
} as const;
