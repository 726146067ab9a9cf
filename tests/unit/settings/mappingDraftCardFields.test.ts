import { describe, expect, it } from 'vitest';
import {
  draftOf,
  newDraft,
  placeProblems,
  toMapping,
  withCardFields,
} from '../../../settings/mappings/draft';
import { buildMapping } from '../../support/factories/mapping';
import { buildLeadMetadata } from '../../support/factories/salesforceMetadata';

const lead = buildLeadMetadata();

describe('the key fields in the mapping editor', () => {
  it('start from the object’s defaults for a new mapping and for one saved without a choice', () => {
    expect(newDraft(lead).cardFields).toEqual(['Status', 'Company']);
    const old = draftOf(buildMapping());
    expect(old.cardFields).toBeUndefined();
    expect(withCardFields(old, lead).cardFields).toEqual(['Status', 'Company']);
  });

  it('keep a saved choice, and are saved with the mapping', () => {
    const draft = withCardFields(draftOf(buildMapping({ cardFields: ['Email'] })), lead);
    expect(draft.cardFields).toEqual(['Email']);
    expect(toMapping(draft)?.cardFields).toEqual(['Email']);
  });

  it('show their problems beside the picker, not above Save', () => {
    const placed = placeProblems(
      [
        { path: 'cardFields', code: 'too_many_card_fields', severity: 'error', message: 'too many' },
        { path: 'cardFields.2', field: 'Nope', code: 'card_field_unknown', severity: 'error', message: 'no' },
      ],
      draftOf(buildMapping()),
    );
    expect(placed.cardFields.map((p) => p.path)).toEqual(['cardFields', 'cardFields.2']);
    expect(placed.general).toEqual([]);
  });
});
