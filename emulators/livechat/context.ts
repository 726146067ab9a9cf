/** What every route module of the emulator receives. */
import type { TokenStore } from './accounts/tokenStore';
import type { SessionStore } from './accounts/sessions';
import type { ChatService } from './chats';
import type { Clock } from './model';
import type { WebhookService } from './webhooks';
import type { World } from './world';

export interface AgentAppOptions {
  /** Base URL of the app whose `/widget/` and `/settings/` the host page frames, e.g. `http://localhost:3000`. */
  appUrl: string;
  /** `plugin_id` query parameter given to the widget (default `salesforce-for-livechat`). */
  pluginId?: string;
}

export interface EmulatorContext {
  clock: Clock;
  world: World;
  tokens: TokenStore;
  sessions: SessionStore;
  /** Where the Agent App page and the accounts service are reached: two sites, set when listening. */
  origins: { agentApp: string; accounts: string };
  chats: ChatService;
  webhooks: WebhookService;
  /** Statuses the next `POST /v2/token` calls answer with instead of a token (tests' faults). */
  tokenFaults: (429 | 500 | 503)[];
  agentApp?: AgentAppOptions;
}
