import type { Request, Response } from 'express';
import type { EmulatorState } from './state';

export const JSON_TYPE = 'application/json;charset=UTF-8';

/** The emulator's origin as the client sees it (login host and instance are the same origin). */
export function originOf(state: EmulatorState, req: Request): string {
  return state.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', JSON_TYPE);
  res.send(Buffer.from(JSON.stringify(body)));
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** The bearer token of a request (`Authorization: Bearer …` or `OAuth …`), or `oauth_token`. */
export function bearerToken(req: Request, allowQuery = false): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim()) : null;
  if (match?.[1]) return match[1];
  if (!allowQuery) return undefined;
  const fromQuery = req.query.oauth_token;
  if (typeof fromQuery === 'string') return fromQuery;
  const body: unknown = req.body;
  if (body && typeof body === 'object' && 'oauth_token' in body) {
    const value = (body as Record<string, unknown>).oauth_token;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Lower-cased request headers as plain strings. */
export function headerMap(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
