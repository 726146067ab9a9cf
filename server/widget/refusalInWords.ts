import type { Problem, ProblemCode } from '../../src/mapping/problems';
import { findField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { SalesforceError } from '../salesforce/salesforceError';

const codes: Record<string, ProblemCode> = {
  REQUIRED_FIELD_MISSING: 'value_required',
  STRING_TOO_LONG: 'value_too_long',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'invalid_picklist_value',
  INVALID_EMAIL_ADDRESS: 'invalid_email',
  MALFORMED_ID: 'invalid_id',
  FIELD_INTEGRITY_EXCEPTION: 'invalid_id',
};

function words(error: SalesforceError, label: string, objectLabel: string): string {
  switch (error.errorCode) {
    case 'REQUIRED_FIELD_MISSING':
      return `Salesforce needs “${label}” to create the ${objectLabel}.`;
    case 'STRING_TOO_LONG': {
      const max = /max length=(\d+)/i.exec(error.message)?.[1];
      return max
        ? `“${label}” holds at most ${max} characters in Salesforce. Shorten it.`
        : `“${label}” is longer than Salesforce allows. Shorten it.`;
    }
    case 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST':
      return `Salesforce does not accept this value for “${label}”. Pick another one.`;
    case 'INVALID_EMAIL_ADDRESS':
      return `Salesforce does not accept this as an email address for “${label}”.`;
    case 'MALFORMED_ID':
    case 'FIELD_INTEGRITY_EXCEPTION':
      return `“${label}” must point to a record of the right kind; Salesforce did not accept this one.`;
    case 'INVALID_FIELD_FOR_INSERT_UPDATE':
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
    case 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY':
      return `The Salesforce user this account is connected with may not set “${label}”. Ask your license owner.`;
    case 'FIELD_CUSTOM_VALIDATION_EXCEPTION':
      return `A rule in your Salesforce org refused it: ${error.message}`;
    case 'DUPLICATES_DETECTED':
      return `Salesforce says this ${objectLabel} already exists: ${error.message}`;
    default:
      return `Salesforce refused the ${objectLabel}: ${error.message}`;
  }
}

/**
 * Salesforce's refusal of a record, in plain words for the agent, one problem per field it names (at
 * `values.<Field>`, where the widget shows it), or one for the whole record when it names none.
 */
export function refusalProblems(error: SalesforceError, meta: ObjectMetadata): Problem[] {
  const objectLabel = meta.label || meta.name;
  const code = codes[error.errorCode ?? ''] ?? 'invalid_value';
  if (error.fields.length === 0) {
    return [{ path: 'values', code, severity: 'error', message: words(error, objectLabel, objectLabel) }];
  }
  return error.fields.map((name) => {
    const field = findField(meta, name);
    return {
      path: `values.${field?.name ?? name}`,
      field: field?.name ?? name,
      code,
      severity: 'error',
      message: words(error, field?.label ?? name, objectLabel),
    };
  });
}
