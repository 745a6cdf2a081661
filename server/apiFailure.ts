import type { ErrorCode } from '../models/errors';

/** One rejected field of a request: where it is, the value found and the rule it broke. */
export interface FieldIssue {
  readonly path: string;
  readonly value: unknown;
  readonly rule: string;
}

/**
 * An error that carries its HTTP status and stable code; sent as `{ code, message }`, with
 * `issues` listing every rejected field when the request was refused field by field.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
  }
}
