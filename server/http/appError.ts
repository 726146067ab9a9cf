import type { ErrorCode, FieldProblem } from '../../src/api/errors';

/** An error the API answers with on purpose: a stable code, a status, and a message for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new AppError('bad_request', 400, message, details);
export const validationFailed = (problems: FieldProblem[], message = 'The request is not valid.') =>
  new AppError('validation_failed', 400, message, { problems });
export const unauthorized = (message = 'Sign in with LiveChat to continue.') =>
  new AppError('unauthorized', 401, message);
export const forbidden = (message: string, details?: unknown) =>
  new AppError('forbidden', 403, message, details);
export const notFound = (message = 'Not found.') => new AppError('not_found', 404, message);
export const conflict = (message: string, details?: unknown) =>
  new AppError('conflict', 409, message, details);
