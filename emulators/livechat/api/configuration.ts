/** Configuration API v3.5: agents, groups and webhooks (§3.1, §5). */
import { z } from 'zod';
import { apiErrors } from '../errors';
import type { LicenseAgent, LicenseGroup } from '../model';
import { WEBHOOK_ACTIONS } from '../webhooks';
import type { ConfigAgent, ConfigGroup, WebhookWire } from '../wire';
import type { ActionHandler } from './actions';
import { parseBody, requireAnyScope, type ApiCaller } from './caller';
import { requireGranted } from './scopes';

const AGENT_FIELDS = [
  'work_scheduler',
  'groups',
  'email_subscriptions',
  'notifications',
  'job_title',
  'mobile',
  'max_chats_count',
  'suspended',
  'awaiting_approval',
  'last_logout',
] as const;

const agentFields = z.array(z.enum(AGENT_FIELDS)).optional();
// Configuration API v3.5 › List Agents › Request: `filters.group_ids` (int[]), `filters.suspended`
// (bool), `fields` (one of the listed values, else `validation`).
const listAgentsBody = z.object({
  filters: z
    .object({
      group_ids: z.array(z.number().int().nonnegative()).optional(),
      suspended: z.boolean().optional(),
    })
    .optional(),
  fields: agentFields,
});
const getAgentBody = z.object({ id: z.string().min(1), fields: agentFields });
// Configuration API v3.5 › List Groups › Request: `fields`, `agent_priorities` or `routing_status`.
const listGroupsBody = z.object({
  fields: z.array(z.enum(['agent_priorities', 'routing_status'])).optional(),
});

const registerWebhookBody = z.object({
  url: z.url().max(500),
  action: z.enum(WEBHOOK_ACTIONS),
  secret_key: z.string().min(1),
  owner_client_id: z.string().min(1),
  type: z.enum(['license', 'bot']),
  description: z.string().optional(),
  additional_data: z.array(z.string()).optional(),
  filters: z.record(z.string(), z.unknown()).optional(),
});
const ownerBody = z.object({ owner_client_id: z.string().min(1) });
const unregisterBody = z.object({ id: z.string().min(1), owner_client_id: z.string().min(1) });
const stateBody = z.object({ owner_client_id: z.string().min(1).optional() });

function presentAgent(
  agent: LicenseAgent,
  fields: readonly string[] | undefined,
  avatarKey: 'avatar' | 'avatar_path',
): ConfigAgent {
  const out: ConfigAgent = {
    id: agent.email,
    account_id: agent.accountId,
    name: agent.name,
    role: agent.role,
    login_status: agent.loginStatus,
  };
  out[avatarKey] = `cdn.livechat-files.com/api/file/lc/avatars/${encodeURIComponent(agent.email)}.png`;
  const want = new Set(fields ?? []);
  if (want.has('job_title')) out.job_title = agent.jobTitle;
  if (want.has('max_chats_count')) out.max_chats_count = agent.maxChatsCount;
  if (want.has('groups')) out.groups = agent.groupIds.map((id) => ({ id, priority: 'normal' as const }));
  if (want.has('suspended')) out.suspended = false;
  if (want.has('awaiting_approval')) out.awaiting_approval = false;
  if (want.has('last_logout') && agent.lastLogout) out.last_logout = agent.lastLogout;
  return out;
}

function presentGroup(group: LicenseGroup, fields: readonly string[] | undefined): ConfigGroup {
  const out: ConfigGroup = { id: group.id, name: group.name, language_code: group.languageCode };
  if (fields?.includes('agent_priorities')) out.agent_priorities = { ...group.priorities };
  if (fields?.includes('routing_status')) out.routing_status = group.routingStatus;
  return out;
}

/**
 * The webhook owner must be a client of the caller's organization (Configuration API v3.5 ›
 * Register Webhook: `owner_client_id` "must be owned by your organization"; List and Unregister
 * Webhook name the same owner). The docs name no error for a client of another organization; the
 * emulator answers `authorization` (403), the error of a caller who may not act on a resource.
 */
function requireOwnClient(ctx: Parameters<ActionHandler>[0], caller: ApiCaller, clientId: string): void {
  const client = ctx.world.client(clientId);
  if (!client) {
    throw apiErrors.validation('Wrong format of request', {
      field: 'owner_client_id',
      reason: 'Unknown client',
    });
  }
  if (client.ownerOrganizationId !== caller.license.organizationId) {
    throw apiErrors.authorization('Client not owned by your organization');
  }
}

/**
 * Whose webhooks the state actions are about (Configuration API v3.5 › Enable/Disable/Get License
 * Webhooks State): `owner_client_id` is "required only when authorizing via PATs"; with a Bearer
 * token the token's client is used, and a given `owner_client_id` replaces it.
 */
function stateClient(caller: ApiCaller, body: { owner_client_id?: string | undefined }): string {
  const clientId = body.owner_client_id ?? caller.clientId;
  if (!clientId) {
    throw apiErrors.validation('Wrong format of request', {
      field: 'owner_client_id',
      reason: 'Required when authorizing with a personal access token',
    });
  }
  return clientId;
}

export const configurationActions: Record<string, ActionHandler> = {
  list_agents(_ctx, caller, raw) {
    // Configuration API v3.5 › List Agents › Specifics: `agents--all:ro` (or a scope containing it,
    // Authorization › Scopes › General rules).
    requireGranted(caller, 'agents--all:ro');
    const body = parseBody(listAgentsBody, raw);
    const groups = body.filters?.group_ids;
    // Configuration API v3.5 › List Agents › Request: `group_ids` "You'll only get the Agents from
    // the specified group(s)"; `suspended` "returns only those Agents who have the same suspended
    // field value" (no emulated agent is suspended). Response: a bare array (payload listAgents).
    return caller.license.agents
      .filter((a) => !groups || a.groupIds.some((g) => groups.includes(g)))
      .filter(() => body.filters?.suspended !== true)
      .map((a) => presentAgent(a, body.fields, 'avatar_path'));
  },

  get_agent(_ctx, caller, raw) {
    requireAnyScope(caller, 'agents--all:ro', 'agents--my:ro');
    const body = parseBody(getAgentBody, raw);
    const agent = caller.license.agents.find((a) => a.email.toLowerCase() === body.id.toLowerCase());
    if (!caller.has('agents--all:ro') && agent?.email !== caller.agent.email) {
      throw apiErrors.authorization('Scopes missing: agents--all:ro');
    }
    if (!agent) throw apiErrors.notFound('Agent not found');
    return presentAgent(agent, body.fields, 'avatar');
  },

  list_groups(_ctx, caller, raw) {
    // Configuration API v3.5 › List Groups › Specifics: `groups--all:ro` (or a scope containing it,
    // Authorization › Scopes › General rules). Response: every group, a bare array (payload listGroups).
    requireGranted(caller, 'groups--all:ro');
    const body = parseBody(listGroupsBody, raw);
    return caller.license.groups.map((g) => presentGroup(g, body.fields));
  },

  register_webhook(ctx, caller, raw) {
    requireAnyScope(caller, 'webhooks.configuration:rw');
    const body = parseBody(registerWebhookBody, raw);
    requireOwnClient(ctx, caller, body.owner_client_id);
    if (ctx.webhooks.list(body.owner_client_id).filter((h) => h.action === body.action).length >= 3) {
      throw apiErrors.limitReached('Webhooks limit reached: up to 3 webhooks per action');
    }
    const hook = ctx.webhooks.register({
      url: body.url,
      action: body.action,
      secret_key: body.secret_key,
      owner_client_id: body.owner_client_id,
      type: body.type,
      ...(body.description !== undefined && { description: body.description }),
      ...(body.additional_data !== undefined && { additional_data: body.additional_data }),
      ...(body.filters !== undefined && { filters: body.filters }),
    });
    return { id: hook.id };
  },

  list_webhooks(ctx, caller, raw) {
    requireAnyScope(caller, 'webhooks.configuration:rw');
    const body = parseBody(ownerBody, raw);
    requireOwnClient(ctx, caller, body.owner_client_id);
    return ctx.webhooks
      .list(body.owner_client_id)
      .map((h): Omit<WebhookWire, 'secret_key' | 'additional_data'> => ({
        id: h.id,
        url: h.url,
        description: h.description ?? '',
        action: h.action,
        filters: h.filters ?? {},
        owner_client_id: h.owner_client_id,
        type: h.type,
      }));
  },

  unregister_webhook(ctx, caller, raw) {
    requireAnyScope(caller, 'webhooks.configuration:rw');
    const body = parseBody(unregisterBody, raw);
    requireOwnClient(ctx, caller, body.owner_client_id);
    if (!ctx.webhooks.unregister(body.id, body.owner_client_id))
      throw apiErrors.notFound('Webhook not found');
    return {};
  },

  enable_license_webhooks(ctx, caller, raw) {
    requireAnyScope(caller, 'webhooks.state:rw');
    const body = parseBody(stateBody, raw);
    ctx.webhooks.setEnabled(caller.license.licenseId, stateClient(caller, body), true);
    return {};
  },

  disable_license_webhooks(ctx, caller, raw) {
    requireAnyScope(caller, 'webhooks.state:rw');
    const body = parseBody(stateBody, raw);
    ctx.webhooks.setEnabled(caller.license.licenseId, stateClient(caller, body), false);
    return {};
  },

  get_license_webhooks_state(ctx, caller, raw) {
    requireAnyScope(caller, 'webhooks.state:ro', 'webhooks.state:rw');
    const body = parseBody(stateBody, raw);
    return {
      license_webhooks_enabled: ctx.webhooks.isEnabled(caller.license, stateClient(caller, body)),
    };
  },
};
