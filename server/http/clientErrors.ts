import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errors, type AppError } from './appError';
import { renderError } from './errorHandler';

/**
 * Requests Node refuses before Express sees them (headers too large, a request line it cannot
 * parse) are answered in our JSON error shape too, instead of Node's bare status line.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const appError: AppError =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? errors.headersTooLarge('The request headers are too large.')
        : errors.badRequest('The request could not be read.');
    const body = JSON.stringify(renderError(appError));
    socket.end(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
