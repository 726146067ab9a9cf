import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import type { SavedMapping } from '../../../src/api/mappings';
import type { FormValue, RelatedResponse } from '../../../src/api/widget';
import type { Mapping } from '../../../src/mapping/mapping';
import { startWorld, type World } from '../../support/world';
import {
  chatWith,
  demoAccountId,
  demoOrgId,
  john,
  maria,
  mappingIdOf,
  nora,
  owner,
  zoe,
  closeAfterAndResetBeforeEach,
} from './support';

/**
 * Issue 16, "records worth seeing": each mapped object's record cards show the key fields the owner
 * chose (or the object's defaults), lookups by the name of their record, read in the same one search.
 */

let world: World;
let demoOrg: string;
let demoAccount: string;
let contactMapping: string;
let leadMapping: string;

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  demoOrg = demoOrgId(world);
  demoAccount = await demoAccountId(world);
  contactMapping = await mappingIdOf(world, demoAccount, 'Contact');
  leadMapping = await mappingIdOf(world, demoAccount, 'Lead');
}, 120_000);

closeAfterAndResetBeforeEach(() => world);

const ownerToken = () => world.tokenFor(owner.email);

const related = (chatId: string) =>
  world.call(world.tokenFor(nora.email), endpoints.related, { query: { chatId } });

const cardsOf = (body: RelatedResponse, objectName: string) =>
  body.accounts[0]!.objects.find((o) => o.objectName === objectName)!.records.map((r) => ({
    name: r.name,
    fields: r.fields.map((f) => [f.label, f.value]),
  }));

async function savedMapping(mappingId: string): Promise<SavedMapping> {
  return world.call(ownerToken(), endpoints.getMapping, { params: { mappingId } });
}

/** A saved mapping as the API takes it back (without its id, account and times). */
async function mappingOf(mappingId: string): Promise<Mapping> {
  const {
    id: _i,
    accountId: _a,
    objectLabel: _o,
    createdAt: _c,
    updatedAt: _u,
    ...mapping
  } = await savedMapping(mappingId);
  return mapping;
}

/** Saves the mapping with other key fields (undefined: back to the object's defaults). */
async function chooseCardFields(mappingId: string, cardFields: string[] | undefined): Promise<SavedMapping> {
  const { cardFields: _old, ...rest } = await mappingOf(mappingId);
  const mapping: Mapping = cardFields ? { ...rest, cardFields } : rest;
  return world.call(ownerToken(), endpoints.updateMapping, { params: { mappingId }, body: mapping });
}

describe('record cards in the widget', () => {
  it('shows a Contact with its Account’s name, Phone and Title by default, in the one search', async () => {
    expect((await savedMapping(contactMapping)).cardFields).toBeUndefined();
    const body = await related(chatWith(world, john));
    expect(cardsOf(body, 'Contact')).toEqual([
      {
        name: 'John Smith',
        fields: [
          ['Account', 'Acme Corporation'],
          ['Business Phone', john.phone],
          ['Title', 'IT Director'],
        ],
      },
    ]);
    expect(world.salesforce.admin.callCount(demoOrg, { kind: 'search' })).toBe(1);
  });

  it('shows a changed choice of fields at once, not the cached answer without them', async () => {
    const chatId = chatWith(world, john);
    await related(chatId);
    try {
      const saved = await chooseCardFields(contactMapping, ['Title', 'Department', 'OwnerId', 'Fax']);
      expect(saved.cardFields).toEqual(['Title', 'Department', 'OwnerId', 'Fax']);
      world.salesforce.admin.clearCalls();

      const body = await related(chatId);
      // Fax is empty on John's record, so it is left out.
      expect(cardsOf(body, 'Contact')[0]!.fields).toEqual([
        ['Title', 'IT Director'],
        ['Department', 'IT'],
        ['Owner', 'Nora Agent'],
      ]);
      expect(world.salesforce.admin.callCount(demoOrg, { kind: 'search' })).toBe(1);
    } finally {
      await chooseCardFields(contactMapping, undefined);
    }
  });

  it('reads a polymorphic owner (a Lead’s User or queue) by its name', async () => {
    try {
      await chooseCardFields(leadMapping, ['OwnerId', 'Status', 'LeadSource']);
      const body = await related(chatWith(world, maria));
      expect(cardsOf(body, 'Lead')).toEqual([
        {
          name: 'Maria Garcia',
          fields: [
            ['Owner', 'Sally Sales'],
            ['Status', 'Working - Contacted'],
            ['Lead Source', 'Web'],
          ],
        },
      ]);
    } finally {
      await chooseCardFields(leadMapping, undefined);
    }
  });

  it('gives a freshly created record its key fields at once, read back in the same one call', async () => {
    const chatId = chatWith(world, zoe);
    try {
      await chooseCardFields(leadMapping, ['Status', 'Company', 'OwnerId']);
      const form = await world.call(world.tokenFor(nora.email), endpoints.forms, {
        query: { chatId, mappingId: leadMapping },
      });
      const values: Record<string, FormValue> = Object.fromEntries(
        form.accounts[0]!.forms[0]!.fields.map((f) => [f.name, f.value]),
      );
      world.salesforce.admin.clearCalls();
      const created = await world.call(world.tokenFor(nora.email), endpoints.createRecord, {
        body: { chatId, mappingId: leadMapping, values: { ...values, Company: 'Initech GmbH' } },
      });
      expect(created.outcome).toBe('created');
      // Status was not sent: it is the org's default, as Salesforce set it; the owner is auto-matched.
      expect(created.record.fields.map((f) => [f.label, f.value])).toEqual([
        ['Status', 'Open - Not Contacted'],
        ['Company', 'Initech GmbH'],
        ['Owner', 'Nora Agent'],
      ]);
      expect(world.salesforce.admin.callCount(demoOrg)).toBe(1);
      expect(world.salesforce.admin.calls(demoOrg)[0]!.kind).toBe('composite');
    } finally {
      await chooseCardFields(leadMapping, undefined);
    }
  });
});

describe('choosing the key fields in a mapping', () => {
  it('keeps a mapping saved without a choice on the object’s defaults', async () => {
    const { cardFields: _c, ...withoutChoice } = await savedMapping(contactMapping);
    expect(withoutChoice).not.toHaveProperty('cardFields');
    const body = await related(chatWith(world, john));
    expect(cardsOf(body, 'Contact')[0]!.fields.map(([label]) => label)).toEqual([
      'Account',
      'Business Phone',
      'Title',
    ]);
  });

  it('refuses unknown fields and too many, saying so at the field', async () => {
    const mapping = await mappingOf(contactMapping);
    const put = (cardFields: string[]) =>
      world.api(ownerToken(), `/api/settings/mappings/${contactMapping}`, {
        method: 'PUT',
        body: { ...mapping, cardFields },
      });

    const unknown = await put(['Title', 'Titel', 'title']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.problems).toEqual([
      expect.objectContaining({
        path: 'cardFields.1',
        code: 'card_field_unknown',
        message:
          'Contact has no field Titel to show agents; it may have been deleted or renamed in Salesforce.',
      }),
      expect.objectContaining({ path: 'cardFields.2', code: 'card_field_unknown' }),
    ]);
    expect(unknown.body.error.details.problems[1].message).toContain('Did you mean Title?');

    const tooMany = await put(['Title', 'Phone', 'Fax', 'Department', 'Email', 'MobilePhone']);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body.error)).toContain('at most 5 fields');
    expect((await savedMapping(contactMapping)).cardFields).toBeUndefined();
  });
});
