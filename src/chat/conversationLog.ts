import type { ChatFormField, ChatSnapshot } from './chat';
import { transcriptText } from './transcript';

/**
 * The chat as the conversation log writes it in Salesforce (the `chat.subject` and `chat.conversation`
 * sources): a subject that names the visitor and the chat, and a readable log with a header (visitor,
 * agents, start and end), the messages as `[HH:MM] Name: text` lines, then the pre-chat and post-chat
 * form answers. Times are in the license's time zone when the chat says it (`timeZone`), else in UTC.
 */

export interface ConversationLogOptions {
  /** IANA time zone of the times shown; the chat's own (`snapshot.timeZone`), else UTC, unless given. */
  timeZone?: string;
}

function zoneOf(snapshot: ChatSnapshot, options: ConversationLogOptions): string {
  const wanted = options.timeZone ?? snapshot.timeZone;
  return wanted && isTimeZone(wanted) ? wanted : 'UTC';
}

/** Whether the runtime knows this IANA time zone (an unknown one would make every format throw). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Who the visitor is, in words: their name, else their email, else "a visitor". */
function visitorWords(snapshot: ChatSnapshot): string {
  return snapshot.visitor.name?.trim() || snapshot.visitor.email?.trim() || 'a visitor';
}

/** "LiveChat chat with Jane Doe, 2 Dec 2026 (chat RX12AB)": the day the chat started. */
export function conversationSubject(snapshot: ChatSnapshot, options: ConversationLogOptions = {}): string {
  const day = formatter(zoneOf(snapshot, options), 'day').format(new Date(snapshot.startedAt));
  return `LiveChat chat with ${visitorWords(snapshot)}, ${day} (chat ${snapshot.chatId})`;
}

/** The readable log: header, messages, then the forms' answers (each part only when the chat has it). */
export function conversationText(snapshot: ChatSnapshot, options: ConversationLogOptions = {}): string {
  const timeZone = zoneOf(snapshot, options);
  const when = (iso: string) => `${formatter(timeZone, 'dayTime').format(new Date(iso))} (${timeZone})`;
  const { visitor } = snapshot;
  const visitorLine =
    visitor.name && visitor.email
      ? `${visitor.name} <${visitor.email}>`
      : (visitor.name ?? visitor.email ?? 'not named');
  const agents = [...new Set(snapshot.agents.map((a) => a.name))];
  const header = [
    conversationSubject(snapshot, { timeZone }),
    '',
    `Visitor: ${visitorLine}`,
    `${agents.length > 1 ? 'Agents' : 'Agent'}: ${agents.join(', ') || 'none'}`,
    `Started: ${when(snapshot.startedAt)}`,
    `Ended: ${snapshot.endedAt ? when(snapshot.endedAt) : 'not yet'}`,
    ...(snapshot.group ? [`Group: ${snapshot.group.name ?? snapshot.group.id}`] : []),
    ...(snapshot.tags.length ? [`Tags: ${snapshot.tags.join(', ')}`] : []),
    `Chat in LiveChat: ${snapshot.link}`,
  ];
  const transcript = transcriptText(snapshot, { timeZone });
  const parts = [
    header.join('\n'),
    transcript ? `Conversation\n${transcript}` : 'Conversation\n(no messages)',
    formPart('Pre-chat form', snapshot.forms.prechat),
    formPart('Post-chat form', snapshot.forms.postchat),
  ];
  return parts.filter((part): part is string => part !== null).join('\n\n');
}

/** "Pre-chat form" and one "Label: answer" line per answered field; null when nothing was answered. */
function formPart(title: string, fields: readonly ChatFormField[]): string | null {
  const lines = fields.flatMap((field) => {
    const answer = Array.isArray(field.value)
      ? field.value.filter((v) => v.trim() !== '').join(', ')
      : field.value.trim();
    return field.label.trim() && answer ? [`${field.label.trim()}: ${answer}`] : [];
  });
  return lines.length ? `${title}\n${lines.join('\n')}` : null;
}

/** One formatter per time zone and style: building an Intl.DateTimeFormat costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, style: 'day' | 'dayTime'): Intl.DateTimeFormat {
  const key = `${style}\u0001${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(style === 'dayTime' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      timeZone,
    });
    formatters.set(key, found);
  }
  return found;
}
