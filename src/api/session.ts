import { z } from 'zod';

export const agentRoles = ['owner', 'viceowner', 'administrator', 'normal'] as const;
export type AgentRole = (typeof agentRoles)[number];

/** GET /api/public-config (no sign-in): what a frontend needs to sign the agent in. */
export const publicConfigSchema = z.object({
  livechat: z.object({ clientId: z.string(), accountsUrl: z.string() }),
  demo: z.boolean(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

/**
 * The element of the built pages that carries public-config (a JSON data block the server writes into
 * /widget/ and /settings/), so a frontend signs in without asking for it first.
 */
export const publicConfigElementId = 'sfl-public-config';

/** GET /api/me: who the LiveChat token belongs to, as the backend verified it. */
export const meResponseSchema = z.object({
  agent: z.object({
    accountId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(agentRoles),
    licenseId: z.string(),
  }),
  /** Owners and vice-owners configure the app. */
  canConfigure: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** details of the 403 answered to agents who may not configure the app. */
export const notOwnerDetailsSchema = z.object({
  reason: z.literal('not_owner'),
  /** Names of the license's owner and vice-owners, so the page can say whom to ask. */
  configuredBy: z.array(z.string()),
});
export type NotOwnerDetails = z.infer<typeof notOwnerDetailsSchema>;
