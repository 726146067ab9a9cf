/** The conversation, on its own (the widget's "attach this chat's transcript"). */
import type { SalesforceValue } from '../../../src/mapping/convertValue';
import { subresponseFailure } from '../recordWriter';
import type { SalesforceClient } from '../salesforce.client';
import { SalesforceError } from '../salesforceError';
import { conversationNodes, conversationObject, WHO_OBJECTS } from './conversation';
import { createdId, failedNode, runGraph } from './graph';
import type { ConversationLogKind } from '../../../src/mapping/mapping';

export interface ConversationLog {
  /** The Task's Subject, or the Note's Title. */
  subject: string;
  /** The readable transcript: the Task's Description, or the Note's content. */
  description: string;
  /** `note`: always a Note; `task`: a completed Task, a Note when the transcript is too long. */
  logAs: ConversationLogKind;
  /** The Task's other values (Status, ActivityDate, OwnerId…); a Note takes none. */
  values?: Record<string, SalesforceValue>;
  /**
   * The records it is logged on, the first the one it is for: a Task names the first Lead or Contact
   * (WhoId) and the first other record (WhatId), or only the first of the two when the Who is a
   * Lead ("If the WhoId refers to a lead, then the WhatId field must be empty", Task.WhoId); a Note
   * is linked to each.
   */
  records: { id: string; objectName: string }[];
  taskDescriptionLength?: number;
  autoAssign?: boolean;
}

/**
 * Logs one chat's conversation on given records in one call (a composite graph: a Note and its
 * links are kept together or not at all).
 */
export async function logConversation(
  client: SalesforceClient,
  log: ConversationLog,
): Promise<{ objectName: 'Task' | 'ContentNote'; id: string; calls: number }> {
  const values: Record<string, SalesforceValue> = {
    Status: 'Completed',
    ...log.values,
    Subject: log.subject,
    Description: log.description,
  };
  const objectName = conversationObject({ logAs: log.logAs, values }, log.taskDescriptionLength);
  if (objectName === 'Task') {
    const who = log.records.find((r) => WHO_OBJECTS.has(r.objectName));
    const what = log.records.find((r) => !WHO_OBJECTS.has(r.objectName) && r.objectName !== 'User');
    const leadFirst = who && what && log.records.indexOf(who) < log.records.indexOf(what);
    if (who && (who.objectName !== 'Lead' || !what || leadFirst)) values.WhoId = who.id;
    if (what && !(who?.objectName === 'Lead' && leadFirst)) values.WhatId = what.id;
  }
  const nodes = conversationNodes(
    client,
    'conversation',
    objectName,
    values,
    log.records.map((r) => r.id),
    log.autoAssign ?? false,
  );
  const graph = await runGraph(client, nodes);
  if (!graph.ok) {
    const answer = failedNode(nodes, graph.answers);
    throw subresponseFailure(answer, answer?.referenceId ?? 'conversation');
  }
  const id = createdId(graph.answers.get('conversation'));
  if (!id)
    throw new SalesforceError('unavailable', 'Salesforce answered the conversation log without an id.');
  return { objectName, id, calls: 1 };
}
