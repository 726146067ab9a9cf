import type { Request, Response } from 'express';
import type { EmulatorState } from '../state';

/**
 * `POST /services/oauth2/revoke` (form `token=`; GET `?token=` also works): revokes an access token,
 * or a refresh token with the access tokens issued from it. Errors are form-encoded, which is how
 * jsforce reads them (reference §3.5).
 */
export function revokeEndpoint(state: EmulatorState) {
  return (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token =
      typeof body.token === 'string'
        ? body.token
        : typeof req.query.token === 'string'
          ? req.query.token
          : '';
    const revoked = state.sessions.revokeRefreshToken(token) || state.sessions.revokeAccessToken(token);
    if (!revoked) {
      res
        .status(400)
        .type('application/x-www-form-urlencoded')
        .send('error=invalid_token&error_description=invalid+token');
      return;
    }
    res.status(200).end();
  };
}
