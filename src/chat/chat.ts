import { z } from 'zod';

/**
 * Our own normalized view of one LiveChat chat (one thread of it): everything a mapping can read.
 * Built from LiveChat's payloads by `chatSnapshotFromLiveChat`; mappings never see LiveChat's JSON.
 * All times are ISO 8601 UTC strings.
 */

const isoTime = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 date and time.' });

export const chatMessageSchema = z.object({
  authorName: z.string(),
  authorType: z.enum(['visitor', 'agent', 'system']),
  text: z.string(),
  time: isoTime,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatVisitorSchema = z.object({
  /** Absent when the visitor never gave a name (neither in the widget nor in the pre-chat form). */
  name: z.string().optional(),
  email: z.string().optional(),
  ip: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
  countryCode: z.string().optional(),
  pageUrl: z.string().optional(),
  pageTitle: z.string().optional(),
  referrer: z.string().optional(),
});
export type ChatVisitor = z.infer<typeof chatVisitorSchema>;

export const chatAgentSchema = z.object({
  name: z.string(),
  email: z.string(),
});
export type ChatAgent = z.infer<typeof chatAgentSchema>;

export const chatFormFieldSchema = z.object({
  id: z.string().optional(),
  label: z.string(),
  /** LiveChat's form field type: name, email, question, subject, textarea, radio, select, checkbox, group_chooser… */
  type: z.string(),
  /** Checkbox fields give a list of the chosen labels; every other type gives text. */
  value: z.union([z.string(), z.array(z.string())]),
});
export type ChatFormField = z.infer<typeof chatFormFieldSchema>;

export const chatSnapshotSchema = z.object({
  chatId: z.string().min(1),
  threadId: z.string().min(1),
  licenseId: z.string().min(1),
  /** Where an agent opens this chat in LiveChat's archives. */
  link: z.string(),
  startedAt: isoTime,
  /** The license's IANA time zone, when known: the conversation log and transcript show times in it (else UTC). */
  timeZone: z.string().optional(),
  /** Absent while the thread is still active. */
  endedAt: isoTime.optional(),
  tags: z.array(z.string()),
  /** The group the chat was routed to; its name is known only when the license's groups were passed in. */
  group: z.object({ id: z.number(), name: z.string().optional() }).optional(),
  messages: z.array(chatMessageSchema),
  visitor: chatVisitorSchema,
  /** The agents of the chat, the one who answered first at the head of the list. */
  agents: z.array(chatAgentSchema),
  /** Custom variables (LiveChat "session fields") by name. */
  customVariables: z.record(z.string(), z.string()),
  forms: z.object({
    prechat: z.array(chatFormFieldSchema),
    postchat: z.array(chatFormFieldSchema),
  }),
});
export type ChatSnapshot = z.infer<typeof chatSnapshotSchema>;
