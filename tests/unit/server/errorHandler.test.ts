import { describe, expect, it } from 'vitest';
import { AppError, errors } from '../../../server/http/appError';
import { renderError, toAppError } from '../../../server/http/errorHandler';

describe('error rendering', () => {
  it('keeps an AppError as it is', () => {
    const error = errors.validationFailed([{ path: 'body.label', message: 'Required' }]);
    expect(renderError(toAppError(error))).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The request is not valid.',
        details: { problems: [{ path: 'body.label', message: 'Required' }] },
      },
    });
    expect(toAppError(error).status).toBe(400);
  });

  it('turns malformed JSON into a 400', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected token b'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    const appError = toAppError(parserError);
    expect(appError.status).toBe(400);
    expect(appError.code).toBe('bad_request');
  });

  it('turns an oversized body into a 413', () => {
    expect(toAppError(Object.assign(new Error('too big'), { type: 'entity.too.large' })).status).toBe(413);
  });

  it('hides unknown errors behind a generic 500 that leaks nothing', () => {
    const secret = new Error('connect ECONNREFUSED with token 00Dxx!AQ0secret');
    const body = renderError(toAppError(secret));
    expect(toAppError(secret).status).toBe(500);
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED');
  });

  it('omits details when there are none', () => {
    expect(renderError(new AppError('not_found', 404, 'Not here.'))).toEqual({
      error: { code: 'not_found', message: 'Not here.' },
    });
  });
});

describe('upstream failures', () => {
  it('answers 503 when LiveChat cannot be reached, without its details', async () => {
    const { LiveChatError } = await import('../../../server/livechat/livechat.client');
    const error = toAppError(
      new LiveChatError('LiveChat could not be reached (ECONNREFUSED 10.0.0.1:443)', 503, 'network'),
    );
    expect(error.status).toBe(503);
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).not.toContain('10.0.0.1');
  });

  it('answers 409 when a Salesforce account needs reconnecting', async () => {
    const { SalesforceError } = await import('../../../server/salesforce/salesforceError');
    const error = toAppError(new SalesforceError('needs_reconnect', 'Reconnect the account.'));
    expect(error.status).toBe(409);
    expect(error.code).toBe('salesforce_needs_reconnect');
  });
});

describe('refresh failures wrapped by jsforce', () => {
  it('are temporary when seen without the connection that knows why (never refused for good)', async () => {
    const { toSalesforceError } = await import('../../../server/salesforce/salesforceError');
    const wrap = (message: string) => new Error(`Unable to refresh session due to: ${message}`);
    // The words are not read back: connections.ts keeps the refresh's own failure for its calls.
    expect(toSalesforceError(wrap('Salesforce no longer accepts this connection.')).kind).toBe('unavailable');
    expect(toSalesforceError(wrap('connect ECONNREFUSED 127.0.0.1:1')).kind).toBe('unavailable');
  });
});
