import type { ObjectDef } from '../metadata/types';
import type { SfRecord } from './store';

export const recordUrl = (version: string, objectName: string, id: string) =>
  `/services/data/v${version}/sobjects/${objectName}/${id}`;

export const recordAttributes = (version: string, objectName: string, id: string) => ({
  type: objectName,
  url: recordUrl(version, objectName, id),
});

/** A record as `GET /sobjects/{object}/{id}` answers it: attributes, then every field (or the chosen ones). */
export function presentRecord(
  version: string,
  object: ObjectDef,
  record: SfRecord,
  fieldNames?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: recordAttributes(version, object.name, String(record.Id)),
  };
  const fields = fieldNames
    ? object.fields.filter((f) => fieldNames.some((n) => n.toLowerCase() === f.name.toLowerCase()))
    : object.fields;
  for (const field of fields) out[field.name] = record[field.name] ?? null;
  return out;
}
