import { invalidType, malformedQuery } from '../errors';
import { objectOf } from '../org';
import { pointAt } from './lexer';
import { applyClauses, projectRecord, resolveSelect } from './evaluate';
import type { EvalContext } from './evaluate';
import { parseSoql } from './parse';
import { checkQueryRestrictions } from './restrictions';

export interface SoqlResult {
  records: Record<string, unknown>[];
  totalSize: number;
}

/** Runs a SOQL query against an org; `includeDeleted` for queryAll. */
export function runSoql(ctx: EvalContext, includeDeleted: boolean): SoqlResult {
  if (ctx.source.trim() === '') throw malformedQuery("unexpected token: '<EOF>'");
  const query = parseSoql(ctx.source);
  const object = objectOf(ctx.org, query.from.name);
  if (!object || !object.queryable) {
    throw invalidType(
      pointAt(
        ctx.source,
        query.from.pos,
        `sObject type '${query.from.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      ),
    );
  }
  checkQueryRestrictions(query, object);
  const isCount = query.select.some((item) => item.kind === 'count');
  if (isCount && query.select.length > 1) {
    const extra = query.select.find((item) => item.kind === 'field');
    throw malformedQuery(
      pointAt(ctx.source, extra?.kind === 'field' ? extra.path.pos : 0, "unexpected token: ','"),
    );
  }
  const paths = resolveSelect(ctx, object, query.select);
  const rows = applyClauses(ctx, object, ctx.org.store.all(object.name, includeDeleted), query);
  if (isCount) return { records: [], totalSize: rows.length };
  return { records: rows.map((row) => projectRecord(ctx, object, row, paths)), totalSize: rows.length };
}
