/**
 * Composite graph (REST API Developer Guide › Composite Graph): references across nodes in
 * dependency order, each graph all-or-nothing, the documented limits, one API call per request.
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

interface Node {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
}
interface NodeResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}
interface GraphAnswer {
  graphs: Array<{
    graphId: string;
    graphResponse: { compositeResponse: NodeResult[] };
    isSuccessful: boolean;
  }>;
}

const base = `/services/data/v${API_VERSION}`;
const runGraphs = (graphs: Array<{ graphId: string; compositeRequest: Node[] }>) =>
  conn.requestPost<GraphAnswer>('/composite/graph', { graphs });
const rolledBack = {
  body: [
    {
      errorCode: 'PROCESSING_HALTED',
      message: 'The transaction was rolled back since another operation in the same transaction failed.',
    },
  ],
  httpHeaders: {},
  httpStatusCode: 400,
};
const demo = () => sf.emulator.admin;
const johnId = () =>
  String(demo().findRecords(sf.demoOrgId, 'Contact', { Email: demoVisitors.existingContact.email })[0]?.Id);

describe('composite graph', () => {
  it('creates a Contact, a Case with its ContactId and a Task linked to both, in one call, whatever the node order', async () => {
    const usageBefore = demo().getApiUsage(sf.demoOrgId).used;
    const answer = await runGraphs([
      {
        graphId: 'chat1',
        compositeRequest: [
          // The Task comes first in the request but references the two others: it runs last.
          {
            method: 'POST',
            url: `${base}/sobjects/Task`,
            referenceId: 'transcript',
            body: {
              Subject: 'Chat with Ada Lovelace',
              Status: 'Completed',
              TaskSubtype: 'Call',
              ActivityDate: '2026-02-10',
              Description: '10:02 Ada: Hello\n10:03 Nora: Hi Ada',
              WhoId: '@{contact.id}',
              WhatId: '@{case.id}',
            },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Case`,
            referenceId: 'case',
            body: { Subject: 'Order never arrived', Origin: 'Chat', ContactId: '@{contact.id}' },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Contact/`,
            referenceId: 'contact',
            body: { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@lovelace.example' },
          },
        ],
      },
    ]);
    expect(answer.graphs).toHaveLength(1);
    const [graph] = answer.graphs;
    expect(graph).toMatchObject({ graphId: 'chat1', isSuccessful: true });
    const nodes = graph!.graphResponse.compositeResponse;
    expect(nodes.map((n) => n.referenceId)).toEqual(['transcript', 'case', 'contact']);
    for (const node of nodes) {
      expect(node).toMatchObject({ httpStatusCode: 201, body: { success: true, errors: [] } });
    }
    const idOf = (n: NodeResult | undefined) => (n?.body as { id: string }).id;
    const [taskId, caseId, contactId] = nodes.map(idOf);
    expect(nodes[2]?.httpHeaders).toEqual({ Location: `${base}/sobjects/Contact/${contactId}` });
    const [task] = demo().findRecords(sf.demoOrgId, 'Task', { Id: taskId });
    expect(task).toMatchObject({ WhoId: contactId, WhatId: caseId, IsClosed: true, TaskSubtype: 'Call' });
    expect(demo().findRecords(sf.demoOrgId, 'Case', { Id: caseId })[0]?.ContactId).toBe(contactId);
    expect(demo().callCount(sf.demoOrgId, { kind: 'composite' })).toBe(1);
    expect(demo().getApiUsage(sf.demoOrgId).used).toBe(usageBefore + 1);
  });

  it('updates an existing Contact and reads it back in the same graph (PATCH 204, GET 200)', async () => {
    const john = johnId();
    const answer = await runGraphs([
      {
        graphId: 'g1',
        compositeRequest: [
          {
            method: 'PATCH',
            url: `${base}/sobjects/Contact/${john}`,
            referenceId: 'fill',
            body: { Department: 'Support' },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Case`,
            referenceId: 'case',
            body: { Subject: 'Portal again', ContactId: john },
          },
          {
            method: 'GET',
            url: `${base}/sobjects/Case/@{case.id}?fields=ContactId,Status`,
            referenceId: 'read',
          },
        ],
      },
    ]);
    const [fill, created, read] = answer.graphs[0]!.graphResponse.compositeResponse;
    expect(fill).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'fill' });
    expect(created?.httpStatusCode).toBe(201);
    expect(read).toMatchObject({ httpStatusCode: 200, body: { ContactId: john, Status: 'New' } });
    expect(demo().findRecords(sf.demoOrgId, 'Contact', { Id: john })[0]?.Department).toBe('Support');
  });

  it('rolls a failing graph back whole (no Contact change, no Task) and runs the other graphs', async () => {
    const john = johnId();
    const tasksBefore = demo().findRecords(sf.demoOrgId, 'Task').length;
    const answer = await runGraphs([
      {
        graphId: 'failing',
        compositeRequest: [
          {
            method: 'PATCH',
            url: `${base}/sobjects/Contact/${john}`,
            referenceId: 'fill',
            body: { Title: 'Changed' },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Case`,
            referenceId: 'case',
            body: { Subject: 'Bad', ContactId: john, Product_Area__c: 'Nonsense' },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Task`,
            referenceId: 'task',
            body: { Subject: 'Chat', Status: 'Completed', WhoId: john, WhatId: '@{case.id}' },
          },
        ],
      },
      {
        graphId: 'other',
        compositeRequest: [
          {
            method: 'POST',
            url: `${base}/sobjects/Account`,
            referenceId: 'account',
            body: { Name: 'Independent Ltd' },
          },
        ],
      },
    ]);
    const [failing, other] = answer.graphs;
    expect(failing?.isSuccessful).toBe(false);
    expect(failing?.graphResponse.compositeResponse).toEqual([
      { ...rolledBack, referenceId: 'fill' },
      {
        body: [
          {
            errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            message: 'Product Area: bad value for restricted picklist field: Nonsense',
            fields: ['Product_Area__c'],
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: 'case',
      },
      { ...rolledBack, referenceId: 'task' },
    ]);
    expect(demo().findRecords(sf.demoOrgId, 'Contact', { Id: john })[0]?.Title).toBe('IT Director');
    expect(demo().findRecords(sf.demoOrgId, 'Task')).toHaveLength(tasksBefore);
    expect(demo().findRecords(sf.demoOrgId, 'Case', { Subject: 'Bad' })).toHaveLength(0);
    expect(other?.isSuccessful).toBe(true);
    expect(demo().findRecords(sf.demoOrgId, 'Account', { Name: 'Independent Ltd' })).toHaveLength(1);
  });

  it('fails the node whose reference names no node of its graph, and a node that is not an sObject row', async () => {
    const answer = await runGraphs([
      {
        graphId: 'a',
        compositeRequest: [
          { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'acc', body: { Name: 'A' } },
          {
            method: 'POST',
            url: `${base}/sobjects/Contact`,
            referenceId: 'con',
            body: { LastName: 'B', AccountId: '@{elsewhere.id}' },
          },
        ],
      },
      {
        graphId: 'b',
        compositeRequest: [
          { method: 'GET', url: `${base}/query?q=SELECT+Id+FROM+Account`, referenceId: 'q' },
        ],
      },
      {
        graphId: 'c',
        compositeRequest: [
          { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'x', body: { Name: '@{y.id}' } },
          { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'y', body: { Name: '@{x.id}' } },
        ],
      },
    ]);
    const [a, b, c] = answer.graphs;
    expect(a?.isSuccessful).toBe(false);
    expect(a?.graphResponse.compositeResponse[1]).toMatchObject({
      httpStatusCode: 400,
      body: [
        {
          errorCode: 'PROCESSING_HALTED',
          message: expect.stringContaining('@{elsewhere.id}'.slice(2, -1)) as unknown,
        },
      ],
    });
    expect(a?.graphResponse.compositeResponse[0]).toEqual({ ...rolledBack, referenceId: 'acc' });
    expect(b?.graphResponse.compositeResponse[0]).toMatchObject({
      httpStatusCode: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
    expect(c?.isSuccessful).toBe(false);
    expect(c?.graphResponse.compositeResponse[0]).toMatchObject({
      httpStatusCode: 400,
      body: [{ errorCode: 'INVALID_GRAPH', message: 'The graph has a cycle of references: x → y → x' }],
    });
    expect(demo().findRecords(sf.demoOrgId, 'Account', { Name: 'A' })).toHaveLength(0);
  });

  it('refuses a graph of more than 500 nodes, and more than 75 graphs, without writing anything', async () => {
    const accounts = (n: number, prefix: string): Node[] =>
      Array.from({ length: n }, (_, i) => ({
        method: 'POST',
        url: `${base}/sobjects/Account`,
        referenceId: `${prefix}${i}`,
        body: { Name: `Bulk ${prefix}${i}` },
      }));
    const before = demo().findRecords(sf.demoOrgId, 'Account').length;
    const tooMany = await errorOf(runGraphs([{ graphId: 'big', compositeRequest: accounts(501, 'a') }]));
    expect(tooMany).toMatchObject({
      errorCode: 'LIMIT_EXCEEDED',
      message: 'Graph big has 501 nodes; a graph can contain at most 500 nodes.',
    });
    const graphs = Array.from({ length: 76 }, (_, i) => ({
      graphId: `g${i}`,
      compositeRequest: accounts(1, `g${i}_`),
    }));
    expect(await errorOf(runGraphs(graphs))).toMatchObject({ errorCode: 'LIMIT_EXCEEDED' });
    expect(demo().findRecords(sf.demoOrgId, 'Account')).toHaveLength(before);
    // 500 nodes in one graph are fine.
    const full = await runGraphs([{ graphId: 'full', compositeRequest: accounts(500, 'f') }]);
    expect(full.graphs[0]?.isSuccessful).toBe(true);
    expect(demo().findRecords(sf.demoOrgId, 'Account')).toHaveLength(before + 500);
  });

  it('refuses a graph deeper than 15, duplicate graphIds and referenceIds, with a 400 on the wire', async () => {
    const chain: Node[] = Array.from({ length: 16 }, (_, i) => ({
      method: 'POST',
      url: `${base}/sobjects/Account`,
      referenceId: `n${i}`,
      body: i === 0 ? { Name: 'Root' } : { Name: `Child ${i}`, ParentId: `@{n${i - 1}.id}` },
    }));
    const deep = await raw<Array<{ errorCode: string; message: string }>>(
      sf.url,
      conn.accessToken,
      `${base}/composite/graph`,
      { method: 'POST', body: { graphs: [{ graphId: 'deep', compositeRequest: chain }] } },
    );
    expect(deep.status).toBe(400);
    expect(deep.body).toEqual([
      {
        errorCode: 'LIMIT_EXCEEDED',
        message: 'Graph deep has a depth of 16; the maximum depth of a graph is 15.',
      },
    ]);
    const fifteen = await runGraphs([{ graphId: 'ok', compositeRequest: chain.slice(0, 15) }]);
    expect(fifteen.graphs[0]?.isSuccessful).toBe(true);
    const node: Node = {
      method: 'POST',
      url: `${base}/sobjects/Account`,
      referenceId: 'x',
      body: { Name: 'X' },
    };
    expect(
      await errorOf(
        runGraphs([
          { graphId: 'same', compositeRequest: [node] },
          { graphId: 'same', compositeRequest: [node] },
        ]),
      ),
    ).toMatchObject({
      errorCode: 'INVALID_INPUT',
      message: 'Duplicate graphId provided in the request: same',
    });
    expect(await errorOf(runGraphs([{ graphId: 'dup', compositeRequest: [node, node] }]))).toMatchObject({
      errorCode: 'INVALID_INPUT',
    });
    const shapeless = await raw(sf.url, conn.accessToken, `${base}/composite/graph`, {
      method: 'POST',
      body: { graphs: 'no' },
    });
    expect(shapeless.status).toBe(400);
  });

  it('halts the remaining graphs once more than 14 have failed', async () => {
    const bad = (i: number) => ({
      graphId: `bad${i}`,
      compositeRequest: [
        { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'acc', body: { Name: null } },
      ],
    });
    const answer = await runGraphs([
      ...Array.from({ length: 15 }, (_, i) => bad(i)),
      {
        graphId: 'late',
        compositeRequest: [
          { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'acc', body: { Name: 'Late' } },
        ],
      },
    ]);
    expect(answer.graphs.slice(0, 15).every((g) => !g.isSuccessful)).toBe(true);
    expect(answer.graphs[14]?.graphResponse.compositeResponse[0]?.body).toMatchObject([
      { errorCode: 'REQUIRED_FIELD_MISSING' },
    ]);
    expect(answer.graphs[15]).toMatchObject({
      graphId: 'late',
      isSuccessful: false,
      graphResponse: {
        compositeResponse: [{ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] }],
      },
    });
    expect(demo().findRecords(sf.demoOrgId, 'Account', { Name: 'Late' })).toHaveLength(0);
  });
});
