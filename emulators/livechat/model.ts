/** The emulator's in-memory world: licenses with agents, groups and chats, and the OAuth clients. */
import type { AgentRole, CustomerUser, Properties, Thread } from './wire';

export type GroupPriority = 'first' | 'normal' | 'last' | 'supervisor';

export interface LicenseAgent {
  email: string;
  accountId: string;
  name: string;
  role: AgentRole;
  jobTitle: string;
  groupIds: number[];
  loginStatus: 'accepting chats' | 'not accepting chats' | 'offline';
  maxChatsCount: number;
  lastLogout?: string;
}

export interface LicenseGroup {
  id: number;
  name: string;
  languageCode: string;
  routingStatus: 'accepting_chats' | 'not_accepting_chats' | 'offline';
  priorities: Record<string, GroupPriority>;
}

/** A chat as stored: one customer, its threads in chronological order (the last may be active). */
export interface StoredChat {
  id: string;
  customer: CustomerUser;
  /** Agent ids (emails) that took part in any thread. */
  agentIds: string[];
  properties: Properties;
  access: { group_ids: number[] };
  threads: Thread[];
}

export interface License {
  licenseId: number;
  organizationId: string;
  name: string;
  /**
   * The data center the license lives in; its access tokens start with it (`dal:…`, `fra:…`), and
   * the Web API takes requests for it only with `X-Region: <region>` (none means `dal`).
   */
  region?: 'dal' | 'fra';
  /**
   * Client ids of the Marketplace apps installed on the license. License webhooks of an app reach
   * only licenses that installed it (Configuration API v3.5 › Webhooks: "Webhooks are always
   * automatically enabled for the licences that install your application").
   */
  installedApps: string[];
  agents: LicenseAgent[];
  groups: LicenseGroup[];
  chats: StoredChat[];
}

export interface OAuthClient {
  clientId: string;
  /** Server-side apps have a secret (their refresh tokens don't rotate); JavaScript apps don't. */
  clientSecret?: string;
  name: string;
  /**
   * The organization of the app's author (Developer Console). Only it may register the app's
   * webhooks (Configuration API v3.5 › Register Webhook: `owner_client_id` "must be owned by your
   * organization").
   */
  ownerOrganizationId: string;
  /** Whitelisted redirect URIs; a `:*` port matches any port (`http://localhost:*`). */
  redirectUris: string[];
  scopes: string[];
}

export interface SeedData {
  licenses: License[];
  clients: OAuthClient[];
}

export interface Clock {
  now(): Date;
}
