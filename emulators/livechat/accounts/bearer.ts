/** Reads the access token of a request: `Authorization: Bearer <token>`, or `?code=<token>` where the accounts API allows it. */
import type { Request } from 'express';

export function bearerToken(req: Request, allowQueryCode = false): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    return m?.[1];
  }
  if (allowQueryCode && typeof req.query.code === 'string') return req.query.code;
  return undefined;
}
