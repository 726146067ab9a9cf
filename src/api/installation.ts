import { z } from 'zod';

/** GET /api/settings/installation */
export const installationSchema = z.object({
  installed: z.boolean(),
  installedAt: z.string().nullable(),
  installedBy: z.string().nullable(),
  /** The ended-chat webhook is registered with LiveChat. */
  webhookRegistered: z.boolean(),
});
export type Installation = z.infer<typeof installationSchema>;

/**
 * POST /api/settings/installation: the owner's browser got an authorization code from LiveChat's
 * accounts service (accounts-sdk, response_type=code); the backend exchanges it for the license's
 * tokens and registers the webhook. Installing again replaces the tokens and the webhook.
 */
export const installRequestSchema = z.object({
  code: z.string().min(1, 'The authorization code is missing.'),
  redirectUri: z.url('The redirect URI must be the URL the code was issued for.'),
  codeVerifier: z.string().min(1).optional(),
});
export type InstallRequest = z.infer<typeof installRequestSchema>;
