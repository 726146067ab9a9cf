import { z } from 'zod';

/** GET /api/settings/installation */
export const installationSchema = z.object({
  installed: z.boolean(),
  installedAt: z.string().nullable(),
  installedBy: z.string().nullable(),
  /** LiveChat sends this license's ended chats to the app (its webhooks are on for the license). */
  webhooksEnabled: z.boolean(),
});
export type Installation = z.infer<typeof installationSchema>;

/**
 * POST /api/settings/installation: the owner's browser got an authorization code from LiveChat's
 * accounts service (accounts-sdk, response_type=code); the backend exchanges it for the license's
 * tokens and switches the app's webhooks on for the license. Installing again replaces the tokens.
 */
export const installRequestSchema = z.object({
  code: z.string().min(1, 'The authorization code is missing.'),
  redirectUri: z.url('The redirect URI must be the URL the code was issued for.'),
  codeVerifier: z.string().min(1).optional(),
});
export type InstallRequest = z.infer<typeof installRequestSchema>;
