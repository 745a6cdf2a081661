import type { z } from 'zod';
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

/** Every rejected field of a request part: where, the value found and the rule. */
export function fieldIssuesOf(
  part: 'body' | 'query',
  input: unknown,
  error: z.ZodError,
): FieldIssue[] {
  return error.issues.map((issue) => {
    let value: unknown = input;
    for (const p of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p];
    // An unknown key is reported at the key itself.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [part, ...issue.path.map(String), ...keys.slice(0, 1)].join('.');
    return { path, value: keys.length > 0 ? keys[0] : (value ?? null), rule: issue.message };
  });
}
