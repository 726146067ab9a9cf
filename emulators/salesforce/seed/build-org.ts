import { parseDateTime } from '../format';
import { contentObjects } from '../metadata/content-objects';
import { chatTranscriptObject } from '../metadata/custom-objects';
import { lookup } from '../metadata/fields';
import { standardObjects } from '../metadata/standard-objects';
import type { ObjectDef, RecordTypeDef } from '../metadata/types';
import { deriveNote } from '../records/notes';
import type { Org, OrgSettings } from '../org';
import { deriveFields } from '../records/derive';
import { RecordStore } from '../records/store';
import type { SfRecord } from '../records/store';
import type { OrgSeed, RecordTypeSeed } from './types';

/** Runtime-created records start here so they never collide with seeded ids. */
const FIRST_RUNTIME_SEQUENCE = 1_000_000;

export const defaultOrgSettings = (): OrgSettings => ({
  dailyApiLimit: 15_000,
  sessionTimeoutMs: 2 * 60 * 60 * 1000,
  refreshTokenRotation: false,
  leadAssignmentOwnerId: null,
  caseAssignmentOwnerId: null,
  duplicateRules: { Lead: 'alert', Contact: 'alert' },
});

function seedRecord(
  store: RecordStore,
  object: ObjectDef,
  fields: Record<string, unknown>,
  createdAt: string,
  by: string,
) {
  const record: SfRecord = {};
  for (const field of object.fields) record[field.name] = field.defaultValue;
  Object.assign(record, {
    IsDeleted: false,
    CreatedDate: createdAt,
    LastModifiedDate: createdAt,
    SystemModstamp: createdAt,
    CreatedById: by,
    LastModifiedById: by,
  });
  if ('OwnerId' in record) record.OwnerId = by;
  for (const [key, value] of Object.entries(fields)) {
    const field = object.fields.find((f) => f.name === key);
    if (!field) throw new Error(`seed: no field ${object.name}.${key}`);
    record[field.name] = value as SfRecord[string];
  }
  deriveFields(object, record, store, true, new Date(createdAt));
  store.insert(object.name, record);
}

/** Gives objects their custom fields and record types (and with them a `RecordTypeId` field). */
function extendObjects(byName: Map<string, ObjectDef>, seed: OrgSeed): void {
  for (const [objectName, fields] of Object.entries(seed.extraFields ?? {})) {
    const object = byName.get(objectName.toLowerCase());
    if (!object) throw new Error(`seed: no object ${objectName}`);
    object.fields = [...object.fields, ...structuredClone(fields)];
  }
  const byObject = new Map<string, RecordTypeSeed[]>();
  for (const rt of seed.recordTypes ?? []) byObject.set(rt.object, [...(byObject.get(rt.object) ?? []), rt]);
  for (const [objectName, seeds] of byObject) {
    const object = byName.get(objectName.toLowerCase());
    if (!object) throw new Error(`seed: no object ${objectName}`);
    object.recordTypes = seeds.map((rt): RecordTypeDef => ({
      id: rt.Id,
      name: rt.name,
      developerName: rt.developerName,
      description: rt.description ?? null,
      active: rt.active ?? true,
      available: rt.available ?? true,
      defaultRecordTypeMapping: rt.isDefault ?? false,
      picklists: structuredClone(rt.picklists ?? {}),
    }));
    // RecordTypeId comes right after the audit fields, as describe lists it.
    const at = object.fields.findIndex((f) => f.name === 'SystemModstamp') + 1;
    object.fields.splice(at, 0, lookup('RecordTypeId', 'Record Type ID', ['RecordType'], 'RecordType'));
  }
}

/** Builds a live org from its seed: metadata, users, records and settings. */
export function buildOrg(seed: OrgSeed): Org {
  const createdAt = new Date(seed.createdAt);
  const objects = [
    ...standardObjects(createdAt),
    chatTranscriptObject(createdAt),
    ...contentObjects(createdAt),
    ...(seed.extraObjects?.(createdAt) ?? []),
  ];
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  extendObjects(byName, seed);
  const store = new RecordStore(seed.pod, FIRST_RUNTIME_SEQUENCE);
  const firstUser = seed.users[0];
  if (!firstUser) throw new Error(`seed: org ${seed.name} has no users`);
  const userObject = byName.get('user') as ObjectDef;
  const base = createdAt.getTime();
  seed.users.forEach((user, index) => {
    const at = new Date(base + index * 60_000).toISOString().replace('Z', '+0000');
    seedRecord(
      store,
      userObject,
      {
        Alias: (user.FirstName.charAt(0) + user.LastName).slice(0, 8).toLowerCase(),
        CommunityNickname: user.Username.split('@')[0] ?? user.Username,
        TimeZoneSidKey: 'Europe/Paris',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        CompanyName: seed.name,
        UserType: 'Standard',
        IsActive: true,
        ...user,
      },
      at,
      firstUser.Id,
    );
  });
  seedRecord(
    store,
    byName.get('organization') as ObjectDef,
    { Id: seed.id, Name: seed.name, IsSandbox: seed.isSandbox },
    createdAt.toISOString().replace('Z', '+0000'),
    firstUser.Id,
  );
  seed.records.forEach((entry, index) => {
    const object = byName.get(entry.object.toLowerCase());
    if (!object) throw new Error(`seed: no object ${entry.object}`);
    const at = new Date(base + (seed.users.length + index) * 3_600_000).toISOString().replace('Z', '+0000');
    const defaultType = object.recordTypes?.find((rt) => rt.defaultRecordTypeMapping);
    const fields =
      defaultType && !('RecordTypeId' in entry.fields)
        ? { ...entry.fields, RecordTypeId: defaultType.id }
        : entry.fields;
    seedRecord(store, object, fields, at, firstUser.Id);
  });
  for (const object of byName.values()) {
    for (const rt of object.recordTypes ?? []) {
      seedRecord(
        store,
        byName.get('recordtype') as ObjectDef,
        {
          Id: rt.id,
          Name: rt.name,
          DeveloperName: rt.developerName,
          Description: rt.description,
          SobjectType: object.name,
          IsActive: rt.active,
        },
        createdAt.toISOString().replace('Z', '+0000'),
        firstUser.Id,
      );
    }
  }
  seedNotes(store, byName, createdAt);
  return {
    id: seed.id,
    name: seed.name,
    myDomain: seed.myDomain,
    isSandbox: seed.isSandbox,
    pod: seed.pod,
    objects: byName,
    store,
    settings: { ...defaultOrgSettings(), ...structuredClone(seed.settings) },
    apiUsage: 0,
    calls: [],
    cursors: new Map(),
    cursorSequence: 0,
  };
}

/**
 * Seeded notes get what a save computes (their HTML taken as given, already in Salesforce's form) and
 * their ContentDocument; seeds link them to records with ContentDocumentLink records of their own.
 */
function seedNotes(store: RecordStore, byName: Map<string, ObjectDef>, createdAt: Date): void {
  const documentObject = byName.get('contentdocument') as ObjectDef;
  for (const note of store.all('ContentNote')) {
    const html = typeof note.Content === 'string' ? Buffer.from(note.Content, 'base64').toString('utf8') : '';
    deriveNote(note, html, '62.0', parseDateTime(String(note.CreatedDate)) ?? createdAt);
    const document: SfRecord = {};
    for (const field of documentObject.fields) document[field.name] = note[field.name] ?? field.defaultValue;
    store.insert(documentObject.name, document);
  }
}
