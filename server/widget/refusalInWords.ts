import type { Problem } from '../../src/mapping/problems';
import { findField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { meaningOf, refusalForAgent } from '../salesforce/refusalInWords';
import type { SalesforceError } from '../salesforce/salesforceError';

/**
 * Salesforce's refusal of a record, in plain words for the agent, one problem per field it names (at
 * `values.<Field>`, where the widget shows it), or one for the whole record when it names none.
 */
export function refusalProblems(error: SalesforceError, meta: ObjectMetadata): Problem[] {
  const objectLabel = meta.label || meta.name;
  const code = meaningOf(error).problem;
  if (error.fields.length === 0) {
    return [
      { path: 'values', code, severity: 'error', message: refusalForAgent(error, objectLabel, objectLabel) },
    ];
  }
  return error.fields.map((name) => {
    const field = findField(meta, name);
    return {
      path: `values.${field?.name ?? name}`,
      field: field?.name ?? name,
      code,
      severity: 'error',
      message: refusalForAgent(error, field?.label ?? name, objectLabel),
    };
  });
}
