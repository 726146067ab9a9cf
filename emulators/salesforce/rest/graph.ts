/**
 * `POST /composite/graph` (REST API Developer Guide › Composite Graph,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_graph.htm):
 * `{ graphs: [{ graphId, compositeRequest: [node, …] }] }`, each graph all-or-nothing on its own,
 * answered as `{ graphs: [{ graphId, graphResponse: { compositeResponse }, isSuccessful }] }`. The
 * whole request counts as one API call (the pipeline counts it once; nodes are dispatched inside).
 */
import { z } from 'zod';
import { SalesforceError } from '../errors';
import { REFERENCE, ROLLED_BACK, invalidInput, runSubrequest, subrequestSchema } from './composite';
import type { SubResult, Subrequest } from './composite';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

/**
 * Composite Graph Limits (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_graph_limits.htm):
 * 75 graphs and 500 nodes in one payload, 500 nodes and a depth of 15 in one graph, 15 different
 * nodes (API version, HTTP method, object) in one payload; after 14 failed graphs the rest halt.
 */
export const GRAPH_LIMITS = {
  graphs: 75,
  nodesPerGraph: 500,
  nodesPerPayload: 500,
  depth: 15,
  differentNodes: 15,
  failedGraphs: 14,
} as const;

const graphSchema = z.object({
  graphs: z
    .array(z.object({ graphId: z.string(), compositeRequest: z.array(subrequestSchema).min(1) }))
    .min(1),
});
type Graph = z.infer<typeof graphSchema>['graphs'][number];

/**
 * A limit exceeded refuses the whole request, nothing run. The errorCode is Salesforce's
 * LIMIT_EXCEEDED (an ExceptionCode of the API); the limits page names no error body.
 */
const limitExceeded = (message: string) =>
  new SalesforceError(400, [{ errorCode: 'LIMIT_EXCEEDED', message }]);

const nodeError = (referenceId: string, status: number, errorCode: string, message: string): SubResult => ({
  body: [{ errorCode, message }],
  httpHeaders: {},
  httpStatusCode: status,
  referenceId,
});

const rolledBack = (referenceId: string): SubResult => ({
  body: ROLLED_BACK,
  httpHeaders: {},
  httpStatusCode: 400,
  referenceId,
});

const SOBJECT_URL = /^\/services\/data\/v(\d+\.\d)\/sobjects\/([^/?]+)((?:\/[^/?]+){0,2})\/?(?:\?.*)?$/;

/**
 * "Composite graph requests support only these URLs": `sobjects/{object}` (POST),
 * `sobjects/{object}/{id}` (DELETE, GET, PATCH) and `sobjects/{object}/{field}/{value}` (DELETE,
 * GET, PATCH, POST) (Using Composite Graphs,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_graph_introduction.htm).
 * Anything else fails its node as the resource would: 404 for another resource, 405 for another method.
 */
function unsupported(node: Subrequest): SubResult | undefined {
  const match = SOBJECT_URL.exec(node.url);
  if (!match) {
    return nodeError(node.referenceId, 404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  const depth = (match[3] ?? '').split('/').filter(Boolean).length;
  const allowed =
    depth === 0 ? ['POST'] : depth === 1 ? ['DELETE', 'GET', 'PATCH'] : ['DELETE', 'GET', 'PATCH', 'POST'];
  if (allowed.includes(node.method)) return undefined;
  return nodeError(
    node.referenceId,
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${node.method}' not allowed. Allowed are ${allowed.join(',')}`,
  );
}

/** The referenceIds a node's URL and body name, in order of appearance. */
function referencesOf(node: Subrequest): string[] {
  const found: string[] = [];
  const scan = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(new RegExp(REFERENCE.source, 'g')))
        if (match[1]) found.push(match[1]);
    } else if (Array.isArray(value)) value.forEach(scan);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(scan);
  };
  scan(node.url);
  scan(node.body);
  return [...new Set(found)];
}

interface Plan {
  /** Node indexes in the order they run: each after the nodes it references. */
  order: number[];
  /** The first node of a reference cycle, when there is one. */
  cycle?: { index: number; path: string[] };
  depth: number;
}

/**
 * Orders a graph's nodes so that every node runs after the nodes it references ("a composite graph
 * can be directed meaning that some nodes use information from other nodes"), keeping the
 * request's order otherwise; a reference to no node of the graph is left to fail when it runs.
 */
function plan(nodes: Subrequest[]): Plan {
  const indexOf = new Map(nodes.map((n, i) => [n.referenceId, i]));
  const deps = nodes.map((n) =>
    referencesOf(n)
      .map((ref) => indexOf.get(ref))
      .filter((i): i is number => i !== undefined),
  );
  const order: number[] = [];
  const done = new Set<number>();
  const levels = new Map<number, number>();
  while (order.length < nodes.length) {
    const next = nodes.findIndex((_, i) => !done.has(i) && deps[i]!.every((d) => done.has(d)));
    if (next < 0) break;
    done.add(next);
    order.push(next);
    levels.set(next, 1 + Math.max(0, ...deps[next]!.map((d) => levels.get(d) ?? 0)));
  }
  const depth = Math.max(0, ...levels.values());
  if (order.length === nodes.length) return { order, depth };
  // Walk references from the first node left until one repeats: that is the cycle.
  let at = nodes.findIndex((_, i) => !done.has(i));
  const seen: number[] = [];
  while (!seen.includes(at)) {
    seen.push(at);
    at = deps[at]!.find((d) => !done.has(d)) ?? at;
  }
  const loop = seen.slice(seen.indexOf(at));
  const path = [...loop, at].map((i) => nodes[i]!.referenceId);
  return { order, depth, cycle: { index: Math.min(...loop), path } };
}

/** Version, method and object of a node, which make nodes "different" for the limits. */
function kindOf(node: Subrequest): string {
  const match = SOBJECT_URL.exec(node.url);
  return `${match?.[1] ?? ''} ${node.method} ${(match?.[2] ?? node.url).toLowerCase()}`;
}

function validate(graphs: Graph[]): void {
  if (graphs.length > GRAPH_LIMITS.graphs) {
    throw limitExceeded(
      `A composite graph request can contain at most ${GRAPH_LIMITS.graphs} graphs; this one has ${graphs.length}.`,
    );
  }
  const ids = new Set<string>();
  let total = 0;
  const kinds = new Set<string>();
  for (const graph of graphs) {
    // The graphId "must be unique within each composite graph operation", "begin with an
    // alphanumeric character" and be "less than 40 characters" (Using Composite Graphs).
    if (ids.has(graph.graphId))
      throw invalidInput(`Duplicate graphId provided in the request: ${graph.graphId}`);
    if (!/^[A-Za-z0-9]/.test(graph.graphId) || graph.graphId.length >= 40) {
      throw invalidInput(
        `Invalid graphId: ${graph.graphId}. A graphId must begin with an alphanumeric character and be less than 40 characters.`,
      );
    }
    ids.add(graph.graphId);
    const nodes = graph.compositeRequest;
    if (nodes.length > GRAPH_LIMITS.nodesPerGraph) {
      throw limitExceeded(
        `Graph ${graph.graphId} has ${nodes.length} nodes; a graph can contain at most ${GRAPH_LIMITS.nodesPerGraph} nodes.`,
      );
    }
    total += nodes.length;
    const refs = new Set<string>();
    for (const node of nodes) {
      if (refs.has(node.referenceId)) {
        throw invalidInput(`Duplicate referenceId provided in graph ${graph.graphId}: ${node.referenceId}`);
      }
      refs.add(node.referenceId);
      const forbidden = Object.keys(node.httpHeaders ?? {}).find((h) =>
        ['authorization', 'content-type', 'accept'].includes(h.toLowerCase()),
      );
      if (forbidden) throw invalidInput(`The ${forbidden} header can't be set in a subrequest`);
      kinds.add(kindOf(node));
    }
    const { depth } = plan(nodes);
    if (depth > GRAPH_LIMITS.depth) {
      throw limitExceeded(
        `Graph ${graph.graphId} has a depth of ${depth}; the maximum depth of a graph is ${GRAPH_LIMITS.depth}.`,
      );
    }
  }
  if (total > GRAPH_LIMITS.nodesPerPayload) {
    throw limitExceeded(
      `The request has ${total} nodes; a composite graph request can contain at most ${GRAPH_LIMITS.nodesPerPayload} nodes.`,
    );
  }
  if (kinds.size > GRAPH_LIMITS.differentNodes) {
    throw limitExceeded(
      `The request uses ${kinds.size} different nodes (API version, HTTP method and object); at most ${GRAPH_LIMITS.differentNodes} are allowed.`,
    );
  }
}

interface GraphResult {
  graphId: string;
  graphResponse: { compositeResponse: SubResult[] };
  isSuccessful: boolean;
}

/**
 * Runs one graph in its own transaction: on the first failing node its writes are rolled back; the
 * failing node keeps its own error and every other node answers PROCESSING_HALTED, "The
 * transaction was rolled back since another operation in the same transaction failed." (the shape
 * of a failed graph in Salesforce's own ReVoman fixtures,
 * https://github.com/salesforce-misc/ReVoman/blob/main/src/test/resources/composite/graph/resp/graph-error-response.json).
 * Answers are in the request's order.
 */
function runGraph(ctx: ApiContext, request: ApiRequest, graph: Graph): GraphResult {
  const nodes = graph.compositeRequest;
  const answer = (compositeResponse: SubResult[], isSuccessful: boolean): GraphResult => ({
    graphId: graph.graphId,
    graphResponse: { compositeResponse },
    isSuccessful,
  });
  const failWith = (failed: SubResult) =>
    answer(
      nodes.map((n) => (n.referenceId === failed.referenceId ? failed : rolledBack(n.referenceId))),
      false,
    );
  const refused = nodes.map(unsupported).find((r) => r !== undefined);
  if (refused) return failWith(refused);
  const { order, cycle } = plan(nodes);
  if (cycle) {
    // A graph must be acyclic; the errorCode is the one integrators report for it (UNCONFIRMED).
    return failWith(
      nodeError(
        nodes[cycle.index]!.referenceId,
        400,
        'INVALID_GRAPH',
        `The graph has a cycle of references: ${cycle.path.join(' → ')}`,
      ),
    );
  }
  const snapshot = ctx.org.store.snapshot();
  const results = new Map<string, SubResult>();
  for (const index of order) {
    const node = nodes[index]!;
    const result = runSubrequest(ctx, request, node, results);
    results.set(node.referenceId, result);
    if (result.httpStatusCode >= 400) {
      ctx.org.store.restore(snapshot);
      return failWith(result);
    }
  }
  return answer(
    nodes.map((n) => results.get(n.referenceId)!),
    true,
  );
}

/** A graph not run because too many graphs had failed before it. */
function halted(graph: Graph): GraphResult {
  return {
    graphId: graph.graphId,
    graphResponse: {
      compositeResponse: graph.compositeRequest.map((n) =>
        nodeError(
          n.referenceId,
          400,
          'PROCESSING_HALTED',
          `Processing halted: more than ${GRAPH_LIMITS.failedGraphs} graphs of this request failed.`,
        ),
      ),
    },
    isSuccessful: false,
  };
}

export function compositeGraph(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const parsed = graphSchema.safeParse(request.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue?.path.join('.') || 'graphs'}: ${issue?.message ?? 'invalid'}`);
  }
  const { graphs } = parsed.data;
  validate(graphs);
  let failures = 0;
  const answers = graphs.map((graph) => {
    if (failures > GRAPH_LIMITS.failedGraphs) return halted(graph);
    const result = runGraph(ctx, request, graph);
    if (!result.isSuccessful) failures += 1;
    return result;
  });
  return { status: 200, body: { graphs: answers } };
}
