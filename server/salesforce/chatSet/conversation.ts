/**
 * The conversation log's nodes: a completed Task, or a ContentNote (its Title and its HTML content)
 * with a ContentDocumentLink per record it is logged on.
 *
 * Docs: Task (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm),
 * ContentNote (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentnote.htm),
 * ContentDocumentLink (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm).
 */
import type { SalesforceValue } from '../../../src/mapping/convertValue';
import type { CompositeSubrequest } from '../composite';
import type { SalesforceClient } from '../salesforce.client';
import { createHeaders } from './headers';
import { TASK_DESCRIPTION_LENGTH, type ChatSetMember } from './types';

/** Objects a Task's WhoId names; any other record goes in WhatId. */
export const WHO_OBJECTS = new Set(['Lead', 'Contact']);
/** The key prefix of Lead ids (a standard object's, the same in every org). */
const LEAD_KEY_PREFIX = '00Q';
/** A Note's Title when the Subject is blank: Title is required and must not be blank. */
const DEFAULT_NOTE_TITLE = 'LiveChat chat';

/** How the conversation is written: a Note when asked, or when its Description is too long for a Task. */
export function conversationObject(
  member: Pick<ChatSetMember, 'logAs' | 'values' | 'conversation'>,
  taskDescriptionLength = TASK_DESCRIPTION_LENGTH,
): 'Task' | 'ContentNote' {
  if (member.conversation) return member.conversation.as === 'note' ? 'ContentNote' : 'Task';
  const description = member.values.Description;
  const tooLong = typeof description === 'string' && description.length > taskDescriptionLength;
  return member.logAs === 'note' || tooLong ? 'ContentNote' : 'Task';
}

/** The object a member writes: its own, or ContentNote for the conversation as a Note. */
export const writtenObject = (member: ChatSetMember, limit?: number) =>
  member.kind === 'conversation' ? conversationObject(member, limit) : member.objectName;

/**
 * A ContentNote's Title: the Subject, within Title's 255 characters; never blank ("The title must
 * not be null, zero-length, or consist only of whitespace", ktema.org, Importing Notes in Salesforce).
 */
export const noteTitle = (subject: string | undefined) =>
  (subject?.trim() ? subject : DEFAULT_NOTE_TITLE).slice(0, 255);

/** Halves of surrogate pairs on their own: no UTF-8 encodes them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A ContentNote's `Content`: the text as HTML, a paragraph per line (Salesforce strips new lines),
 * base64-encoded. "Any special characters within plain text in the Content field must be escaped"
 * and "it must be base64 encoded (for upload)" (ContentNote). The page's advice, escapeHtml4, also
 * turns non-ASCII letters into named entities, which a note refuses: only the basic characters
 * (<>"'&) are escaped, `'` as `&#39;` (`&apos;` is refused), other characters stay bare, well-formed
 * UTF-8 without non-printable characters (ktema.org, Importing Notes in Salesforce,
 * https://ktema.org/articles/importing-notes-into-salesforce/).
 */
export function noteContent(text: string): string {
  const escape = (line: string) =>
    line
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      .replace(LONE_SURROGATE, '')
      // Control characters other than tab cannot be saved in a note.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const html = text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '<br>' : `<p>${escape(line)}</p>`))
    .join('');
  return Buffer.from(html, 'utf8').toString('base64');
}

/**
 * A Task's values as Salesforce takes them: "If the WhoId refers to a lead, then the WhatId field
 * must be empty" (Task.WhoId), so a Task naming a Lead leaves its WhatId out. `objectOf` names the
 * object of a record id or `@{ref.id}` the set knows.
 */
export function taskValues(
  values: Record<string, SalesforceValue>,
  objectOf: (id: string) => string | undefined = () => undefined,
): Record<string, SalesforceValue> {
  const who = values.WhoId;
  if (typeof who !== 'string' || !who || typeof values.WhatId !== 'string' || !values.WhatId) return values;
  const whoObject = objectOf(who) ?? (who.startsWith(LEAD_KEY_PREFIX) ? 'Lead' : undefined);
  if (whoObject !== 'Lead') return values;
  const { WhatId: _whatId, ...rest } = values;
  return rest;
}

/** The nodes that log a conversation: a Task, or a ContentNote and a ContentDocumentLink per record. */
export function conversationNodes(
  client: Pick<SalesforceClient, 'dataPath'>,
  ref: string,
  objectName: 'Task' | 'ContentNote',
  values: Record<string, SalesforceValue>,
  /** The records the Task names (WhoId, WhatId), literal ids or `@{ref.id}`. */
  linked: string[],
  autoAssign: boolean,
  /** The Note's title and text, when prepared apart from the values. */
  note?: { subject: string; text: string },
): CompositeSubrequest[] {
  if (objectName === 'Task')
    return [
      {
        method: 'POST',
        url: client.dataPath('/sobjects/Task'),
        referenceId: ref,
        body: values,
        httpHeaders: createHeaders(autoAssign),
      },
    ];
  const subject = note?.subject || (typeof values.Subject === 'string' ? values.Subject : '');
  const description = note?.text ?? (typeof values.Description === 'string' ? values.Description : '');
  return [
    {
      method: 'POST',
      url: client.dataPath('/sobjects/ContentNote'),
      referenceId: ref,
      body: { Title: noteTitle(subject), Content: noteContent(description) },
    },
    ...[...new Set(linked)].map((id, n) => ({
      method: 'POST' as const,
      url: client.dataPath('/sobjects/ContentDocumentLink'),
      referenceId: `${ref}_link${n}`,
      // ContentDocumentId and LinkedEntityId are set on create; ShareType is required, V: viewers
      // of the record may view the note; Visibility is left to its default (ContentDocumentLink).
      body: { ContentDocumentId: `@{${ref}.id}`, LinkedEntityId: id, ShareType: 'V' },
    })),
  ];
}
