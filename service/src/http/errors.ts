/**
 * Every error as `{ error, message, ...details }`: validation errors name the
 * field and what was expected; nothing leaks a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { preview } from 'preorder-elements/engine';
import { RuleError } from '../rules/errors.js';
import { FORMAT_EXPECTED } from './formats.js';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: { description?: string };
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** `/lines/0/quantity` -> `lines[0].quantity`. */
function fieldOf(context: string | undefined, path: string, extra?: unknown): string {
  const parts = path
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof extra === 'string') parts.push(extra);
  const field = parts.reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
  return field || (context === 'body' ? 'body' : (context ?? 'request'));
}

function expected(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      return `at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `at most ${String(p.limit)} characters`;
    case 'minItems':
      return `at least ${String(p.limit)} items`;
    case 'maxItems':
      return `at most ${String(p.limit)} items`;
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return FORMAT_EXPECTED[String(p.format)] ?? `a ${String(p.format)}`;
    case 'required':
      return 'a value (it is required)';
    case 'additionalProperties':
      return 'no such field (unknown field)';
    case 'minProperties':
      return error.parentSchema?.description ?? `at least ${String(p.limit)} fields`;
    default:
      return error.parentSchema?.description ?? error.message ?? 'a valid value';
  }
}

export interface ErrorBody {
  error: string;
  message: string;
  [detail: string]: unknown;
}

/** The first validation error, as a 400 body naming its field. */
export function validationBody(errors: AjvError[], context: string | undefined): ErrorBody {
  const error = errors[0];
  const extra = error.params.missingProperty ?? error.params.additionalProperty;
  const field = fieldOf(context, error.instancePath, extra);
  const want = expected(error);
  const got =
    error.keyword === 'required' || error.keyword === 'additionalProperties'
      ? ''
      : `, got ${preview(error.data)}`;
  return {
    error: 'invalid_input',
    message: `${field}: expected ${want}${got}`,
    field,
    expected: want,
    in: context ?? 'body',
  };
}

/** Fastify's own errors about the request itself (content type, size, JSON). */
const REQUEST_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'expected a body of Content-Type application/json',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'the body is over the limit of 1 MiB'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'invalid_content_length',
    'the Content-Length does not match the body',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'the body is not valid JSON'],
};

export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RuleError)
    return reply
      .code(error.statusCode)
      .send({ error: error.code, message: error.message, ...error.details });
  if (error.validation)
    return reply
      .code(400)
      .send(validationBody(error.validation as unknown as AjvError[], error.validationContext));
  const known = error.code ? REQUEST_ERRORS[error.code] : undefined;
  if (known) return reply.code(known[0]).send({ error: known[1], message: known[2] });
  // secure-json-parse's own errors: malformed JSON, or a __proto__ key.
  if (
    error instanceof SyntaxError ||
    (error.statusCode === 400 && /JSON|prototype/i.test(error.message))
  )
    return reply
      .code(400)
      .send({ error: 'malformed_json', message: `the body is not valid JSON (${error.message})` });
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      error: 'internal',
      message: 'internal error; the request id is in the log',
      requestId: request.id,
    });
  }
  return reply.code(status).send({ error: 'bad_request', message: error.message });
}
