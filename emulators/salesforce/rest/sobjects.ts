import { describeGlobal, describeGlobalEntry, describeObject } from '../describe';
import { invalidField } from '../errors';
import { findField } from '../metadata/define';
import { recordUrl, presentRecord } from '../records/present';
import { createRecord, deleteRecord, requireObject, requireRecord, updateRecord } from '../records/write';
import type { WriteContext } from '../records/write';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

/** 304 when the metadata has not changed since `If-Modified-Since` (to the second). */
function notModified(request: ApiRequest, lastModified: Date): ApiResponse | undefined {
  const header = request.headers['if-modified-since'];
  const since = header ? Date.parse(header) : Number.NaN;
  const changed = Math.floor(lastModified.getTime() / 1000) * 1000;
  if (!Number.isNaN(since) && changed <= since) {
    return { status: 304, headers: { 'Last-Modified': lastModified.toUTCString() } };
  }
  return undefined;
}

export function writeContext(ctx: ApiContext, request: ApiRequest): WriteContext {
  return {
    org: ctx.org,
    userId: ctx.session.userId,
    now: ctx.now,
    headers: request.headers,
    version: request.version,
  };
}

export function globalDescribe(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const times = [...ctx.org.objects.values()].map((o) => o.lastModified.getTime());
  const lastModified = new Date(Math.max(...times));
  return (
    notModified(request, lastModified) ?? {
      status: 200,
      body: describeGlobal(ctx.org, request.version),
      headers: { 'Last-Modified': lastModified.toUTCString() },
    }
  );
}

export function objectDescribe(ctx: ApiContext, request: ApiRequest, objectName: string): ApiResponse {
  const object = requireObject(ctx.org, objectName);
  return (
    notModified(request, object.lastModified) ?? {
      status: 200,
      body: describeObject(ctx.org, request.version, object),
      headers: { 'Last-Modified': object.lastModified.toUTCString() },
    }
  );
}

/** `GET /sobjects/{object}`: basic information and recently created records. */
export function objectBasicInfo(ctx: ApiContext, request: ApiRequest, objectName: string): ApiResponse {
  const object = requireObject(ctx.org, objectName);
  const nameField = object.fields.find((f) => f.nameField);
  const recentItems = ctx.org.store
    .all(object.name)
    .slice(-5)
    .reverse()
    .map((record) =>
      presentRecord(request.version, object, record, ['Id', ...(nameField ? [nameField.name] : [])]),
    );
  return { status: 200, body: { objectDescribe: describeGlobalEntry(request.version, object), recentItems } };
}

export function createOne(ctx: ApiContext, request: ApiRequest, objectName: string): ApiResponse {
  const id = createRecord(writeContext(ctx, request), objectName, request.body, request.rawBody);
  const object = requireObject(ctx.org, objectName);
  return {
    status: 201,
    body: { id, success: true, errors: [] },
    headers: { Location: recordUrl(request.version, object.name, id) },
  };
}

export function readOne(ctx: ApiContext, request: ApiRequest, objectName: string, id: string): ApiResponse {
  const object = requireObject(ctx.org, objectName);
  const record = requireRecord(ctx.org, object, id);
  const fieldsParam = request.query.get('fields');
  let fields: string[] | undefined;
  if (fieldsParam) {
    fields = fieldsParam
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = fields.find((f) => !findField(object, f));
    if (unknown) {
      throw invalidField(
        `No such column '${unknown}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
  }
  return { status: 200, body: presentRecord(request.version, object, record, fields) };
}

export function updateOne(ctx: ApiContext, request: ApiRequest, objectName: string, id: string): ApiResponse {
  updateRecord(writeContext(ctx, request), objectName, id, request.body, request.rawBody);
  return { status: 204 };
}

export function deleteOne(ctx: ApiContext, request: ApiRequest, objectName: string, id: string): ApiResponse {
  deleteRecord(writeContext(ctx, request), objectName, id);
  return { status: 204 };
}
