import { AppError, errors } from '../http/appError';

/**
 * What a Salesforce failure means for us, whatever jsforce threw or a composite subresponse said:
 * - `unavailable`: temporary (Salesforce down or busy, a lock, a timeout, anything unknown): retried;
 * - `needs_reconnect`: the saved sign-in no longer works (or the org or user may not use the API):
 *   the owner is told, automation waits until the account is reconnected;
 * - `limit_reached`: the org's daily API requests are used up: wait for the 24-hour window;
 * - `rejected`: Salesforce refused this request's data (the mapping's fault, with its fields).
 * `invalid_session` is a 401 jsforce could not refresh its way out of (treated as needs_reconnect).
 */
export type SalesforceFailureKind =
  'needs_reconnect' | 'limit_reached' | 'unavailable' | 'invalid_session' | 'rejected';

/** One of the reasons Salesforce gave for refusing a record (it lists every one it found). */
export interface SalesforceRefusal {
  errorCode: string;
  message: string;
  fields: string[];
}

export class SalesforceError extends Error {
  /** Every refusal Salesforce listed, when there was more than one. */
  causes: SalesforceRefusal[] = [];

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

const RECONNECT = 'Salesforce no longer accepts this connection. Reconnect the account.';
const UNREACHABLE = 'Salesforce could not be reached. Try again in a moment.';
const DAILY_LIMIT = 'The Salesforce org has used up its daily API calls.';

/**
 * Codes that refuse the request's own data or target: sending it again changes nothing. From the REST
 * API's status codes and error responses page
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm) and the
 * API's StatusCode list (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm).
 * Anything not listed here, nor below, is treated as temporary: retried, never dropped.
 */
const REFUSED_CODES = new Set([
  'REQUIRED_FIELD_MISSING',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'FIELD_INTEGRITY_EXCEPTION',
  'FIELD_FILTER_VALIDATION_EXCEPTION',
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_EMAIL_ADDRESS',
  'INVALID_CROSS_REFERENCE_KEY',
  'INVALID_TYPE',
  'INVALID_TYPE_FOR_OPERATION',
  'INVALID_ID_FIELD',
  'INVALID_SEARCH',
  'MALFORMED_ID',
  'MALFORMED_QUERY',
  'MALFORMED_SEARCH',
  'STRING_TOO_LONG',
  'NUMBER_OUTSIDE_VALID_RANGE',
  'DUPLICATES_DETECTED',
  'DUPLICATE_VALUE',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  'ENTITY_IS_DELETED',
  'NOT_FOUND',
  'JSON_PARSER_ERROR',
  'STORAGE_LIMIT_EXCEEDED',
]);

/**
 * The org or the connected user may not use the API at all: only the owner (or the org's admin) can
 * fix it, then reconnect. API_DISABLED_FOR_ORG: "The REST API is not enabled for this Organization."
 */
const ACCOUNT_BLOCKED_CODES = new Set(['API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED']);

/**
 * OAuth token endpoint errors ({"error", "error_description"}), RFC 6749 §5.2 and Salesforce's
 * "OAuth 2.0 Authorization Errors" (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm):
 * invalid_grant covers an expired or revoked refresh token, "authentication failure", "inactive user",
 * "inactive organization" and "ip restricted": each needs the owner to sign in again.
 */
const RECONNECT_OAUTH_CODES = new Set([
  'invalid_grant',
  'inactive_user',
  'inactive_org',
  'unauthorized_client',
]);
/**
 * invalid_client / invalid_client_id: Salesforce refused the app's own client id or secret (a rotated
 * consumer secret). Every account is affected and no owner can fix it: temporary, until the operator
 * fixes the configuration; nothing is dropped meanwhile.
 */
const APP_CREDENTIAL_CODES = new Set(['invalid_client', 'invalid_client_id']);

const NETWORK =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|socket hang up|fetch failed|network|terminated/i;

/**
 * The one place a Salesforce failure gets its meaning, from its error code, message and (when known)
 * HTTP status. Unknown failures are temporary.
 */
export function classifySalesforceFailure(failure: {
  errorCode?: string | undefined;
  message: string;
  status?: number | undefined;
  fields?: string[] | undefined;
}): SalesforceError {
  const code = failure.errorCode ?? '';
  const { message } = failure;
  const fields = failure.fields ?? [];
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    // The same code for the daily limit ("TotalRequests Limit exceeded.") and the concurrent
    // long-request limit ("ConcurrentPerOrgLongTxn Limit exceeded"), which clears within seconds.
    return /concurrent/i.test(message)
      ? new SalesforceError('unavailable', 'Salesforce is busy with other long requests of this org.', code)
      : new SalesforceError('limit_reached', DAILY_LIMIT, code);
  }
  if (code === 'INVALID_SESSION_ID') return new SalesforceError('invalid_session', RECONNECT, code);
  if (RECONNECT_OAUTH_CODES.has(code)) return new SalesforceError('needs_reconnect', RECONNECT, code);
  if (ACCOUNT_BLOCKED_CODES.has(code)) {
    return new SalesforceError(
      'needs_reconnect',
      `Salesforce does not let this org or user use the API (${message}). An admin of the org must allow it; then reconnect the account.`,
      code,
    );
  }
  if (APP_CREDENTIAL_CODES.has(code)) {
    return new SalesforceError(
      'unavailable',
      'Salesforce refused this app’s own credentials; the app’s operator must fix them. Nothing is lost meanwhile.',
      code,
    );
  }
  if (REFUSED_CODES.has(code)) return new SalesforceError('rejected', message, code, fields);
  if (code === 'AbortError' || code === 'TimeoutError' || /aborted due to timeout/i.test(message)) {
    return new SalesforceError(
      'unavailable',
      'Salesforce did not answer in time. Try again in a moment.',
      code,
    );
  }
  if (NETWORK.test(message) || NETWORK.test(code))
    return new SalesforceError('unavailable', UNREACHABLE, code);
  // UNKNOWN_EXCEPTION (500), SERVER_UNAVAILABLE (503), UNABLE_TO_LOCK_ROW, ERROR_HTTP_5xx (an HTML
  // gateway page), and every code we do not know: temporary.
  if (code === 'UNABLE_TO_LOCK_ROW') {
    return new SalesforceError(
      'unavailable',
      'Another update held the record in Salesforce. Try again in a moment.',
      code,
    );
  }
  return new SalesforceError('unavailable', UNREACHABLE, code || undefined);
}

/** A call given up at its deadline: Salesforce may still have done what was asked. */
export const isTimeout = (failure: SalesforceError) =>
  failure.errorCode === 'AbortError' || failure.errorCode === 'TimeoutError';

/** A temporary failure in a few words, for "Will retry: …" and "Gave up after several attempts: …". */
export function temporaryReason(failure: SalesforceError): string {
  const sentence = failure.message.split('. ')[0]!.replace(/\.$/, '');
  const code = failure.errorCode && !sentence.includes(failure.errorCode) ? ` (${failure.errorCode})` : '';
  return `${sentence}${code}`;
}

interface JsforceErrorLike {
  name?: string;
  errorCode?: string;
  message?: string;
  fields?: string[];
  data?: unknown;
}

/**
 * Maps whatever a Salesforce call threw (jsforce's HttpApiError, whose `errorCode` is Salesforce's;
 * jsforce's OAuth errors, whose `name` is the OAuth error; a network or timeout error) to our kinds.
 */
export function toSalesforceError(error: unknown): SalesforceError {
  if (error instanceof SalesforceError) return error;
  const e = (error ?? {}) as JsforceErrorLike;
  // jsforce wraps what a refresh threw; the connection that refreshed knows why (connections.ts).
  // Seen anywhere else, it is temporary: retried, never dropped.
  if (/^Unable to refresh session due to: /.test(e.message ?? '')) {
    return new SalesforceError('unavailable', UNREACHABLE);
  }
  const data = (e.data ?? {}) as { fields?: unknown };
  const fields = e.fields ?? (Array.isArray(data.fields) ? (data.fields as string[]) : []);
  const status = /^ERROR_HTTP_(\d{3})$/.exec(e.errorCode ?? e.name ?? '')?.[1];
  return classifySalesforceFailure({
    errorCode: e.errorCode ?? e.name,
    message: e.message ?? String(error),
    status: status ? Number(status) : undefined,
    fields,
  });
}

/**
 * Whatever a Salesforce call threw, as the API answers it: the failure's own words, for an owner in
 * the settings. (The widget names the account instead: widgetContext's `accountFailureError`.)
 */
export function salesforceFailureError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const failure = toSalesforceError(error);
  switch (failure.kind) {
    case 'needs_reconnect':
    case 'invalid_session':
      return errors.salesforceNeedsReconnect(failure.message);
    case 'limit_reached':
      return errors.salesforceLimitReached(failure.message);
    case 'unavailable':
      return errors.upstreamUnavailable(failure.message);
    default:
      return errors.salesforceError(`Salesforce answered: ${failure.message}`);
  }
}
