/** The `livechat:customer_profile` event data the Agent App sends for an open chat (§1.6). */
import type { StoredChat } from '../model';
import type { Geolocation, Thread } from '../wire';

export interface CustomerProfile {
  id: string;
  name: string;
  email?: string;
  chat: {
    chat_id: string;
    id: string;
    groupID: string;
    preChatSurvey?: Array<{ question: string; answer: string }>;
  };
  source: 'chats' | 'archives';
  geolocation: Geolocation;
  customVariables: Record<string, string>;
}

export function customerProfileOf(chat: StoredChat, thread: Thread): CustomerProfile {
  const prechat = thread.events.find((e) => e.type === 'filled_form' && e.form_type === 'prechat');
  const survey =
    prechat?.type === 'filled_form'
      ? prechat.fields.map((f) => ({
          question: f.label,
          answer:
            'answers' in f
              ? f.answers.map((a) => a.label).join(', ')
              : typeof f.answer === 'string'
                ? f.answer
                : f.answer.label,
        }))
      : undefined;
  return {
    id: chat.customer.id,
    name: chat.customer.name ?? '',
    ...(chat.customer.email !== undefined && { email: chat.customer.email }),
    chat: {
      chat_id: chat.id,
      id: thread.id,
      groupID: String(thread.access.group_ids[0] ?? 0),
      ...(survey && { preChatSurvey: survey }),
    },
    source: thread.active ? 'chats' : 'archives',
    geolocation: chat.customer.last_visit.geolocation,
    customVariables: Object.assign({}, ...(chat.customer.session_fields ?? [])) as Record<string, string>,
  };
}
