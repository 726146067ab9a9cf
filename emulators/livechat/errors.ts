/** Errors in LiveChat's two formats: the Agent Chat/Configuration APIs' `{error:{type,message}}` and the accounts service's `{error,error_description}`. */
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { AccountsErrorBody, ApiErrorBody } from './wire';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }

  get body(): ApiErrorBody {
    return {
      error: { type: this.type, message: this.message, ...(this.data !== undefined && { data: this.data }) },
    };
  }
}

export const apiErrors = {
  authentication: (message = 'Invalid access token') => new ApiError(401, 'authentication', message),
  authorization: (message: string) => new ApiError(403, 'authorization', message),
  validation: (message = 'Wrong format of request', data?: unknown) =>
    new ApiError(400, 'validation', message, data),
  notFound: (message: string) => new ApiError(404, 'not_found', message),
  limitReached: (message: string) => new ApiError(403, 'limit_reached', message),
  /**
   * A request sent to the wrong region: `{"error":{"type":"misdirected_request","message":"Wrong
   * region","data":{"region":"fra"}}}`, the right region in `data.region` (lc-sdk-go and lc-sdk-js
   * retry with it). LiveChat maps no error type to a status in its docs; 421 Misdirected Request is
   * the HTTP status of the same name (RFC 9110 §15.5.20), and clients branch on the type.
   */
  misdirected: (region: string) => new ApiError(421, 'misdirected_request', 'Wrong region', { region }),
};

export class AccountsError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }

  get body(): AccountsErrorBody {
    return { error: this.error, error_description: this.message, request_id: randomUUID() };
  }
}

export function sendApiError(res: Response, err: unknown): void {
  const e = err instanceof ApiError ? err : new ApiError(500, 'internal', 'Internal server error');
  res.status(e.status).json(e.body);
}

export function sendAccountsError(res: Response, err: unknown): void {
  const e =
    err instanceof AccountsError ? err : new AccountsError(500, 'server_error', 'Internal server error');
  res.status(e.status).json(e.body);
}
