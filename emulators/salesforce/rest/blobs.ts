import { notFound } from '../errors';
import { findField } from '../metadata/define';
import { blobKey } from '../records/notes';
import { requireObject, requireRecord } from '../records/write';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

/**
 * `GET /sobjects/{object}/{id}/{blobField}`: a blob field's bytes, where a record's JSON points
 * (sObject Blob Retrieve, REST API Developer Guide:
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_blob_retrieve.htm),
 * sent as `application/octetstream`, as Salesforce spells it. Other fields are not a resource here.
 */
export function readBlob(
  ctx: ApiContext,
  _request: ApiRequest,
  objectName: string,
  id: string,
  fieldName: string,
): ApiResponse {
  const object = requireObject(ctx.org, objectName);
  const record = requireRecord(ctx.org, object, id);
  const field = findField(object, fieldName);
  const data = field?.type === 'base64' ? record[blobKey(field.name)] : undefined;
  if (typeof data !== 'string') throw notFound();
  return { status: 200, raw: { contentType: 'application/octetstream', data: Buffer.from(data, 'utf8') } };
}
