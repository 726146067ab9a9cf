import type { RelatedRecord } from '../../src/api/widget';
import {
  composite,
  COMPOSITE_QUERY_LIMIT,
  queryUrl,
  soqlString,
  subresponseErrors,
} from '../salesforce/composite';
import type { SalesforceClient } from '../salesforce/salesforce.client';
import { toRelatedRecord } from './related.presenter';
import type { CardPlan } from './relatedCards';
import { selectList } from './relatedSearch';

/**
 * The cards of records known by id (a chat's set just written from the widget), as the widget's search
 * would show them: one SOQL query per object (`Id IN (…)`, its name and key fields), five queries per composite
 * call (Salesforce's limit), so one call for a chat's set. A query Salesforce refuses leaves its
 * records out of the answer; the caller shows them without key fields.
 */
export async function readCards(
  client: SalesforceClient,
  records: readonly { id: string; plan: CardPlan }[],
  instanceUrl: string | null,
): Promise<Map<string, RelatedRecord>> {
  const byObject = new Map<string, { plan: CardPlan; ids: string[] }>();
  for (const { id, plan } of records) {
    const entry = byObject.get(plan.objectName) ?? { plan, ids: [] };
    entry.ids.push(id);
    byObject.set(plan.objectName, entry);
  }
  const queries = [...byObject.values()];
  const cards = new Map<string, RelatedRecord>();
  for (let i = 0; i < queries.length; i += COMPOSITE_QUERY_LIMIT) {
    const chunk = queries.slice(i, i + COMPOSITE_QUERY_LIMIT);
    const answers = await composite(
      client,
      chunk.map(({ plan, ids }, n) => ({
        method: 'GET' as const,
        url: queryUrl(
          client,
          `SELECT ${selectList([plan.nameField, ...plan.cards.map((c) => c.select)]).join(', ')} FROM ${plan.objectName} WHERE Id IN (${ids.map(soqlString).join(', ')})`,
        ),
        referenceId: `cards${n}`,
      })),
      { allOrNone: false },
    );
    chunk.forEach(({ plan }, n) => {
      const answer = answers.get(`cards${n}`);
      if (!answer || subresponseErrors(answer).length > 0) return;
      for (const record of (answer.body as { records?: Record<string, unknown>[] }).records ?? []) {
        if (typeof record.Id !== 'string') continue;
        cards.set(record.Id, toRelatedRecord(plan, { ...record, Id: record.Id }, instanceUrl));
      }
    });
  }
  return cards;
}
