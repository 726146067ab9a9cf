import { invalidType } from '../errors';
import type { ObjectDef } from '../metadata/types';
import { objectOf } from '../org';
import { applyClauses, projectRecord, resolveSelect } from '../soql/evaluate';
import type { EvalContext } from '../soql/evaluate';
import { pointAt } from '../soql/lexer';
import type { SelectItem } from '../soql/ast';
import { fieldsInScope, recordMatches } from './match';
import type { ReturningItem, SoslQuery } from './parse';

const DEFAULT_OVERALL_LIMIT = 2000;

/** Runs a parsed search: `{ searchRecords: [...] }` with records of every returned object in order. */
export function runSearch(ctx: EvalContext, query: SoslQuery): { searchRecords: Record<string, unknown>[] } {
  const targets: ReturningItem[] =
    query.returning.length > 0
      ? query.returning
      : [...ctx.org.objects.values()]
          .filter((o) => o.searchable)
          .map((o) => ({ objectName: o.name, pos: 0, clauses: { orderBy: [] } }));
  const resolved = targets.map((item) => {
    const object = objectOf(ctx.org, item.objectName);
    if (!object || !object.searchable) {
      throw invalidType(pointAt(ctx.source, item.pos, `sObject type '${item.objectName}' is not supported.`));
    }
    const select: SelectItem[] = item.select ?? [{ kind: 'field', path: { parts: ['Id'], pos: item.pos } }];
    return { item, object, paths: resolveSelect(ctx, object, select) };
  });
  const searchRecords: Record<string, unknown>[] = [];
  const overall = query.limit ?? DEFAULT_OVERALL_LIMIT;
  for (const { item, object, paths } of resolved) {
    const matching = searchObject(object, ctx, query);
    const rows = applyClauses(ctx, object, matching, item.clauses);
    for (const row of rows) {
      if (searchRecords.length >= overall) break;
      searchRecords.push(projectRecord(ctx, object, row, paths));
    }
  }
  return { searchRecords };
}

function searchObject(object: ObjectDef, ctx: EvalContext, query: SoslQuery) {
  const fields = fieldsInScope(object, query.scope);
  if (fields.length === 0) return [];
  return ctx.org.store.all(object.name).filter((record) => recordMatches(record, fields, query.term));
}
