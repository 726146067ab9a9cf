/** OAuth clients (Developer Console "App Authorization" blocks) known to the emulator. */
import { demoLicense, otherLicense } from '../../demo/people';
import type { OAuthClient } from '../model';

/** Every scope the emulator enforces. */
export const allScopes = [
  'chats--all:ro',
  'chats--access:ro',
  'agents--all:ro',
  'agents--my:ro',
  'groups--all:ro',
  'customers:ro',
  'accounts--my:ro',
  'accounts.roles--all:ro',
  'webhooks.configuration:rw',
  'webhooks.state:rw',
  'webhooks.state:ro',
] as const;

/** Salesforce for LiveChat in the demo: a server-side app (secret, non-rotating refresh tokens). */
export const demoClient: OAuthClient = {
  clientId: '5a1e5f0c7ed64c1d9b7c2e3f4a5b6c7d',
  clientSecret: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
  name: 'Salesforce for LiveChat (demo)',
  // The app's author is the demo company: its owner's personal access token registers the webhook.
  ownerOrganizationId: demoLicense.organizationId,
  redirectUris: ['http://localhost:*', 'http://127.0.0.1:*'],
  scopes: [...allScopes],
};

/** Another Marketplace app (a JavaScript app without secret) installed on the same licenses, for isolation tests. */
export const otherClient: OAuthClient = {
  clientId: '9cbf3a968289727cb3cdfe83ab1d9836',
  name: 'Another app',
  ownerOrganizationId: otherLicense.organizationId,
  redirectUris: ['http://localhost:*/other-app', 'https://other-app.example/'],
  scopes: ['chats--access:ro', 'agents--my:ro', 'accounts--my:ro'],
};

export const defaultClients: OAuthClient[] = [demoClient, otherClient];
