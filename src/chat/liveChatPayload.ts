import { z } from 'zod';

/**
 * The parts of LiveChat's Agent Chat API v3.5 chat (`get_chat` response, or one `list_archives` item) that
 * we read. Lenient on purpose: unknown keys are dropped, optional keys may be missing or null. Whatever we do
 * read must have the documented type, so bad upstream data fails here with a clear message.
 */

const isoTime = z.iso.datetime({ offset: true, error: 'expected an RFC 3339 date and time' });

const optionalText = z.string().nullish();

const formAnswerOptionSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  label: z.string(),
});

const filledFormFieldSchema = z.object({
  type: z.string(),
  id: z.union([z.string(), z.number()]).nullish(),
  label: z.string(),
  /** Text fields carry a string; radio, select and group_chooser fields carry the chosen option. */
  answer: z.union([z.string(), formAnswerOptionSchema]).nullish(),
  /** Checkbox fields carry every chosen option. */
  answers: z.array(formAnswerOptionSchema).nullish(),
});

const eventSchema = z.object({
  type: z.string(),
  created_at: isoTime,
  author_id: optionalText,
  /** `all`, or `agents` for messages the visitor never saw (internal notes). */
  visibility: optionalText,
  /** message, system_message */
  text: optionalText,
  /** file */
  name: optionalText,
  url: optionalText,
  /** filled_form */
  form_type: optionalText,
  properties: z.object({ lc2: z.object({ form_type: optionalText }).nullish() }).nullish(),
  fields: z.array(filledFormFieldSchema).nullish(),
});

const threadSchema = z.object({
  id: z.string().min(1),
  active: z.boolean().nullish(),
  created_at: isoTime,
  /** Absent when LiveChat restricts access to old threads. */
  events: z.array(eventSchema).nullish(),
  tags: z.array(z.string()).nullish(),
  access: z.object({ group_ids: z.array(z.number()).nullish() }).nullish(),
  properties: z.object({ routing: z.object({ start_url: optionalText }).nullish() }).nullish(),
});

const geolocationSchema = z.object({
  country: optionalText,
  country_code: optionalText,
  region: optionalText,
  city: optionalText,
});

const lastVisitSchema = z.object({
  ip: optionalText,
  referrer: optionalText,
  geolocation: geolocationSchema.nullish(),
  last_pages: z
    .array(z.object({ opened_at: isoTime.nullish(), url: z.string(), title: optionalText }))
    .nullish(),
});

const userSchema = z.object({
  id: z.string(),
  /** customer, agent (bots too, in a way LiveChat does not document) */
  type: z.string(),
  name: optionalText,
  email: optionalText,
  /** Custom variables: an array of single-key objects, in the order they were set. */
  session_fields: z.array(z.record(z.string(), z.unknown())).nullish(),
  last_visit: lastVisitSchema.nullish(),
});

export const liveChatChatSchema = z
  .object({
    id: z.string().min(1),
    /** get_chat and list_archives give one thread… */
    thread: threadSchema.nullish(),
    /** …the Chat data structure of other methods gives a list of them. */
    threads: z.array(threadSchema).nullish(),
    users: z.array(userSchema),
    access: z.object({ group_ids: z.array(z.number()).nullish() }).nullish(),
  })
  .refine((chat) => chat.thread != null || (chat.threads != null && chat.threads.length > 0), {
    error: 'the chat has no thread',
    path: ['thread'],
  });

export type LiveChatChat = z.infer<typeof liveChatChatSchema>;
export type LiveChatThread = z.infer<typeof threadSchema>;
export type LiveChatEvent = z.infer<typeof eventSchema>;
export type LiveChatUser = z.infer<typeof userSchema>;
export type LiveChatFilledFormField = z.infer<typeof filledFormFieldSchema>;
