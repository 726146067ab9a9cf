import type { Run } from '../../src/api/automation';
import type { SavedMapping } from '../../src/api/mappings';
import { kindOf } from '../../src/mapping/mapping';

/** A record a run's record points to: this chat's record of another mapping (the Case's Contact). */
export interface LinkedRecord {
  /** The reference field, e.g. `ContactId`. */
  field: string;
  /** The object of the mapping whose record goes there, e.g. `Contact`. */
  object: string;
  /** The run of the same chat that wrote (or found) that record; undefined when it is not in the list. */
  run: Run | undefined;
}

/**
 * For each run, the records its record was linked to: the chat-record fields of its mapping, each with
 * the run of the same chat and account whose mapping is that object's record mapping.
 */
export function linkedRecordsOf(
  runs: readonly Run[],
  mappingsOf: (accountId: string) => readonly SavedMapping[] | undefined,
): Map<string, LinkedRecord[]> {
  const byChat = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `${run.accountId} ${run.chatId}`;
    byChat.set(key, [...(byChat.get(key) ?? []), run]);
  }
  const linked = new Map<string, LinkedRecord[]>();
  for (const run of runs) {
    const mappings = mappingsOf(run.accountId);
    const mapping = mappings?.find((m) => m.id === run.mappingId);
    if (!mapping || !mappings) continue;
    const siblings = byChat.get(`${run.accountId} ${run.chatId}`) ?? [];
    const links = mapping.fields.flatMap((entry): LinkedRecord[] => {
      if (entry.entryType !== 'chatRecord') return [];
      const target = mappings.find((m) => kindOf(m) === 'record' && m.objectName === entry.object);
      const targetRun = target && siblings.find((r) => r.mappingId === target.id);
      return [{ field: entry.field, object: target?.objectLabel ?? entry.object, run: targetRun }];
    });
    if (links.length) linked.set(run.id, links);
  }
  return linked;
}
