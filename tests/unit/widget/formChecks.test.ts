import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../src/api/widget';
import { checkForm, fieldLabel, toRequestValues } from '../../../widget/records/formChecks';

const owner = (found: { id: string; name: string } | null): FormField => ({
  name: 'OwnerId',
  label: 'Owner ID',
  type: 'reference',
  required: false,
  length: 18,
  scale: 0,
  picklistValues: [],
  restrictedPicklist: false,
  referenceTo: ['Group', 'User'],
  entryType: 'autoMatch',
  value: found?.id ?? null,
  autoMatch: { object: 'User', field: 'Email', searchedFor: 'nora@example.com', found },
  lookup: { objects: [{ name: 'User', label: 'User' }], record: found && { ...found, object: 'User' } },
});

describe('the Create form’s reference fields', () => {
  it('are named as Salesforce’s pages name lookups, without “ID”', () => {
    expect(fieldLabel(owner(null))).toBe('Owner');
    expect(fieldLabel({ label: 'Related To ID', type: 'reference' })).toBe('Related To');
    expect(fieldLabel({ label: 'Order ID', type: 'string' })).toBe('Order ID');
  });

  it('send the record picked, leave an auto-match that found nothing to the server, and send one cleared as empty', () => {
    const nora = { id: '005000000000001AAA', name: 'Nora Agent' };
    expect(toRequestValues([owner(null)], { OwnerId: null })).toEqual({});
    expect(toRequestValues([owner(null)], { OwnerId: nora.id })).toEqual({ OwnerId: nora.id });
    expect(toRequestValues([owner(nora)], { OwnerId: null })).toEqual({ OwnerId: null });
  });

  it('ask for a record from the list when a value is not a record id', () => {
    expect(checkForm([owner(null)], { OwnerId: 'Nora' })).toEqual({
      OwnerId: 'Choose a record from the list, or clear the field.',
    });
  });
});
