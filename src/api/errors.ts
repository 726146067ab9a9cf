import { z } from 'zod';

/** Every error code the HTTP API answers with. Frontends switch on these, never on messages. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'upstream_unavailable',
  'salesforce_error',
  'salesforce_limit_reached',
  'salesforce_needs_reconnect',
  'livechat_error',
  'not_installed',
  'login_host_not_allowed',
  'oauth_state_invalid',
  'oauth_failed',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One problem with a request's input, as `details` of a `validation_failed` error lists them. */
export const fieldProblemSchema = z.object({
  /** Where in the input: "body.label", "query.limit". */
  path: z.string(),
  message: z.string(),
});

export type FieldProblem = z.infer<typeof fieldProblemSchema>;
