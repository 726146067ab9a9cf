/**
 * A set of one record mapping that only creates or links, with nothing settled, no references and
 * no skip check: written as issue 17 does (recordWriter), in one call where it can.
 */
import { writeRecord } from '../recordWriter';
import type { SalesforceClient } from '../salesforce.client';
import { SalesforceError } from '../salesforceError';
import type { ChatSetRequest, ChatSetResult } from './types';

/** The single-record writer of `req`, when the set is one; undefined otherwise. */
export function singleRecord(
  req: ChatSetRequest,
): ((client: SalesforceClient) => Promise<ChatSetResult>) | undefined {
  const [member, ...rest] = req.members;
  if (!member || rest.length || req.settled.length) return undefined;
  if (member.kind !== 'record' || member.duplicatePolicy === 'update') return undefined;
  if (member.skipIfFound.length || member.chatRecords.length) return undefined;
  const linking = member.duplicatePolicy === 'link' && member.searchable.length > 0;
  return async (client) => {
    try {
      const result = await writeRecord(client, {
        objectName: member.objectName,
        values: member.values,
        lookups: member.lookups,
        autoAssign: member.autoAssign,
        ...(linking ? (req.linkOnDuplicate ? { linkOnDuplicate: true } : { linkTo: member.searchable }) : {}),
        ...(member.recover?.match.length ? { recover: member.recover } : {}),
      });
      const linkedByRules =
        result.outcome !== 'created' && (req.linkOnDuplicate || result.outcome === 'skipped');
      return {
        calls: result.calls,
        outcomes: [
          {
            mappingId: member.mappingId,
            outcome: result.outcome,
            id: result.id,
            objectName: result.objectName,
            ...(linkedByRules
              ? { reason: 'duplicateRule' as const }
              : result.outcome === 'linked'
                ? { reason: 'found' as const }
                : {}),
            updatedFields: [],
            unmatched: result.unmatched,
          },
        ],
      };
    } catch (error) {
      throw error instanceof SalesforceError ? Object.assign(error, { mappingId: member.mappingId }) : error;
    }
  };
}
