/**
 * What a chat's linked set of records needs of the emulator: updates, converted Leads, Tasks,
 * notes (ContentNote + ContentDocumentLink) and their record pages.
 */
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoVisitors } from '../../../emulators/demo/people';
import { API_VERSION, connectAs, errorOf, nora, raw, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
});
beforeEach(() => {
  sf.emulator.admin.reset();
});
afterAll(async () => {
  await sf.close();
});

const base = `/services/data/v${API_VERSION}`;
const admin = () => sf.emulator.admin;
const only = (object: string, filter: Record<string, string | boolean | number | null>) => {
  const found = admin().findRecords(sf.demoOrgId, object, filter);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const john = () => only('Contact', { Email: demoVisitors.existingContact.email });
const wire = <T = unknown>(path: string, init: { method?: string; body?: unknown } = {}) =>
  raw<T>(sf.url, conn.accessToken, `${base}${path}`, init);
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('update (PATCH /sobjects/{object}/{id})', () => {
  it('answers 204 without a body, 404 NOT_FOUND for an unknown id, 400 for a field that cannot be updated', async () => {
    const id = String(john().Id);
    const patched = await wire(`/sobjects/Contact/${id}`, { method: 'PATCH', body: { Title: 'CIO' } });
    expect(patched.status).toBe(204);
    expect(patched.body).toBe('');
    expect(john().Title).toBe('CIO');
    const unknown = await wire(`/sobjects/Contact/003000000000000AAA`, {
      method: 'PATCH',
      body: { Title: 'x' },
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    });
    const caseId = String(admin().findRecords(sf.demoOrgId, 'Case')[0]?.Id);
    const readOnly = await wire(`/sobjects/Case/${caseId}`, { method: 'PATCH', body: { CaseNumber: '1' } });
    expect(readOnly).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['CaseNumber'] }],
    });
  });
});

describe('converted Leads', () => {
  it('are seeded with the Contact and Account they became, readable by SOQL and not writable', async () => {
    const lead = await conn.sobject('Lead').describe();
    for (const name of ['IsConverted', 'ConvertedContactId', 'ConvertedAccountId', 'ConvertedDate']) {
      expect(lead.fields.find((f) => f.name === name)).toMatchObject({
        createable: false,
        updateable: false,
      });
    }
    const result = await conn.query<{
      Name: string;
      ConvertedContactId: string;
      ConvertedContact: { Email: string };
    }>(
      "SELECT Name, ConvertedContactId, ConvertedContact.Email, ConvertedAccount.Name, ConvertedDate FROM Lead WHERE IsConverted = true AND Email = 'robert.brown@acme.example'",
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({
      Name: 'Robert Brown',
      ConvertedContact: { Email: 'rob.brown@brown-consulting.example' },
      ConvertedAccount: { Name: 'Acme Corporation' },
      ConvertedDate: '2026-01-10',
    });
    const contact = await conn.sobject('Contact').retrieve(result.records[0]!.ConvertedContactId);
    expect(contact).toMatchObject({ Name: 'Robert Brown' });
  });

  it('refuse an update and a new Task on them with CANNOT_UPDATE_CONVERTED_LEAD', async () => {
    const robert = only('Lead', { IsConverted: true });
    const update = await wire(`/sobjects/Lead/${String(robert.Id)}`, {
      method: 'PATCH',
      body: { Rating: 'Hot' },
    });
    expect(update).toMatchObject({
      status: 400,
      body: [{ errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead' }],
    });
    const task = await errorOf(
      conn.sobject('Task').create({ Subject: 'Chat', Status: 'Completed', WhoId: String(robert.Id) }),
    );
    expect(task).toMatchObject({ errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD' });
    const created = await errorOf(
      conn.sobject('Lead').create({ LastName: 'X', Company: 'Y', IsConverted: true }),
    );
    expect(created).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    expect(only('Lead', { IsConverted: true }).Rating).toBe(robert.Rating);
  });
});

describe('Tasks', () => {
  it('log a completed call with Who and What, a 32,000-character description, and a subtype set once', async () => {
    const contact = String(john().Id);
    const caseId = String(only('Case', { Subject: 'Cannot log in to the customer portal' }).Id);
    const saved = await conn.sobject('Task').create({
      Subject: 'Chat with John Smith',
      Status: 'Completed',
      TaskSubtype: 'Call',
      ActivityDate: '2026-02-10',
      WhoId: contact,
      WhatId: caseId,
      Description: 'x'.repeat(32000),
    });
    const task = only('Task', { Id: String(saved.id) });
    expect(task).toMatchObject({ IsClosed: true, WhoId: contact, WhatId: caseId, TaskSubtype: 'Call' });
    const tooLong = await errorOf(
      conn.sobject('Task').create({ Subject: 'Long', WhoId: contact, Description: 'x'.repeat(32001) }),
    );
    expect(tooLong).toMatchObject({ errorCode: 'STRING_TOO_LONG' });
    const subtype = await errorOf(
      conn.sobject('Task').update({ Id: String(saved.id), TaskSubtype: 'Email' }),
    );
    expect(subtype).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    const related = await conn.query<{ Subject: string; Who: { Name: string } }>(
      `SELECT Subject, Who.Name, What.Name FROM Task WHERE WhatId = '${caseId}' AND Status = 'Completed' ORDER BY CreatedDate DESC`,
    );
    expect(related.records[0]).toMatchObject({
      Subject: 'Chat with John Smith',
      Who: { Name: 'John Smith' },
    });
  });

  it('refuse a WhatId when the WhoId is a Lead', async () => {
    const maria = String(only('Lead', { Email: demoVisitors.existingLead.email }).Id);
    const caseId = String(admin().findRecords(sf.demoOrgId, 'Case')[0]?.Id);
    const refused = await errorOf(
      conn.sobject('Task').create({ Subject: 'Chat', WhoId: maria, WhatId: caseId }),
    );
    expect(refused).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
    expect((refused.data as { fields?: string[] }).fields).toEqual(['WhatId']);
    expect((await conn.sobject('Task').create({ Subject: 'Chat', WhoId: maria })).success).toBe(true);
  });
});

describe('notes (ContentNote and ContentDocumentLink)', () => {
  it('takes base64 HTML, answers the blob URL, and is visible from the Contact it is linked to', async () => {
    const contact = String(john().Id);
    const html = '<p>10:02 John: I can&#39;t log in</p><p>10:03 Nora: Resetting &amp; checking</p>';
    const note = await conn
      .sobject('ContentNote')
      .create({ Title: 'Chat transcript', Content: b64(`${html}\n`) });
    const id = String(note.id);
    expect(id.startsWith('069')).toBe(true);
    const read = await conn.sobject('ContentNote').retrieve(id);
    expect(read).toMatchObject({
      Title: 'Chat transcript',
      Content: `${base}/sobjects/ContentNote/${id}/Content`,
      FileType: 'SNOTE',
      ContentSize: Buffer.byteLength(html),
      TextPreview: "10:02 John: I can't log in 10:03 Nora: Resetting & checking",
    });
    const blob = await raw<string>(sf.url, conn.accessToken, String(read.Content));
    expect(blob.status).toBe(200);
    expect(blob.headers.get('content-type')).toBe('application/octetstream');
    expect(blob.body).toBe(html);
    // The note is a ContentDocument with the same id, shared with its owner on creation.
    expect(only('ContentDocument', { Id: id })).toMatchObject({
      Title: 'Chat transcript',
      FileType: 'SNOTE',
    });
    expect(only('ContentDocumentLink', { ContentDocumentId: id })).toMatchObject({ ShareType: 'I' });

    const link = await conn
      .sobject('ContentDocumentLink')
      .create({ ContentDocumentId: id, LinkedEntityId: contact, ShareType: 'V' });
    expect(link.success).toBe(true);
    const links = await conn.query<{
      ContentDocumentId: string;
      ContentDocument: { Title: string };
      Visibility: string;
    }>(
      `SELECT ContentDocumentId, ContentDocument.Title, Visibility FROM ContentDocumentLink WHERE LinkedEntityId = '${contact}'`,
    );
    expect(links.records.map((l) => l.ContentDocument.Title).sort()).toEqual([
      'Chat transcript',
      'Portal login: what we tried',
    ]);
    expect(links.records.every((l) => l.Visibility === 'AllUsers')).toBe(true);

    const again = await errorOf(
      conn
        .sobject('ContentDocumentLink')
        .create({ ContentDocumentId: id, LinkedEntityId: contact, ShareType: 'V' }),
    );
    expect(again).toMatchObject({
      errorCode: 'DUPLICATE_VALUE',
      message: `Document with ID: ${id} is already linked with the entity with ID: ${contact}`,
    });
    const page = await fetch(`${sf.url}/lightning/r/Contact/${contact}/view`).then((r) => r.text());
    expect(page).toContain(`href="/lightning/r/ContentNote/${id}/view">Chat transcript</a>`);
    const notePage = await fetch(`${sf.url}/lightning/r/ContentNote/${id}/view`).then((r) => r.text());
    expect(notePage).toContain('10:02 John: I can&#39;t log in\n10:03 Nora: Resetting &amp; checking');
    expect(notePage).toContain(`href="/lightning/r/Contact/${contact}/view">John Smith</a>`);
  });

  it('refuses unescaped characters, disallowed tags and entities, a blank title and a bad ShareType', async () => {
    for (const content of ['Tom & Jerry', '<div>block</div>', 'It&apos;s', '1 < 2']) {
      const refused = await errorOf(
        conn.sobject('ContentNote').create({ Title: 'x', Content: b64(content) }),
      );
      expect(refused).toMatchObject({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message:
          "Note can't be saved because it contains HTML tags or unescaped characters that are not allowed in a Note.",
      });
    }
    // Bytes that are not UTF-8 are refused; U+FFFD written as UTF-8 is text like any other.
    const notUtf8 = Buffer.from([0x6f, 0x6b, 0xff, 0xfe]).toString('base64');
    expect(await errorOf(conn.sobject('ContentNote').create({ Title: 'x', Content: notUtf8 }))).toMatchObject(
      { errorCode: 'FIELD_INTEGRITY_EXCEPTION' },
    );
    const replacement = await conn
      .sobject('ContentNote')
      .create({ Title: 'x', Content: b64('<p>Unreadable \uFFFD character, d&#39;accord</p>') });
    expect(replacement.success).toBe(true);
    const blank = await errorOf(conn.sobject('ContentNote').create({ Title: '  ', Content: b64('ok') }));
    expect(blank).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING' });
    const note = await conn.sobject('ContentNote').create({ Title: 'ok', Content: b64('Tom &amp; Jerry') });
    const shareType = await errorOf(
      conn
        .sobject('ContentDocumentLink')
        .create({ ContentDocumentId: String(note.id), LinkedEntityId: String(john().Id), ShareType: 'Z' }),
    );
    expect(shareType).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    const missing = await errorOf(
      conn
        .sobject('ContentDocumentLink')
        .create({ ContentDocumentId: String(note.id), LinkedEntityId: String(john().Id) }),
    );
    expect(missing).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING' });
  });

  it('refuses a ContentDocumentLink query without a filter on the document or the record', async () => {
    const refused = await errorOf(conn.query('SELECT Id FROM ContentDocumentLink'));
    expect(refused).toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    expect(refused.message).toMatch(/^Implementation restriction: ContentDocumentLink requires a filter/);
  });

  it('deletes the document and its links with the note', async () => {
    const note = await conn.sobject('ContentNote').create({ Title: 'Gone soon', Content: b64('bye') });
    const id = String(note.id);
    await conn
      .sobject('ContentDocumentLink')
      .create({ ContentDocumentId: id, LinkedEntityId: String(john().Id), ShareType: 'V' });
    await conn.sobject('ContentNote').destroy(id);
    expect(admin().findRecords(sf.demoOrgId, 'ContentDocument', { Id: id })).toHaveLength(0);
    expect(admin().findRecords(sf.demoOrgId, 'ContentDocumentLink', { ContentDocumentId: id })).toHaveLength(
      0,
    );
  });
});

describe('record pages', () => {
  it('show a Contact with its Cases, Tasks and Notes, and a Task with its Who and What as links', async () => {
    const contact = john();
    const page = await fetch(`${sf.url}/lightning/r/Contact/${String(contact.Id)}/view`).then((r) =>
      r.text(),
    );
    expect(page).toContain('Cases <span class="count">(2)</span>');
    expect(page).toContain('Call John about the portal login');
    expect(page).toContain('Notes <span class="count">(1)</span>');
    expect(page).toContain('Portal login: what we tried');
    const task = only('Task', { Subject: 'Call John about the portal login' });
    const taskPage = await fetch(`${sf.url}/${String(task.Id)}`).then((r) => r.text());
    expect(taskPage).toContain(`<a href="/lightning/r/Contact/${String(contact.Id)}/view">John Smith</a>`);
    expect(taskPage).toContain(`<a href="/lightning/r/Case/${String(task.WhatId)}/view">`);
    const robert = only('Lead', { IsConverted: true });
    const leadPage = await fetch(`${sf.url}/lightning/r/Lead/${String(robert.Id)}/view`).then((r) =>
      r.text(),
    );
    expect(leadPage).toContain('Converted on 2026-01-10 to Contact');
  });
});
