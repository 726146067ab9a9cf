import { formatDateTime } from '../format';
import type { ObjectDef } from '../metadata/types';
import type { RecordStore, SfRecord } from './store';

/** Fills the fields Salesforce computes on save: compound names, auto-numbers, closed flags. */
export function deriveFields(
  object: ObjectDef,
  record: SfRecord,
  store: RecordStore,
  isNew: boolean,
  now: Date,
) {
  const rule = object.nameRule;
  if (rule.kind === 'person') {
    const parts = [record.FirstName, record.LastName].filter((p) => typeof p === 'string' && p !== '');
    record.Name = parts.join(' ');
  }
  if (rule.kind === 'autoNumber' && isNew) {
    const autoField = object.fields.find((f) => f.autoNumber);
    if (autoField) record[autoField.name] = formatAutoNumber(rule.format, store.nextAutoNumber(object.name));
  }
  if (object.name === 'Case') {
    const closed = record.Status === 'Closed';
    if (closed && record.IsClosed !== true) record.ClosedDate = formatDateTime(now);
    if (!closed) record.ClosedDate = null;
    record.IsClosed = closed;
  }
  if (object.name === 'Task') record.IsClosed = record.Status === 'Completed';
  if (object.name === 'Opportunity') {
    record.IsClosed = record.StageName === 'Closed Won' || record.StageName === 'Closed Lost';
    record.IsWon = record.StageName === 'Closed Won';
  }
}

/** `CT-{00000}` with 7 gives `CT-00007`. */
export function formatAutoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
}
