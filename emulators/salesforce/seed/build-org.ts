import { chatTranscriptObject } from '../metadata/custom-objects';
import { standardObjects } from '../metadata/standard-objects';
import type { ObjectDef } from '../metadata/types';
import type { Org, OrgSettings } from '../org';
import { deriveFields } from '../records/derive';
import { RecordStore } from '../records/store';
import type { SfRecord } from '../records/store';
import type { OrgSeed } from './types';

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

/** Builds a live org from its seed: metadata, users, records and settings. */
export function buildOrg(seed: OrgSeed): Org {
  const createdAt = new Date(seed.createdAt);
  const objects = [
    ...standardObjects(createdAt),
    chatTranscriptObject(createdAt),
    ...(seed.extraObjects?.(createdAt) ?? []),
  ];
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
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
    seedRecord(store, object, entry.fields, at, firstUser.Id);
  });
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
