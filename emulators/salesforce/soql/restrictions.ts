import { malformedQuery } from '../errors';
import type { ObjectDef } from '../metadata/types';
import type { Expr, SoqlQuery } from './ast';

/** The comparisons that must all hold (the top-level AND of a WHERE clause). */
function conjuncts(expr: Expr | undefined): Expr[] {
  if (!expr) return [];
  return expr.kind === 'and' ? expr.items.flatMap(conjuncts) : [expr];
}

/**
 * "You can't run a query without filters against ContentDocumentLink": it must be filtered by a
 * single Id on ContentDocumentId or LinkedEntityId with `=`, or several with `IN`
 * (ContentDocumentLink, Object Reference, Usage:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm),
 * else MALFORMED_QUERY "Implementation restriction: …".
 */
export function checkQueryRestrictions(query: SoqlQuery, object: ObjectDef): void {
  if (object.name !== 'ContentDocumentLink') return;
  const filtered = conjuncts(query.where).some((e) => {
    if (e.kind !== 'compare' || (e.op !== '=' && e.op !== 'in')) return false;
    const parts = e.path.parts.map((p) => p.toLowerCase());
    const name = parts.length === 2 && parts[0] === 'contentdocumentlink' ? parts[1] : parts.join('.');
    return name === 'id' || name === 'contentdocumentid' || name === 'linkedentityid';
  });
  if (!filtered) {
    throw malformedQuery(
      "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator.",
    );
  }
}
