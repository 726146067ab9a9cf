import type { ConnectedAppSeed } from './types';

/**
 * The demo connected app. A connected app works in every org (as a real one installed from a
 * package does), so one client id logs into the demo org, the other org and any sandbox.
 */
export const demoConnectedApp: ConnectedAppSeed = {
  name: 'Salesforce for LiveChat (demo)',
  clientId: '3MVG9emulator.SalesforceForLiveChat.DemoConsumerKey.x4Lq8Zt2Vb7Nw1Rk5Jp3Hs9Dc6Fg0Ym',
  clientSecret: 'E7C1D9A04B6F3E2817C5A9D0F4B3E6A21C8D7F5E9B0A3C6D1F4E7B2A5C8D9E0F',
  redirectUris: [],
  redirectUriPrefixes: ['http://localhost:', 'http://127.0.0.1:'],
  scopes: ['refresh_token', 'api', 'id', 'web'],
};
