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

/**
 * The one table of the errors the API answers with: each kind, its code and its HTTP status. A code
 * has one status, except `bad_request` (415 for a body in an encoding we do not read, 431 for
 * headers too large), `livechat_error`
 * (400 when LiveChat refused what the person sent, 502 when it failed us) and `salesforce_error`
 * (422 when Salesforce refused a record's values, 502 otherwise).
 */
const table = {
  badRequest: ['bad_request', 400],
  unsupportedEncoding: ['bad_request', 415],
  headersTooLarge: ['bad_request', 431],
  validationFailed: ['validation_failed', 400],
  unauthorized: ['unauthorized', 401],
  forbidden: ['forbidden', 403],
  notFound: ['not_found', 404],
  conflict: ['conflict', 409],
  payloadTooLarge: ['payload_too_large', 413],
  upstreamUnavailable: ['upstream_unavailable', 503],
  salesforceError: ['salesforce_error', 502],
  salesforceRefused: ['salesforce_error', 422],
  salesforceLimitReached: ['salesforce_limit_reached', 503],
  salesforceNeedsReconnect: ['salesforce_needs_reconnect', 409],
  livechatError: ['livechat_error', 502],
  livechatRefused: ['livechat_error', 400],
  notInstalled: ['not_installed', 409],
  loginHostNotAllowed: ['login_host_not_allowed', 400],
  oauthStateInvalid: ['oauth_state_invalid', 400],
  oauthFailed: ['oauth_failed', 400],
  internal: ['internal', 500],
} as const satisfies Record<string, readonly [ErrorCode, number]>;

type Kind = keyof typeof table;

/** Every code of the contract is in the table (a missing one fails the type check here). */
type Missing = Exclude<ErrorCode, (typeof table)[Kind][0]>;
const everyCodeHasAStatus: [Missing] extends [never] ? true : Missing = true;
void everyCodeHasAStatus;

const of =
  (kind: Kind) =>
  (message: string, details?: unknown): AppError =>
    new AppError(table[kind][0], table[kind][1], message, details);

/** The factories every error is built with: `throw errors.notFound('This mapping does not exist.')`. */
export const errors = {
  badRequest: of('badRequest'),
  unsupportedEncoding: of('unsupportedEncoding'),
  headersTooLarge: of('headersTooLarge'),
  /** A request (or a mapping) that fails its checks, each problem at the path it concerns. */
  validationFailed: (problems: FieldProblem[], message = 'The request is not valid.') =>
    of('validationFailed')(message, { problems }),
  unauthorized: (message = 'Sign in with LiveChat to continue.') => of('unauthorized')(message),
  forbidden: of('forbidden'),
  notFound: (message = 'Not found.') => of('notFound')(message),
  conflict: of('conflict'),
  payloadTooLarge: of('payloadTooLarge'),
  upstreamUnavailable: of('upstreamUnavailable'),
  salesforceError: of('salesforceError'),
  /** Salesforce refused a record's values: the problems say which, as a validation failure does. */
  salesforceRefused: (problems: FieldProblem[], message: string) =>
    of('salesforceRefused')(message, { problems }),
  salesforceLimitReached: of('salesforceLimitReached'),
  salesforceNeedsReconnect: of('salesforceNeedsReconnect'),
  livechatError: of('livechatError'),
  livechatRefused: of('livechatRefused'),
  notInstalled: of('notInstalled'),
  loginHostNotAllowed: of('loginHostNotAllowed'),
  oauthStateInvalid: of('oauthStateInvalid'),
  oauthFailed: of('oauthFailed'),
  internal: of('internal'),
} satisfies Record<Kind, (...args: never[]) => AppError>;
