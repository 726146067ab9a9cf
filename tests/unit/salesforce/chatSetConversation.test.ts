/**
 * The conversation log's nodes as Salesforce takes them: a note's content escaped as a note accepts
 * it, a non-blank title, and a Task that names a Lead naming nothing else.
 */
import { describe, expect, it } from 'vitest';
import { noteContent, noteTitle, taskValues } from '../../../server/salesforce/chatSet/conversation';
import { chatSetPlan } from '../../../server/salesforce/chatSet/plan';
import type { ChatSetMember } from '../../../server/salesforce/chatSet/types';
import { logConversation } from '../../../server/salesforce/chatSet/logConversation';
import type { SalesforceClient } from '../../../server/salesforce/salesforce.client';

const html = (text: string) => Buffer.from(noteContent(text), 'base64').toString('utf8');
const client = { dataPath: (path: string) => `/services/data/v62.0${path}` };

describe('a note’s content', () => {
  it('escapes the basic characters, an apostrophe as &#39;, and keeps other letters bare', () => {
    expect(html(`[10:02] Zoë: it's <b>"urgent"</b> & soon`)).toBe(
      '<p>[10:02] Zoë: it&#39;s &lt;b&gt;&quot;urgent&quot;&lt;/b&gt; &amp; soon</p>',
    );
  });

  it('has a paragraph per line, a break for a blank one, and no lone surrogate or control character', () => {
    expect(html('one\r\n\ntwo\u0007 \uD83D end')).toBe('<p>one</p><br><p>two  end</p>');
    expect(html('ok 😀')).toBe('<p>ok 😀</p>');
  });

  it('has a title that is never blank', () => {
    expect(noteTitle('   ')).toBe('LiveChat chat');
    expect(noteTitle('x'.repeat(300))).toHaveLength(255);
  });
});

describe('a Task naming a Lead', () => {
  it('leaves its WhatId out; a Contact keeps it', () => {
    const objects = new Map([
      ['@{r0_Lead.id}', 'Lead'],
      ['003000000000001', 'Contact'],
    ]);
    const objectOf = (id: string) => objects.get(id);
    expect(taskValues({ Subject: 's', WhoId: '@{r0_Lead.id}', WhatId: '500000000000001' }, objectOf)).toEqual(
      {
        Subject: 's',
        WhoId: '@{r0_Lead.id}',
      },
    );
    // A literal Lead id is known by its key prefix.
    expect(taskValues({ WhoId: '00Q000000000001', WhatId: '500000000000001' })).toEqual({
      WhoId: '00Q000000000001',
    });
    expect(taskValues({ WhoId: '003000000000001', WhatId: '500000000000001' }, objectOf)).toEqual({
      WhoId: '003000000000001',
      WhatId: '500000000000001',
    });
  });

  it('is planned with the Lead the set creates as its Who and no What; its Note would be linked to both', () => {
    const member = (
      m: Partial<ChatSetMember> & Pick<ChatSetMember, 'mappingId' | 'objectName'>,
    ): ChatSetMember => ({
      objectLabel: m.objectName,
      kind: 'record',
      values: {},
      lookups: [],
      chatRecords: [],
      searchable: [],
      duplicatePolicy: 'create',
      updateRules: {},
      skipIfFound: [],
      autoAssign: false,
      ...m,
    });
    const members = [
      member({ mappingId: 'lead', objectName: 'Lead', values: { LastName: 'Doe', Company: 'x' } }),
      member({ mappingId: 'case', objectName: 'Case', values: { Subject: 'Help' } }),
      member({
        mappingId: 'task',
        objectName: 'Task',
        kind: 'conversation',
        values: { Subject: 'Chat', Description: 'hi', Status: 'Completed' },
        chatRecords: [
          { field: 'WhoId', object: 'Lead' },
          { field: 'WhatId', object: 'Case' },
        ],
      }),
    ];
    const reads = { records: new Map(), calls: 0 };
    const plan = chatSetPlan(client, { members, settled: [] }, reads);
    const task = plan.nodes.find((n) => n.url.endsWith('/sobjects/Task'))!;
    expect(task.body).toEqual({
      Subject: 'Chat',
      Description: 'hi',
      Status: 'Completed',
      WhoId: '@{r0_Lead.id}',
    });

    const asNote = chatSetPlan(
      client,
      {
        members: members.map((m) => (m.kind === 'conversation' ? { ...m, logAs: 'note' as const } : m)),
        settled: [],
      },
      reads,
    );
    const links = asNote.nodes.filter((n) => n.url.endsWith('/sobjects/ContentDocumentLink'));
    expect(links.map((l) => (l.body as { LinkedEntityId: string }).LinkedEntityId)).toEqual([
      '@{r0_Lead.id}',
      '@{r1_Case.id}',
    ]);
  });
});

describe('the widget’s transcript on a Case, for a visitor who is a Lead', () => {
  it('is a Task on the Case (the record it is for) without the Lead', async () => {
    let sent: { graphs: { compositeRequest: { body: Record<string, unknown> }[] }[] } | undefined;
    const fake = {
      ...client,
      request: async (req: { body: unknown }) => {
        sent = req.body as typeof sent;
        const answer = { body: { id: '00T000000000001' }, httpStatusCode: 201, referenceId: 'conversation' };
        return {
          graphs: [{ graphId: 'chat', graphResponse: { compositeResponse: [answer] }, isSuccessful: true }],
        };
      },
    } as unknown as SalesforceClient;
    const written = await logConversation(fake, {
      subject: 'Chat',
      description: 'hi',
      logAs: 'task',
      records: [
        { id: '500000000000001', objectName: 'Case' },
        { id: '00Q000000000001', objectName: 'Lead' },
      ],
    });
    expect(written).toEqual({ objectName: 'Task', id: '00T000000000001', calls: 1 });
    const body = sent!.graphs[0]!.compositeRequest[0]!.body;
    expect(body).toMatchObject({ WhatId: '500000000000001' });
    expect(body).not.toHaveProperty('WhoId');
  });
});
