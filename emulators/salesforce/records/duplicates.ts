import { SalesforceError } from '../errors';
import type { Org } from '../org';
import { recordUrl } from './present';
import type { SfRecord } from './store';

/** The standard rules' names, as real orgs report them. */
export const duplicateRuleNames = {
  Lead: { duplicateRule: 'Standard_Lead_Duplicate_Rule', matchRule: 'Standard_Lead_Match_Rule_v1_0' },
  Contact: {
    duplicateRule: 'Standard_Contact_Duplicate_Rule',
    matchRule: 'Standard_Contact_Match_Rule_v1_1',
  },
} as const;

/** Live records of the same object whose Email equals this record's, case-insensitively. */
export function findDuplicates(org: Org, objectName: 'Lead' | 'Contact', record: SfRecord): SfRecord[] {
  const email = record.Email;
  if (typeof email !== 'string' || email === '') return [];
  const wanted = email.toLowerCase();
  return org.store
    .all(objectName)
    .filter(
      (other) =>
        other.Id !== record.Id && typeof other.Email === 'string' && other.Email.toLowerCase() === wanted,
    );
}

/** The 400 DUPLICATES_DETECTED error, with Salesforce's `duplicateResut` key (reference §8.4). */
export function duplicatesDetected(
  objectName: 'Lead' | 'Contact',
  matches: SfRecord[],
  allowSave: boolean,
  version: string,
): SalesforceError {
  const names = duplicateRuleNames[objectName];
  const message = 'Use one of these records?';
  return new SalesforceError(400, [
    {
      duplicateResut: {
        allowSave,
        duplicateRule: names.duplicateRule,
        duplicateRuleEntityType: objectName,
        errorMessage: message,
        matchResults: [
          {
            entityType: objectName,
            errors: [],
            matchEngine: 'ExactMatchEngine',
            matchRecords: matches.map((match) => ({
              additionalInformation: [],
              fieldDiffs: [],
              matchConfidence: 100.0,
              record: {
                attributes: { type: objectName, url: recordUrl(version, objectName, String(match.Id)) },
                Id: match.Id,
              },
            })),
            rule: names.matchRule,
            size: matches.length,
            success: true,
          },
        ],
      },
      errorCode: 'DUPLICATES_DETECTED',
      message,
    },
  ]);
}
