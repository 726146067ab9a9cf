import { describe, expect, it } from 'vitest';
import {
  classifySalesforceFailure,
  isTimeout,
  temporaryReason,
  toSalesforceError,
} from '../../../server/salesforce/salesforceError';

/** What jsforce throws for an error answer: its HttpApiError carries Salesforce's errorCode as name. */
const apiError = (errorCode: string, message: string, fields?: string[]) =>
  Object.assign(new Error(message), { name: errorCode, errorCode, data: { errorCode, message, fields } });
/** What jsforce's OAuth2 throws: the OAuth `error` as name, `error_description` as message. */
const oauthError = (error: string, description: string) =>
  Object.assign(new Error(description), { name: error });

describe('the meaning of a Salesforce failure', () => {
  it.each([
    [
      'UNKNOWN_EXCEPTION',
      'An unexpected error occurred. Please include this ErrorId if you contact support: 2439',
    ],
    ['SERVER_UNAVAILABLE', 'server too busy'],
    ['UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records: 0035c00000AbCdE'],
    ['ERROR_HTTP_502', '<html><body>Bad Gateway</body></html>'],
    ['SOMETHING_NEW_SALESFORCE_INVENTS', 'who knows'],
  ])('%s is temporary: retried, never dropped', (code, message) => {
    expect(toSalesforceError(apiError(code, message)).kind).toBe('unavailable');
  });

  it('tells the daily limit from the concurrent one, which clears within seconds', () => {
    expect(toSalesforceError(apiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')).kind).toBe(
      'limit_reached',
    );
    expect(
      toSalesforceError(apiError('REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded')).kind,
    ).toBe('unavailable');
  });

  it.each([
    ['invalid_grant', 'expired access/refresh token'],
    ['invalid_grant', 'inactive user'],
    ['invalid_grant', 'inactive organization'],
    ['invalid_grant', 'authentication failure'],
    ['inactive_user', 'user is inactive'],
  ])('an OAuth %s (%s) needs the owner to reconnect', (error, description) => {
    expect(toSalesforceError(oauthError(error, description)).kind).toBe('needs_reconnect');
  });

  it('a refused client secret (rotated) is temporary: no owner can fix it, and nothing is lost', () => {
    const failure = toSalesforceError(oauthError('invalid_client', 'invalid client credentials'));
    expect(failure.kind).toBe('unavailable');
    expect(failure.message).toContain('operator');
  });

  it('an org or user without API access needs the owner, not a retry', () => {
    const failure = toSalesforceError(
      apiError('API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'),
    );
    expect(failure.kind).toBe('needs_reconnect');
    expect(failure.message).toContain('The REST API is not enabled');
  });

  it.each([
    ['REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', ['LastName']],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Amount must be positive', ['Amount']],
    ['INVALID_FIELD', "No such column 'Foo__c' on sobject of type Lead", []],
    ['MALFORMED_SEARCH', "line 1:10 mismatched character '|' expecting '}'", []],
    ['DUPLICATES_DETECTED', 'Use one of these records?', []],
  ])('%s is the request’s own fault: refused, with its fields', (code, message, fields) => {
    const failure = toSalesforceError(apiError(code, message, fields));
    expect(failure.kind).toBe('rejected');
    expect(failure.fields).toEqual(fields);
    expect(failure.message).toBe(message);
  });

  it('a timeout and a network failure are temporary and say which', () => {
    const timeout = new DOMException(
      'This operation was aborted Request was aborted due to timeout of 30 minutes.',
      'AbortError',
    );
    expect(toSalesforceError(timeout)).toMatchObject({ kind: 'unavailable' });
    // A create given up at its deadline may have been saved: the widget says so (isTimeout).
    expect(isTimeout(toSalesforceError(timeout))).toBe(true);
    expect(isTimeout(toSalesforceError(new Error('connect ECONNREFUSED 10.0.0.1:443')))).toBe(false);
    expect(toSalesforceError(timeout).message).toContain('did not answer in time');
    expect(toSalesforceError(new Error('connect ECONNREFUSED 10.0.0.1:443')).message).toContain(
      'could not be reached',
    );
  });

  it('reads a composite subresponse’s error the same way', () => {
    expect(
      classifySalesforceFailure({ errorCode: 'UNABLE_TO_LOCK_ROW', message: 'locked', status: 400 }).kind,
    ).toBe('unavailable');
    expect(
      classifySalesforceFailure({
        errorCode: 'STRING_TOO_LONG',
        message: 'too long',
        status: 400,
        fields: ['Title'],
      }),
    ).toMatchObject({ kind: 'rejected', fields: ['Title'] });
  });

  it('says a temporary failure in a few words, with its code', () => {
    expect(
      temporaryReason(toSalesforceError(apiError('UNKNOWN_EXCEPTION', 'An unexpected error occurred.'))),
    ).toBe('Salesforce could not be reached (UNKNOWN_EXCEPTION)');
  });
});
