/**
 * Wire shapes of LiveChat's APIs as the emulator sends them (reference: shared/reference/livechat.md §2–§5).
 * Only what the emulator produces; field names are LiveChat's own.
 */

export type AgentRole = 'owner' | 'viceowner' | 'administrator' | 'normal';

export interface Geolocation {
  country: string;
  country_code: string;
  region: string;
  city: string;
  timezone: string;
  latitude?: string;
  longitude?: string;
}

export interface VisitedPage {
  opened_at: string;
  url: string;
  title: string;
}

export interface LastVisit {
  started_at: string;
  ended_at?: string;
  referrer?: string;
  ip: string;
  user_agent: string;
  geolocation: Geolocation;
  last_pages: VisitedPage[];
}

/** Custom variables: an array of single-key objects (§4.3). */
export type SessionFields = Array<Record<string, string>>;

export interface CustomerUser {
  id: string;
  type: 'customer';
  name?: string;
  email?: string;
  email_verified?: boolean;
  present: boolean;
  created_at: string;
  session_fields?: SessionFields;
  last_visit: LastVisit;
  statistics: { chats_count: number; threads_count: number; visits_count: number };
}

export interface AgentUser {
  id: string;
  type: 'agent';
  name: string;
  email: string;
  present: boolean;
  avatar: string;
  visibility: 'all' | 'agents';
}

export type ChatUser = CustomerUser | AgentUser;

export interface MessageEvent {
  id: string;
  type: 'message';
  created_at: string;
  author_id: string;
  visibility: 'all' | 'agents';
  text: string;
}

export interface SystemMessageEvent {
  id: string;
  type: 'system_message';
  created_at: string;
  visibility: 'all' | 'agents';
  text: string;
  system_message_type: string;
}

export type FormField =
  | {
      type: 'name' | 'email' | 'question' | 'subject' | 'textarea';
      id: string;
      label: string;
      answer: string;
    }
  | { type: 'radio' | 'select'; id: string; label: string; answer: { id: string; label: string } }
  | { type: 'checkbox'; id: string; label: string; answers: Array<{ id: string; label: string }> }
  | {
      type: 'group_chooser';
      id: string;
      label: string;
      answer: { id: string; label: string; group_id: number };
    };

export interface FilledFormEvent {
  id: string;
  type: 'filled_form';
  created_at: string;
  author_id: string;
  visibility: 'all' | 'agents';
  form_id: string;
  form_type: 'prechat' | 'postchat' | 'ask_for_email';
  properties: { lc2: { form_type: string } };
  fields: FormField[];
}

export type ChatEvent = MessageEvent | SystemMessageEvent | FilledFormEvent;

export type Properties = Record<string, Record<string, unknown>>;

export interface Thread {
  id: string;
  active: boolean;
  user_ids: string[];
  events: ChatEvent[];
  properties: Properties;
  access: { group_ids: number[] };
  tags?: string[];
  created_at: string;
  previous_thread_id?: string;
  next_thread_id?: string;
  previous_accessible_thread_id?: string;
  next_accessible_thread_id?: string;
}

export interface Chat {
  id: string;
  users: ChatUser[];
  thread: Thread;
  properties: Properties;
  access: { group_ids: number[] };
  is_followed: boolean;
}

export interface ListArchivesResponse {
  chats: Chat[];
  found_chats: number;
  next_page_id?: string;
  previous_page_id?: string;
}

export interface ConfigAgent {
  id: string;
  account_id: string;
  name: string;
  role: AgentRole;
  login_status: 'accepting chats' | 'not accepting chats' | 'offline';
  avatar_path?: string;
  avatar?: string;
  job_title?: string;
  max_chats_count?: number;
  groups?: Array<{ id: number; priority: 'first' | 'normal' | 'last' | 'supervisor' }>;
  last_logout?: string;
  suspended?: boolean;
  awaiting_approval?: boolean;
  mobile?: string;
}

export interface ConfigGroup {
  id: number;
  name: string;
  language_code: string;
  agent_priorities?: Record<string, 'first' | 'normal' | 'last' | 'supervisor'>;
  routing_status?: 'accepting_chats' | 'not_accepting_chats' | 'offline';
}

export interface WebhookWire {
  id: string;
  url: string;
  description?: string;
  action: string;
  secret_key: string;
  filters?: Record<string, unknown>;
  additional_data?: string[];
  owner_client_id: string;
  type: 'license' | 'bot';
}

export interface WebhookEnvelope {
  webhook_id: string;
  secret_key: string;
  action: string;
  organization_id: string;
  payload: Record<string, unknown>;
  additional_data: Record<string, unknown>;
}

/** `POST /v2/token` and `GET /v2/info` bodies (§2.2). */
export interface TokenResponse {
  access_token: string;
  account_id: string;
  client_id: string;
  expires_in: number;
  organization_id: string;
  refresh_token?: string;
  scope: string;
  token_type: 'Bearer';
}

/** Accounts error body (§2.2). */
export interface AccountsErrorBody {
  error: string;
  error_description: string;
  request_id: string;
}

/** Agent Chat / Configuration API error body (§2.4). */
export interface ApiErrorBody {
  error: { type: string; message: string; data?: unknown };
}
