/** A refusal the rules give: an HTTP status, a code, a message, and details for the body. */
export class RuleError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new RuleError(404, 'not_found', `no ${what} with id ${JSON.stringify(id)}`, { id });
