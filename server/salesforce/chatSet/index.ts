/**
 * A chat's linked set of records on one account (issue 15), in at most two Salesforce calls.
 * - `types.ts`: the set's shapes; `member.ts`: a member from a mapping and its prepared record;
 * - `reads.ts` (call 1, one `/composite` of queries) and `conditions.ts` (what is read and matched);
 * - `plan.ts`: what the set does and the graph that does it (pure);
 * - `conversation.ts`: the Task or Note nodes and a note's content; `headers.ts`: the nodes' headers;
 * - `graph.ts` (call 2, one `/composite/graph`); `writeChatSet.ts`: the two calls together;
 * - `singleRecord.ts`: a set of one record, written as recordWriter does;
 * - `logConversation.ts`: the conversation alone, for the widget.
 */
export { chatSetMember, searchableValues, updateRulesOf, type PreparedForSet } from './member';
export { chatSetNeedsReads, readChatSet } from './reads';
export { chatSetPlan } from './plan';
export { conversationObject, noteContent } from './conversation';
export { GRAPH_NODE_LIMIT } from './graph';
export { writeChatSet } from './writeChatSet';
export { logConversation, type ConversationLog } from './logConversation';
export {
  failedMappingOf,
  TASK_DESCRIPTION_LENGTH,
  type ChatSetFailure,
  type ChatSetMember,
  type ChatSetOutcome,
  type ChatSetOutcomeKind,
  type ChatSetPlan,
  type ChatSetReads,
  type ChatSetReason,
  type ChatSetRequest,
  type ChatSetResult,
  type PlannedStep,
  type SettledRecord,
} from './types';
