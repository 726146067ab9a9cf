import {
  findField,
  findFieldIgnoringCase,
  requiredFields,
  type ObjectMetadata,
} from '../salesforce/objectMetadata';
import { convertFieldValue, type SalesforceValue } from './convertValue';
import type { Problem } from './problems';

export interface ValidatedValues {
  /** The values as Salesforce expects them; empty values and values with errors are left out. */
  values: Record<string, SalesforceValue>;
  problems: Problem[];
}

/**
 * Checks and converts a record's values (resolved from a mapping and a chat, auto-match results merged in,
 * or edited by an agent) against the object's metadata, the way Salesforce will judge them on create:
 * dates to `YYYY-MM-DD`, date-times to ISO 8601 UTC with milliseconds, numbers within precision and scale,
 * booleans, multi-picklists joined with `;`, lists in text fields joined with `, `, lengths (over-long long
 * text is cut with a warning, other over-long text is an error), emails, restricted picklists, and every
 * required field present. Lengths count UTF-16 code units, as Salesforce does.
 */
export function validateValues(
  values: Readonly<Record<string, unknown>>,
  meta: ObjectMetadata,
): ValidatedValues {
  const converted: Record<string, SalesforceValue> = {};
  const problems: Problem[] = [];
  const reported = new Set<string>();

  for (const [name, raw] of Object.entries(values)) {
    const path = `values.${name}`;
    const field = findField(meta, name);
    if (!field) {
      const sameName = findFieldIgnoringCase(meta, name);
      problems.push({
        path,
        field: name,
        code: 'unknown_field',
        severity: 'error',
        message: `${meta.label} has no field ${name}.` + (sameName ? ` Did you mean ${sameName.name}?` : ''),
      });
      reported.add(name);
      continue;
    }
    if (!field.createable) {
      problems.push({
        path,
        field: name,
        code: 'field_not_createable',
        severity: 'error',
        message: `"${field.label}" cannot be set on a new ${meta.label}.`,
      });
      reported.add(name);
      continue;
    }
    const { value, issues } = convertFieldValue(field, raw);
    for (const issue of issues) {
      problems.push({ path, field: name, ...issue });
      if (issue.severity === 'error') reported.add(name);
    }
    if (value !== undefined) converted[name] = value;
  }

  for (const field of requiredFields(meta)) {
    if (converted[field.name] !== undefined || reported.has(field.name)) continue;
    problems.push({
      path: `values.${field.name}`,
      field: field.name,
      code: 'value_required',
      severity: 'error',
      message: `"${field.label}" is required for a new ${meta.label}, but there is no value for it.`,
    });
  }

  return { values: converted, problems };
}
