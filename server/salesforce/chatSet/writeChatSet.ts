/**
 * A chat's linked set of records on one account, written in at most two Salesforce calls: call 1
 * (`reads.ts`) reads what the set needs to decide, the plan (`plan.ts`) decides, call 2 (`graph.ts`)
 * writes every record created or updated and the conversation in one graph, all or nothing. No read
 * needed: no call 1. No write needed: no call 2.
 */
import type { CompositeSubresponse } from '../composite';
import { subresponseFailure } from '../recordWriter';
import type { SalesforceClient } from '../salesforce.client';
import { createdId, failedNode, runGraph } from './graph';
import { chatSetPlan } from './plan';
import { chatSetNeedsReads, readChatSet } from './reads';
import { singleRecord } from './singleRecord';
import type { ChatSetOutcome, ChatSetReads, ChatSetRequest, ChatSetResult, PlannedStep } from './types';

/**
 * Writes a chat's set: call 1 when something must be read, call 2 when something must be written.
 * A node refused as DUPLICATES_DETECTED links its mapping to the record the org's duplicate rule
 * found (skipped for a `create` mapping, as a single record is) and the graph runs again without
 * it. Any other refusal throws a SalesforceError naming the mapping (`failedMappingOf`); nothing
 * of the set is kept. A set of one record that needs no reads but its own keeps the single-record
 * economy (recordWriter): lookups and the create in one call.
 */
export async function writeChatSet(client: SalesforceClient, req: ChatSetRequest): Promise<ChatSetResult> {
  const single = singleRecord(req);
  if (single) return single(client);

  const reads: ChatSetReads = chatSetNeedsReads(req)
    ? await readChatSet(client, req)
    : { records: new Map(), calls: 0 };
  let calls = reads.calls;
  const decided = new Map<string, { id: string; objectName: string; outcome: 'linked' | 'skipped' }>();
  for (let attempt = 0; ; attempt++) {
    const plan = chatSetPlan(client, req, reads, decided);
    let created = new Map<string, CompositeSubresponse>();
    if (plan.nodes.length) {
      calls += 1;
      const graph = await runGraph(client, plan.nodes);
      if (!graph.ok) {
        const answer = failedNode(plan.nodes, graph.answers);
        const failure = subresponseFailure(answer, answer?.referenceId ?? 'graph');
        const step = plan.steps.find(
          (s) =>
            s.referenceId &&
            answer &&
            (answer.referenceId === s.referenceId || answer.referenceId.startsWith(`${s.referenceId}_`)),
        );
        const member = step && req.members.find((m) => m.mappingId === step.mappingId);
        if (
          failure.duplicate &&
          member?.kind === 'record' &&
          step?.action === 'create' &&
          attempt < req.members.length
        ) {
          decided.set(member.mappingId, {
            id: failure.duplicate.id,
            objectName: failure.duplicate.objectName ?? member.objectName,
            outcome: member.duplicatePolicy === 'create' ? 'skipped' : 'linked',
          });
          continue;
        }
        throw Object.assign(failure, step ? { mappingId: step.mappingId } : {});
      }
      created = graph.answers;
    }
    return {
      calls,
      outcomes: plan.steps.map((s) => outcomeOf(s, created)),
    };
  }
}

function outcomeOf(step: PlannedStep, answers: Map<string, CompositeSubresponse>): ChatSetOutcome {
  const base = { mappingId: step.mappingId, objectName: step.objectName, unmatched: step.unmatched };
  const reason = step.reason ? { reason: step.reason } : {};
  switch (step.action) {
    case 'create':
      return {
        ...base,
        outcome: 'created',
        id: createdId(answers.get(step.referenceId!)) ?? null,
        updatedFields: [],
      };
    case 'recovered':
      return { ...base, ...reason, outcome: 'created', id: step.id!, updatedFields: [] };
    case 'update':
      return {
        ...base,
        ...reason,
        outcome: 'updated',
        id: step.id!,
        updatedFields: Object.keys(step.fields),
      };
    case 'link':
      return { ...base, ...reason, outcome: 'linked', id: step.id!, updatedFields: [] };
    case 'skip':
      return { ...base, ...reason, outcome: 'skipped', id: step.id ?? null, updatedFields: [] };
  }
}
