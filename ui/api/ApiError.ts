import { errorBodySchema, type ErrorCode } from '../../src/api/errors';
import { notOwnerDetailsSchema, type NotOwnerDetails } from '../../src/api/session';

/** An error answered by our API (or the network failing on the way), as the frontends handle it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Builds the error from a non-2xx response body; anything that is not our error shape becomes `internal`. */
  static fromBody(status: number, body: unknown): ApiError {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      return new ApiError(status, code, message, details);
    }
    if (status === 401) return new ApiError(status, 'unauthorized', 'Your LiveChat sign-in has expired.');
    return new ApiError(status, 'internal', 'Something went wrong on our side. Try again in a moment.');
  }
}

/** The names of who may configure the app, when the error is the settings API's "not an owner" 403. */
export function notOwnerDetails(error: unknown): NotOwnerDetails | null {
  if (!(error instanceof ApiError) || error.status !== 403) return null;
  const parsed = notOwnerDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

/** A message for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again in a moment.';
}
