/** The accounts service's sign-in sessions: a cookie naming a signed-in account. */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'lc_accounts_session';

export interface SessionStore {
  create(accountId: string): string;
  accountOf(req: Request): string | undefined;
  signIn(res: Response, accountId: string): void;
  signOut(req: Request, res: Response): void;
  clear(): void;
}

function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, string>();
  const create = (accountId: string): string => {
    const id = randomBytes(18).toString('base64url');
    sessions.set(id, accountId);
    return id;
  };
  return {
    create,
    accountOf(req) {
      const id = cookieValue(req, SESSION_COOKIE);
      return id ? sessions.get(id) : undefined;
    },
    signIn(res, accountId) {
      // As accounts.livechat.com's own session cookie: cross-site (read in the hidden iframe that
      // accounts-sdk opens inside an app's iframe), so `SameSite=None; Secure`; a browser that
      // blocks third-party cookies does not send it there, and only the popup (first-party) works.
      // Browsers accept Secure cookies from http://localhost and http://127.0.0.1.
      res.cookie(SESSION_COOKIE, create(accountId), {
        httpOnly: true,
        sameSite: 'none',
        secure: true,
        path: '/',
      });
    },
    signOut(req, res) {
      const id = cookieValue(req, SESSION_COOKIE);
      if (id) sessions.delete(id);
      res.clearCookie(SESSION_COOKIE, { path: '/', sameSite: 'none', secure: true });
    },
    clear: () => sessions.clear(),
  };
}
