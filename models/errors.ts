/**
 * Stable error codes of the HTTP API. Bodies are `{ code, message }`; the client maps codes
 * to translated messages, and stacks never reach a user.
 */
export const ErrorCode = {
  badRequest: 'bad_request',
  /** A retrofit scenario the planner cannot run; the body lists each field at fault. */
  invalidScenario: 'invalid_scenario',
  notFound: 'not_found',
  unknownMeter: 'unknown_meter',
  rangeTooLong: 'range_too_long',
  unauthorized: 'unauthorized',
  /** A share link that is not signed by this twin, or unknown. */
  forbidden: 'forbidden',
  /** A share link an engineer has revoked (410). */
  revoked: 'revoked',
  /** A write sent to a read-only public view. */
  readOnly: 'read_only',
  rateLimited: 'rate_limited',
  payloadTooLarge: 'payload_too_large',
  conflict: 'conflict',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
