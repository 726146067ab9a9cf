import type { DuplicateCheck } from '../../src/api/accounts';
import { duplicatesConfigSchema, rulesThatDecide } from '../../src/salesforce/duplicateRules';
import type { Database } from '../db/prisma';
import { listLinkMappings } from '../mappings/mappings.repo';
import { cachedDuplicateRules } from './describeCache.repo';

/**
 * How automation finds the existing record for each "link" mapping of these accounts, as its runs
 * decide it (chatProcessor): from the org's duplicate rules as the worker last read them (cached for
 * 15 minutes beside the describes). No Salesforce call: an org whose rules were never read says
 * "unknown" until its first automatic run.
 */
export async function duplicateChecksOf(
  db: Database,
  accountIds: string[],
): Promise<Map<string, DuplicateCheck[]>> {
  const out = new Map<string, DuplicateCheck[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return out;
  const [mappings, cached] = await Promise.all([
    listLinkMappings(db, accountIds),
    cachedDuplicateRules(db, accountIds),
  ]);
  for (const mapping of mappings) {
    const fields = mapping.fields.map((f) => f.field);
    if (fields.length === 0) continue; // nothing to link by: every run creates
    const found = cached.find(
      (c) => c.accountId === mapping.accountId && c.objectName === mapping.objectName,
    );
    const config = found ? duplicatesConfigSchema.safeParse(found.body) : undefined;
    const rules = config?.success ? rulesThatDecide(config.data, fields) : [];
    out.get(mapping.accountId)!.push({
      objectName: mapping.objectName,
      objectLabel: mapping.objectLabel,
      by: !config?.success ? 'unknown' : rules.length ? 'rules' : 'search',
      rules,
      fields,
    });
  }
  return out;
}
