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
  const clock = clockIn(options.timeZone ?? 'UTC');
  return snapshot.messages
    .map((message) => `[${clock.format(new Date(message.time))}] ${message.authorName}: ${message.text}`)
    .join('\n');
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it. */
const clocks = new Map<string, Intl.DateTimeFormat>();
function clockIn(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}
