/**
 * Enhanced notes (ContentNote) and what hangs off them: the ContentDocument that shares the note's
 * id, and the ContentDocumentLinks that share it with records.
 *
 * The rules, from ContentNote in the Object Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentnote.htm):
 * `Content` is base64 on upload; it holds properly formatted HTML or plain text whose special
 * characters are escaped; new lines are stripped before saving (a line break is `<br>`); the file
 * type is SNOTE. Knowledge article 000232870 ("ContentNote insert error: Note can't be saved because
 * it contains HTML tags or unescaped characters that are not allowed in a Note",
 * https://help.salesforce.com/apex/HTViewSolution?id=000232870) gives the refusal; entities other
 * than the XML ones (e.g. `&apos;`, `&nbsp;`) are refused too, and the title must not be blank
 * (https://ktema.org/articles/importing-notes-into-salesforce/, which tested it).
 */
import { SalesforceError, jsonParserError } from '../errors';
import { formatDateTime } from '../format';
import { objectOf } from '../org';
import type { Org } from '../org';
import type { FieldValue, SfRecord } from './store';

/** Where a record keeps a blob field's bytes; the field itself holds the blob's URL, as REST answers it. */
export const blobKey = (fieldName: string) => `$${fieldName}`;

/** `/services/data/vXX.X/sobjects/ContentNote/{id}/Content`: where REST says a blob can be read. */
export const blobUrl = (version: string, objectName: string, id: string, fieldName: string) =>
  `/services/data/v${version}/sobjects/${objectName}/${id}/${fieldName}`;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const NOTE_TAGS = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'ul', 'ol', 'li', 'a']);
/** Elements stripped with their content, as "unsafe HTML" is. */
const UNSAFE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITY = /^&(?:amp|lt|gt|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;
const TAG = /^<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*\s*\/?>/;

const notAllowed = () =>
  // The errorCode is the one developers quote with this message (DmlException … FIELD_INTEGRITY_EXCEPTION);
  // the docs name only the message.
  new SalesforceError(400, [
    {
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message:
        "Note can't be saved because it contains HTML tags or unescaped characters that are not allowed in a Note.",
      fields: ['Content'],
    },
  ]);

/** Decodes a note's base64 `Content` and checks it as Salesforce does; returns the HTML that is saved. */
export function noteHtml(base64: string, rawBody: string | undefined): string {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw jsonParserError(
      `Cannot deserialize instance of base64 from VALUE_STRING value ${base64.slice(0, 40)} or request may be missing a required field at [line:1, column:${(rawBody?.indexOf('"Content"') ?? 0) + 12}]`,
    );
  }
  // "well-formed Unicode/UTF-8" (ktema.org): bytes that are not UTF-8 are refused; a U+FFFD
  // that is itself well-formed text is not.
  let decoded: string;
  try {
    decoded = UTF8.decode(Buffer.from(compact, 'base64'));
  } catch {
    throw notAllowed();
  }
  const html = decoded.replace(UNSAFE, '').replace(/\r\n|\r|\n/g, '');
  for (let i = 0; i < html.length; i++) {
    const c = html.charAt(i);
    if (c === '&') {
      if (!ENTITY.test(html.slice(i))) throw notAllowed();
    } else if (c === '<') {
      const tag = TAG.exec(html.slice(i));
      if (!tag?.[1] || !NOTE_TAGS.has(tag[1].toLowerCase())) throw notAllowed();
      i += tag[0].length - 1;
    } else if (c.charCodeAt(0) < 0x20 && c !== '\t') {
      // Non-printable characters are refused (new lines are already gone).
      throw notAllowed();
    }
  }
  return html;
}

/** The note's readable text: paragraphs and breaks as new lines, tags dropped, entities decoded. */
export function noteText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n+$/, '');
}

/** Fills the fields Salesforce computes for a note whose content is `html` (or unchanged when undefined). */
export function deriveNote(record: SfRecord, html: string | undefined, version: string, now: Date): void {
  record.FileType = 'SNOTE';
  record.FileExtension = 'snote';
  if (html === undefined) return;
  record[blobKey('Content')] = html;
  record.Content = blobUrl(version, 'ContentNote', String(record.Id), 'Content');
  record.ContentSize = Buffer.byteLength(html, 'utf8');
  record.TextPreview = noteText(html).replace(/\s+/g, ' ').trim().slice(0, 255) || null;
  record.ContentModifiedDate = formatDateTime(now);
}

/** Keeps the note's ContentDocument (same id) in step with the note. */
export function syncDocument(org: Org, note: SfRecord): void {
  const object = objectOf(org, 'ContentDocument');
  if (!object) return;
  const existing = org.store.get(object.name, String(note.Id));
  const document: SfRecord = existing ? { ...existing } : {};
  if (!existing) for (const field of object.fields) document[field.name] = field.defaultValue;
  for (const name of [
    'Id',
    'IsDeleted',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'Title',
    'OwnerId',
    'FileType',
    'FileExtension',
    'ContentSize',
    'ContentModifiedDate',
  ]) {
    document[name] = note[name] ?? null;
  }
  org.store.insert(object.name, document);
}

/** The live links of a document. */
export function linksOf(org: Org, documentId: string): SfRecord[] {
  return org.store.all('ContentDocumentLink').filter((l) => l.ContentDocumentId === documentId);
}

/** Marks the note, its document and its links deleted (deleting either one deletes the file). */
export function deleteDocument(org: Org, id: string, stamp: Record<string, FieldValue>): void {
  for (const objectName of ['ContentNote', 'ContentDocument']) {
    const record = org.store.get(objectName, id);
    if (record && record.IsDeleted !== true)
      org.store.insert(objectName, { ...record, ...stamp, IsDeleted: true });
  }
  for (const link of linksOf(org, id)) {
    org.store.insert('ContentDocumentLink', { ...link, ...stamp, IsDeleted: true });
  }
}

/** The 400 for a second link between the same document and record. */
export function duplicateLink(documentId: string, entityId: string): SalesforceError {
  // Message as developers quote it; the docs do not spell it out.
  return new SalesforceError(400, [
    {
      errorCode: 'DUPLICATE_VALUE',
      message: `Document with ID: ${documentId} is already linked with the entity with ID: ${entityId}`,
      fields: ['LinkedEntityId'],
    },
  ]);
}
