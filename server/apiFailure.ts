import type { ErrorCode } from '../models/errors';

/** An error that carries its HTTP status and stable code; sent as `{ code, message }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
