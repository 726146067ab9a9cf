import type { SalesforceError } from '../salesforce/salesforceError';

/** Salesforce's refusal of a record, in words an owner can act on. */
export function salesforceErrorInWords(error: SalesforceError, objectLabel: string): string {
  const fields = error.fields.length ? error.fields.join(', ') : '';
  switch (error.errorCode) {
    case 'REQUIRED_FIELD_MISSING':
      return `Salesforce needs ${fields || 'a required field'} to create the ${objectLabel}, and this chat did not provide it.`;
    case 'INVALID_FIELD':
    case 'INVALID_FIELD_FOR_INSERT_UPDATE':
      return `The mapping uses ${fields || 'a field'} that the ${objectLabel} object no longer has or that cannot be set. Edit the mapping. (${error.message})`;
    case 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST':
      return `${fields || 'A picklist'} does not accept that value in your org. Edit the mapping. (${error.message})`;
    case 'STRING_TOO_LONG':
      return `${fields || 'A text value'} is longer than the field allows. (${error.message})`;
    case 'FIELD_CUSTOM_VALIDATION_EXCEPTION':
      return `A validation rule in your org refused the ${objectLabel}: ${error.message}`;
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
    case 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY':
      return `The Salesforce user who connected the account may not create this ${objectLabel}. (${error.message})`;
    case 'DUPLICATES_DETECTED':
      return `A duplicate rule in your org blocked the ${objectLabel}: ${error.message}`;
    default:
      return `Salesforce refused the ${objectLabel}: ${error.message}`;
  }
}
