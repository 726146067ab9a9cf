import { makeId, normaliseId } from '../ids';

export type FieldValue = string | number | boolean | null;
/** A stored record: every field of its object by canonical name, `null` when empty. */
export type SfRecord = Record<string, FieldValue>;

interface StoreData {
  /** object name → record id → record */
  tables: Record<string, Record<string, SfRecord>>;
  sequence: number;
  autoNumbers: Record<string, number>;
}

export type StoreSnapshot = StoreData;

/** The records of one org, with ids from a deterministic sequence and snapshots for rollback. */
export class RecordStore {
  private data: StoreData;

  constructor(
    private readonly pod: string,
    firstSequence: number,
  ) {
    this.data = { tables: {}, sequence: firstSequence, autoNumbers: {} };
  }

  nextId(keyPrefix: string): string {
    this.data.sequence += 1;
    return makeId(keyPrefix, this.pod, this.data.sequence);
  }

  nextAutoNumber(objectName: string): number {
    const next = (this.data.autoNumbers[objectName] ?? 0) + 1;
    this.data.autoNumbers[objectName] = next;
    return next;
  }

  insert(objectName: string, record: SfRecord): void {
    const id = record.Id;
    if (typeof id !== 'string') throw new Error('record without Id');
    const table = (this.data.tables[objectName] ??= {});
    table[id] = record;
  }

  /** The record with this id (15 or 18 characters) in `objectName`, deleted ones included. */
  get(objectName: string, id: string): SfRecord | undefined {
    const full = normaliseId(id);
    if (!full) return undefined;
    return this.data.tables[objectName]?.[full];
  }

  /** The record with this id in any object. */
  find(id: string): { objectName: string; record: SfRecord } | undefined {
    const full = normaliseId(id);
    if (!full) return undefined;
    for (const [objectName, table] of Object.entries(this.data.tables)) {
      const record = table[full];
      if (record) return { objectName, record };
    }
    return undefined;
  }

  /** Every record of an object, in insertion order; deleted ones only when asked. */
  all(objectName: string, includeDeleted = false): SfRecord[] {
    const records = Object.values(this.data.tables[objectName] ?? {});
    return includeDeleted ? records : records.filter((r) => r.IsDeleted !== true);
  }

  snapshot(): StoreSnapshot {
    return structuredClone(this.data);
  }

  restore(snapshot: StoreSnapshot): void {
    this.data = structuredClone(snapshot);
  }
}
