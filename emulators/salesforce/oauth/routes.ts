import express from 'express';
import type { Router } from 'express';
import type { EmulatorState } from '../state';
import { showAuthorizePage, submitAuthorizePage } from './authorize';
import { identityEndpoint, userInfoEndpoint } from './identity';
import { revokeEndpoint } from './revoke';
import { tokenEndpoint } from './token';

/** The login host: OAuth 2.0 endpoints and the identity service. */
export function oauthRoutes(state: EmulatorState): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false });
  router.get('/services/oauth2/authorize', showAuthorizePage(state));
  router.post('/services/oauth2/authorize', form, submitAuthorizePage(state));
  router.post('/services/oauth2/token', form, tokenEndpoint(state));
  router.post('/services/oauth2/revoke', form, revokeEndpoint(state));
  router.get('/services/oauth2/revoke', revokeEndpoint(state));
  router.get('/services/oauth2/userinfo', userInfoEndpoint(state));
  router.post('/services/oauth2/userinfo', form, userInfoEndpoint(state));
  router.get('/id/:orgId/:userId', identityEndpoint(state));
  router.post('/id/:orgId/:userId', form, identityEndpoint(state));
  return router;
}
