import type { ChatSnapshot } from './chat';

export interface TranscriptOptions {
  /** IANA time zone of the `[HH:MM]` stamps; UTC unless given. */
  timeZone?: string;
}

/**
 * The chat as plain text, one `[12:01] Name: text` line per message (lines of a multi-line message follow
 * it as they are). Never truncated here: the value validator applies the target field's length.
 */
export function transcriptText(snapshot: ChatSnapshot, options: TranscriptOptions = {}): string {
  const clock = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone ?? 'UTC',
  });
  return snapshot.messages
    .map((message) => `[${clock.format(new Date(message.time))}] ${message.authorName}: ${message.text}`)
    .join('\n');
}
