import { z } from 'zod';

export const environments = ['production', 'sandbox', 'custom'] as const;
export type Environment = (typeof environments)[number];

export const accountStatuses = ['pending', 'connected', 'needs_reconnect'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const accessModes = ['everyone', 'groups', 'agents'] as const;

/** Who may use an account in the widget (owners and vice-owners always may). */
export const accessRuleSchema = z
  .object({
    mode: z.enum(accessModes),
    groupIds: z.array(z.number().int().nonnegative()).max(500).default([]),
    agentEmails: z
      .array(z.email('Each agent must be given by their LiveChat login email.'))
      .max(2000)
      .default([]),
  })
  .superRefine((rule, ctx) => {
    if (rule.mode === 'groups' && rule.groupIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['groupIds'], message: 'Choose at least one group.' });
    }
    if (rule.mode === 'agents' && rule.agentEmails.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['agentEmails'], message: 'Choose at least one agent.' });
    }
  });
export type AccessRule = z.infer<typeof accessRuleSchema>;

/**
 * An automated "link" mapping's duplicate check: `rules` when the org's own duplicate rules (named in
 * `rules`) find the existing record as the record is created (one Salesforce call a chat), `search`
 * when it is searched by the mapping's searchable `fields` first (two), `unknown` until the first
 * automatic run has read the org's rules.
 */
export const duplicateCheckSchema = z.object({
  objectName: z.string(),
  objectLabel: z.string(),
  by: z.enum(['rules', 'search', 'unknown']),
  rules: z.array(z.string()),
  fields: z.array(z.string()),
});
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

export const salesforceAccountSchema = z.object({
  id: z.string(),
  label: z.string(),
  environment: z.enum(environments),
  loginUrl: z.string(),
  status: z.enum(accountStatuses),
  /** Why the account needs reconnecting, in plain words. */
  statusReason: z.string().nullable(),
  org: z.object({ id: z.string(), name: z.string() }).nullable(),
  instanceUrl: z.string().nullable(),
  connectedUser: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  /** The LiveChat agent who connected it. */
  connectedBy: z.string().nullable(),
  connectedAt: z.string().nullable(),
  access: accessRuleSchema,
  mappingCount: z.number().int(),
  /**
   * The org's daily API requests as Salesforce last reported them (a rolling 24 hours, shared with
   * everything else the org runs) and the calls this app made today (UTC); null when not asked for.
   */
  apiUsage: z
    .object({
      used: z.number().int().nullable(),
      limit: z.number().int().nullable(),
      reportedAt: z.string().nullable(),
      ourCallsToday: z.number().int(),
    })
    .nullable(),
  /** Automation waits while the org's usage is at or above this share of its limit; null: no budget. */
  automationBudgetPercent: z.number().int().nullable(),
  /** How automation finds the existing record for each "link" mapping of the account. */
  duplicateChecks: z.array(duplicateCheckSchema),
});
export type SalesforceAccount = z.infer<typeof salesforceAccountSchema>;

/** PUT /api/settings/accounts/:id/automation-budget: answers { account }. */
export const automationBudgetRequestSchema = z.object({
  percent: z
    .number({ error: 'Give the budget as a whole percentage, or null for none.' })
    .int('Give the budget as a whole percentage.')
    .min(1, 'The budget is at least 1 % of the daily limit.')
    .max(100, 'The budget is at most 100 % of the daily limit.')
    .nullable(),
});
export type AutomationBudgetRequest = z.infer<typeof automationBudgetRequestSchema>;

/** GET /api/settings/accounts */
export const accountListSchema = z.object({ accounts: z.array(salesforceAccountSchema) });

const label = z
  .string()
  .trim()
  .min(1, 'Give the account a name.')
  .max(80, 'Keep the name under 80 characters.');

/** POST /api/settings/accounts: answers { account, authorizeUrl } to open in a popup. */
export const createAccountRequestSchema = z
  .object({
    label,
    environment: z.enum(environments),
    /** For "custom": the org's My Domain login URL, e.g. https://acme.my.salesforce.com */
    myDomainUrl: z
      .url({
        protocol: /^https?$/,
        error: 'Enter the full My Domain URL, e.g. https://acme.my.salesforce.com',
      })
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (body.environment === 'custom' && !body.myDomainUrl) {
      ctx.addIssue({ code: 'custom', path: ['myDomainUrl'], message: 'Enter the My Domain URL of the org.' });
    }
  });
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

export const authorizeResponseSchema = z.object({
  account: salesforceAccountSchema,
  /** Salesforce's login page; open it in a popup. */
  authorizeUrl: z.string(),
});
export type AuthorizeResponse = z.infer<typeof authorizeResponseSchema>;

/** PATCH /api/settings/accounts/:id */
export const renameAccountRequestSchema = z.object({ label });

/**
 * POST /api/settings/oauth/salesforce/complete: the popup's callback page relays Salesforce's answer
 * to the settings app, which sends it here with the owner's token (this binds `state` to the owner).
 */
export const completeOAuthRequestSchema = z.union([
  z.object({ state: z.string().min(1), code: z.string().min(1) }),
  z.object({ state: z.string().min(1), error: z.string().min(1), errorDescription: z.string().optional() }),
]);
export type CompleteOAuthRequest = z.infer<typeof completeOAuthRequestSchema>;

/** The message the callback page posts to the settings app (window.opener). */
export const oauthCallbackMessageSchema = z.object({
  type: z.literal('salesforce-oauth'),
  state: z.string(),
  code: z.string().optional(),
  error: z.string().optional(),
  errorDescription: z.string().optional(),
});
export type OAuthCallbackMessage = z.infer<typeof oauthCallbackMessageSchema>;

export const accountIdParamsSchema = z.object({ id: z.uuid('Unknown account.') });

/** GET /api/settings/directory: the license's agents and groups, for access pickers. */
export const directorySchema = z.object({
  agents: z.array(
    z.object({ email: z.string(), name: z.string(), role: z.string(), groupIds: z.array(z.number()) }),
  ),
  groups: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type Directory = z.infer<typeof directorySchema>;

/** GET /api/widget/accounts: the accounts the calling agent may use. */
export const usableAccountsSchema = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      status: z.enum(accountStatuses),
      orgName: z.string().nullable(),
      instanceUrl: z.string().nullable(),
    }),
  ),
});
export type UsableAccounts = z.infer<typeof usableAccountsSchema>;
