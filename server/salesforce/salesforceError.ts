import { AppError } from '../http/appError';

/** What a Salesforce failure means for us, whatever jsforce threw. */
export type SalesforceFailureKind =
  'needs_reconnect' | 'limit_reached' | 'unavailable' | 'invalid_session' | 'rejected';

export class SalesforceError extends Error {
  constructor(
    readonly kind: SalesforceFailureKind,
    message: string,
    readonly errorCode?: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'SalesforceError';
  }
}

interface JsforceErrorLike {
  name?: string;
  errorCode?: string;
  message?: string;
  fields?: string[];
  data?: unknown;
}

/** Maps a jsforce or network error to our kinds; temporary ones can be retried. */
export function toSalesforceError(error: unknown): SalesforceError {
  if (error instanceof SalesforceError) return error;
  const e = (error ?? {}) as JsforceErrorLike;
  const code = e.errorCode ?? e.name ?? '';
  const wrapped = /^Unable to refresh session due to: (.*)$/s.exec(e.message ?? '');
  if (wrapped) {
    // jsforce wraps whatever our refresh function threw; the account row says what happened.
    const inner = wrapped[1]!;
    if (/no longer accepts|not connected|reconnect/i.test(inner)) {
      return new SalesforceError(
        'needs_reconnect',
        'Salesforce no longer accepts this connection. Reconnect the account.',
      );
    }
    if (/could not be reached/i.test(inner)) {
      return new SalesforceError('unavailable', 'Salesforce could not be reached. Try again in a moment.');
    }
    if (/daily API calls|REQUEST_LIMIT_EXCEEDED/i.test(inner)) {
      return new SalesforceError(
        'limit_reached',
        'The Salesforce org has used up its daily API calls.',
        'REQUEST_LIMIT_EXCEEDED',
      );
    }
    return toSalesforceError(new Error(inner));
  }
  const message = e.message ?? String(error);
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    return new SalesforceError('limit_reached', 'The Salesforce org has used up its daily API calls.', code);
  }
  if (code === 'INVALID_SESSION_ID') return new SalesforceError('invalid_session', message, code);
  if (code === 'invalid_grant' || /expired access\/refresh token|invalid_grant/i.test(message)) {
    return new SalesforceError(
      'needs_reconnect',
      'Salesforce no longer accepts this connection. Reconnect the account.',
      code,
    );
  }
  if (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|socket hang up|fetch failed|network/i.test(message) ||
    /^ERROR_HTTP_5\d\d$/.test(code) ||
    code === 'SERVER_UNAVAILABLE'
  ) {
    return new SalesforceError(
      'unavailable',
      'Salesforce could not be reached. Try again in a moment.',
      code,
    );
  }
  return new SalesforceError('rejected', message, code || undefined, e.fields ?? []);
}

/** A Salesforce failure as the API answers it, in words an owner or agent can act on. */
export function salesforceAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const failure = toSalesforceError(error);
  switch (failure.kind) {
    case 'needs_reconnect':
      return new AppError('salesforce_needs_reconnect', 409, failure.message);
    case 'limit_reached':
      return new AppError('salesforce_limit_reached', 503, failure.message);
    case 'unavailable':
      return new AppError('upstream_unavailable', 503, failure.message);
    default:
      return new AppError('salesforce_error', 502, `Salesforce answered: ${failure.message}`);
  }
}
