import {
  describeChatSource,
  type BuiltInChatSourceId,
  type ChatField,
  type DiscoveredChatField,
} from '../chat/chatFields';
import { fieldTypeLabel, type FieldMetadata } from '../salesforce/objectMetadata';
import { convertFieldValue, numberFieldTypes } from './convertValue';

/**
 * Whether a chat value can go into a Salesforce field, known before any chat: what the owner is told at
 * save, and what the Dynamic picker offers. Built-in values are known by their meaning (a visitor's name is
 * never a number); custom variables and form fields by their kind and the sample seen in recent chats.
 * Everything else is checked per chat, when the value is known.
 */
export interface ChatValueFit {
  /** `no`: never fits (an error at save, not offered); `risky`: some chats will fail (a warning). */
  verdict: 'yes' | 'risky' | 'no';
  /** The sentence shown at the field. */
  message?: string;
  /** A few words beside the value in the picker. */
  short?: string;
}

/** What a built-in value holds. Dates and lists are told by the value's kind. */
type Content = 'words' | 'email' | 'url' | 'identifier' | 'transcript';

const builtInContent: Partial<Record<BuiltInChatSourceId, Content>> = {
  'chat.id': 'identifier',
  'chat.link': 'url',
  'chat.group': 'words',
  'chat.transcript': 'transcript',
  'chat.subject': 'words',
  'chat.conversation': 'transcript',
  'visitor.name': 'words',
  'visitor.firstName': 'words',
  'visitor.lastName': 'words',
  'visitor.email': 'email',
  'visitor.ip': 'identifier',
  'visitor.city': 'words',
  'visitor.region': 'words',
  'visitor.country': 'words',
  'visitor.countryCode': 'words',
  'visitor.pageUrl': 'url',
  'visitor.pageTitle': 'words',
  'visitor.referrer': 'url',
  'agent.name': 'words',
  'agent.email': 'email',
};

/** A transcript of a few lines is already longer than this; shorter text fields refuse most of them. */
const TRANSCRIPT_FITS_IN = 1000;

const isTimeType = (type: string) => ['date', 'datetime', 'time'].includes(type);

export function chatValueFit(field: FieldMetadata, source: ChatField | DiscoveredChatField): ChatValueFit {
  const what = describeChatSource(source.id);
  const into = `"${field.label}" (a field of type ${fieldTypeLabel(field.type)})`;
  const no = (reason: string, short: string): ChatValueFit => ({
    verdict: 'no',
    message: `${what} cannot go into ${into}: ${reason}.`,
    short,
  });
  const risky = (message: string, short: string): ChatValueFit => ({ verdict: 'risky', message, short });

  if (field.type === 'reference') {
    return risky(
      `"${field.label}" needs a Salesforce record id; this works only if ${what} holds one. ` +
        'To find the record by a value, use Auto-Match.',
      'needs a record id',
    );
  }
  const isNumber = numberFieldTypes.includes(field.type);
  if (source.kind === 'datetime') {
    if (isNumber || ['boolean', 'picklist', 'multipicklist'].includes(field.type)) {
      return no('it is a date and time', 'a date and time');
    }
    return { verdict: 'yes' };
  }
  if (source.kind === 'list') {
    if (isNumber || isTimeType(field.type)) {
      return no('it is a list of values, and the field takes one', 'a list of values');
    }
    if (field.type === 'picklist') {
      return risky(
        `${what} can hold several values, but "${field.label}" takes one; chats with more than one will fail.`,
        'can hold several values',
      );
    }
    return { verdict: 'yes' };
  }

  const content = (builtInContent as Record<string, Content | undefined>)[source.id];
  if (content) return knownTextFit(field, content, no, risky, what);
  return sampleFit(field, source, risky, what);
}

function knownTextFit(
  field: FieldMetadata,
  content: Content,
  no: (reason: string, short: string) => ChatValueFit,
  risky: (message: string, short: string) => ChatValueFit,
  what: string,
): ChatValueFit {
  if (numberFieldTypes.includes(field.type)) return no('it is text, never a number', 'text, not a number');
  if (field.type === 'boolean') return no('it is text, not a yes/no value', 'text, not yes/no');
  if (field.type === 'time') return no('it is text, not a time of day', 'text, not a time');
  if (isTimeType(field.type)) return no('it is text, not a date', 'text, not a date');
  if (field.type === 'email' && content !== 'email') {
    return no('it is not an email address', 'not an email address');
  }
  if (
    content === 'transcript' &&
    field.type !== 'textarea' &&
    field.length > 0 &&
    field.length < TRANSCRIPT_FITS_IN
  ) {
    return risky(
      `"${field.label}" holds at most ${field.length} characters, and most transcripts are longer, so most chats ` +
        `will fail. Map ${what} to a long text area field, such as a Description.`,
      `longer than ${field.length} characters`,
    );
  }
  return { verdict: 'yes' };
}

/** A custom variable or form field: its sample from recent chats says whether it can fit. */
function sampleFit(
  field: FieldMetadata,
  source: ChatField | DiscoveredChatField,
  risky: (message: string, short: string) => ChatValueFit,
  what: string,
): ChatValueFit {
  const sample = 'sample' in source ? source.sample : undefined;
  if (sample === undefined || field.type === 'picklist' || field.type === 'multipicklist') {
    // Picklists: each chat's value is checked against the choices when it is known.
    return { verdict: 'yes' };
  }
  const { issues } = convertFieldValue(field, sample);
  if (!issues.some((issue) => issue.severity === 'error')) return { verdict: 'yes' };
  const text = Array.isArray(sample) ? sample.join(', ') : sample;
  const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
  return risky(
    `${what} may not fit "${field.label}" (a field of type ${fieldTypeLabel(field.type)}): in recent chats it ` +
      `held “${shown}”, and chats with values like that will fail.`,
    `held “${shown}” in recent chats`,
  );
}
