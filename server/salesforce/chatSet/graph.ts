/**
 * Call 2: one `/composite/graph` call with one graph, all or nothing (Composite Graph,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_graph.htm).
 * Answered as `{ graphs: [{ graphId, graphResponse: { compositeResponse }, isSuccessful }] }`; a
 * failed graph keeps nothing, its failing node has its own error body and the others say
 * PROCESSING_HALTED. The whole request counts as one API call.
 */
import { subresponseErrors, type CompositeSubrequest, type CompositeSubresponse } from '../composite';
import type { SalesforceClient } from '../salesforce.client';
import { SalesforceError } from '../salesforceError';

/** "A graph can contain up to 500 nodes" (Composite Graph Limits). */
export const GRAPH_NODE_LIMIT = 500;

interface GraphAnswer {
  graphs: {
    graphId: string;
    graphResponse?: { compositeResponse?: CompositeSubresponse[] };
    isSuccessful: boolean;
  }[];
}

/** The objects assignment rules apply to ("when creating or updating Accounts, Cases, or Leads"). */
const ASSIGNED_OBJECTS = new Set(['Account', 'Case', 'Lead']);
const SOBJECT_OF_URL = /\/sobjects\/([^/?]+)/;

/**
 * The headers of the whole graph call, beside each node's own: the current Composite Subrequest page of
 * the graph resource no longer lists `httpHeaders` (see headers.ts), so an org may apply only the
 * request's headers to every node. Assignment rules then run only when every node of an object they
 * apply to asks for them (an update never does): a found record's owner is never changed for want of a
 * node header, at the cost of a new Case not being assigned when the same chat updates a found Lead.
 * The duplicate-rule header goes on the call when every create carries it.
 */
export function graphHeaders(nodes: CompositeSubrequest[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const assigned = nodes.filter((n) => ASSIGNED_OBJECTS.has(SOBJECT_OF_URL.exec(n.url)?.[1] ?? ''));
  if (assigned.length)
    headers['Sforce-Auto-Assign'] = assigned.every((n) => n.httpHeaders?.['Sforce-Auto-Assign'] === 'TRUE')
      ? 'TRUE'
      : 'FALSE';
  const creates = nodes.filter((n) => n.method === 'POST');
  const duplicateRule = creates[0]?.httpHeaders?.['Sforce-Duplicate-Rule-Header'];
  if (
    duplicateRule &&
    creates.every((n) => n.httpHeaders?.['Sforce-Duplicate-Rule-Header'] === duplicateRule)
  )
    headers['Sforce-Duplicate-Rule-Header'] = duplicateRule;
  return headers;
}

/** One composite graph call with one graph: every node kept, or none. Answers by referenceId. */
export async function runGraph(
  client: SalesforceClient,
  nodes: CompositeSubrequest[],
): Promise<{ ok: boolean; answers: Map<string, CompositeSubresponse> }> {
  if (nodes.length > GRAPH_NODE_LIMIT)
    throw new SalesforceError(
      'rejected',
      `A chat's set can write at most ${GRAPH_NODE_LIMIT} records at once; this one has ${nodes.length}.`,
      'LIMIT_EXCEEDED',
    );
  const res = await client.request<GraphAnswer>({
    method: 'POST',
    path: '/composite/graph',
    body: { graphs: [{ graphId: 'chat', compositeRequest: nodes }] },
    headers: graphHeaders(nodes),
  });
  const graph = res.graphs?.[0];
  const answers = new Map((graph?.graphResponse?.compositeResponse ?? []).map((r) => [r.referenceId, r]));
  return { ok: graph?.isSuccessful === true, answers };
}

/** The node that made a graph fail: its own error, where the others say PROCESSING_HALTED. */
export function failedNode(nodes: CompositeSubrequest[], answers: Map<string, CompositeSubresponse>) {
  const failed = nodes
    .map((n) => answers.get(n.referenceId))
    .filter((a): a is CompositeSubresponse => !!a && a.httpStatusCode >= 400);
  return (
    failed.find((a) => subresponseErrors(a).some((e) => e.errorCode !== 'PROCESSING_HALTED')) ?? failed[0]
  );
}

/** The id a create node answered (201 `{ id, success, errors }`). */
export const createdId = (answer: CompositeSubresponse | undefined) =>
  answer && answer.httpStatusCode < 300 ? (answer.body as { id?: string } | null)?.id : undefined;
