import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../../src/api/errors';
import { LiveChatError } from '../livechat/livechat.client';
import { SalesforceError, salesforceFailureError } from '../salesforce/salesforceError';
import { AppError, errors } from './appError';

interface BodyParserError {
  type?: string;
  status?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (('type' in error && typeof error.type === 'string') ||
      ('status' in error && typeof error.status === 'number' && 'expose' in error))
  );
}

/** Turns anything thrown into an AppError; unknown errors become a generic 500 so nothing leaks. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof SalesforceError) return salesforceFailureError(error);
  if (error instanceof LiveChatError) {
    return error.status >= 500 || error.type === 'network'
      ? errors.upstreamUnavailable('LiveChat could not be reached. Try again in a moment.')
      : errors.livechatError(`LiveChat refused the request: ${error.message}`);
  }
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.parse.failed':
        return errors.badRequest('The request body is not valid JSON.');
      case 'entity.too.large':
        return errors.payloadTooLarge('The request body is too large.');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return errors.unsupportedEncoding('The request body uses an unsupported encoding.');
    }
    // Any other 4xx of the body reader: a body that is not in the encoding its headers say
    // (`Content-Encoding: gzip` on plain text), or cut short.
    if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      return errors.badRequest('The request body could not be read as its headers describe it.');
    }
  }
  return errors.internal('Something went wrong on our side. Please try again.');
}

export function renderError(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/** The one place errors become responses: `{ error: { code, message, details } }`, never a stack. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    req.log.error({ err: error }, 'request failed');
  } else {
    req.log.info({ code: appError.code, status: appError.status }, appError.message);
  }
  if (res.headersSent) return;
  res.status(appError.status).json(renderError(appError));
};

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(errors.notFound(`There is no ${req.method} ${req.path} here.`));
};
