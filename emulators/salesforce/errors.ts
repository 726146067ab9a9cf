/** One entry of a REST error body: `[{ message, errorCode, fields }]`. */
export interface ErrorItem {
  message: string;
  errorCode: string;
  fields?: string[];
  /** Salesforce's own misspelling, kept on purpose (reference §8.4). */
  duplicateResut?: unknown;
}

/** An error answered as a Salesforce REST error array with an HTTP status. */
export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly items: ErrorItem[],
  ) {
    super(items[0]?.message ?? 'error');
    this.name = items[0]?.errorCode ?? 'ERROR';
  }
}

const single = (status: number, errorCode: string, message: string, fields?: string[]) =>
  new SalesforceError(status, [fields ? { message, errorCode, fields } : { message, errorCode }]);

export const notFound = () => single(404, 'NOT_FOUND', 'The requested resource does not exist');
export const invalidSession = () => single(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
/**
 * The daily limit: 403, "TotalRequests Limit exceeded." (errorcodes page
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm; message in
 * the jsforce stack of https://github.com/SalesforceLabs/OrgCheck/issues/181).
 */
export const requestLimitExceeded = () =>
  single(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
/**
 * Too many long-running requests at once: same errorCode, told apart by the message
 * ("ConcurrentPerOrgLongTxn Limit exceeded", https://docs.cloud-elements.com/home/9838da8 and
 * https://github.com/mautic/mautic/issues/5006; 403 per the cloud-elements page).
 */
export const concurrentLimitExceeded = () =>
  single(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded');
/**
 * Record lock contention: `[{"message":"unable to obtain exclusive access to this record or 1
 * records: 0035c…","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]`, quoted from a production error
 * in a public Ruby client; 400 is the typical status (research notes §2, UNCONFIRMED).
 */
export const unableToLockRow = (recordId: string) =>
  single(
    400,
    'UNABLE_TO_LOCK_ROW',
    `unable to obtain exclusive access to this record or 1 records: ${recordId}`,
    [],
  );
export const serverUnavailable = () =>
  single(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable. Please try again later.');
export const unknownException = () =>
  single(
    500,
    'UNKNOWN_EXCEPTION',
    'An unexpected error occurred. Please include this ErrorId if you contact support: 1016813862-37716 (-1413166171)',
  );
export const methodNotAllowed = (method: string, allowed: string[]) =>
  single(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);
export const jsonParserError = (message: string) => single(400, 'JSON_PARSER_ERROR', message);
export const malformedQuery = (message: string) => single(400, 'MALFORMED_QUERY', message);
export const invalidField = (message: string, fields?: string[]) =>
  single(400, 'INVALID_FIELD', message, fields);
export const invalidType = (message: string) => single(400, 'INVALID_TYPE', message);
export const invalidQueryFilter = (message: string) => single(400, 'INVALID_QUERY_FILTER_OPERATOR', message);
export const invalidQueryLocator = () => single(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
export const malformedSearch = (message: string) => single(400, 'MALFORMED_SEARCH', message);
export const invalidSearch = (message: string) => single(400, 'INVALID_SEARCH', message);
export const malformedId = (label: string, value: string, field = 'Id') =>
  single(400, 'MALFORMED_ID', `${label}: id value of incorrect type: ${value}`, [field]);
export const entityIsDeleted = () => single(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);
export const badRequest = (errorCode: string, message: string) => single(400, errorCode, message);

/** The body of a per-record failure inside sObject Collections: `statusCode`, not `errorCode`. */
export interface CollectionError {
  statusCode: string;
  message: string;
  fields: string[];
}

export function toCollectionErrors(error: SalesforceError): CollectionError[] {
  return error.items.map((item) => ({
    statusCode: item.errorCode,
    message: item.message,
    fields: item.fields ?? [],
  }));
}
