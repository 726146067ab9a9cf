import { SalesforceError, invalidQueryLocator, malformedQuery } from '../errors';
import { makeId } from '../ids';
import type { QueryCursor } from '../org';
import { runSoql } from '../soql/run';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;

/** `Sforce-Query-Options: batchSize=N`: 200..2000, default 2000 (not guaranteed, as Salesforce says). */
function batchSizeOf(request: ApiRequest): number {
  const header = request.headers['sforce-query-options'];
  const match = header ? /batchSize\s*=\s*(\d+)/i.exec(header) : null;
  if (!match?.[1]) return DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}

function page(
  ctx: ApiContext,
  request: ApiRequest,
  cursorId: string,
  cursor: QueryCursor,
  offset: number,
): ApiResponse {
  const end = offset + cursor.batchSize;
  const records = cursor.records.slice(offset, end);
  const done = end >= cursor.records.length;
  if (done) ctx.org.cursors.delete(cursorId);
  return {
    status: 200,
    body: {
      totalSize: cursor.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${request.version}/query/${cursorId}-${end}` }),
      records,
    },
  };
}

/** `GET /query?q=` and `/queryAll?q=`: the first page, and a cursor when there are more. */
export function query(ctx: ApiContext, request: ApiRequest, includeDeleted: boolean): ApiResponse {
  const q = request.query.get('q');
  if (q === null) {
    throw new SalesforceError(400, [
      { errorCode: 'MALFORMED_QUERY', message: 'A query string has to be specified' },
    ]);
  }
  if (q.trim() === '') throw malformedQuery("unexpected token: '<EOF>'");
  const result = runSoql({ org: ctx.org, version: request.version, now: ctx.now, source: q }, includeDeleted);
  const batchSize = batchSizeOf(request);
  if (result.records.length <= batchSize) {
    return { status: 200, body: { totalSize: result.totalSize, done: true, records: result.records } };
  }
  ctx.org.cursorSequence += 1;
  const cursorId = makeId('01g', ctx.org.pod, ctx.org.cursorSequence);
  const cursor: QueryCursor = { records: result.records, totalSize: result.totalSize, batchSize };
  ctx.org.cursors.set(cursorId, cursor);
  return page(ctx, request, cursorId, cursor, 0);
}

/** `GET /query/{cursor}-{offset}`: the next page (queryAll cursors are served here too). */
export function queryMore(ctx: ApiContext, request: ApiRequest, locator: string): ApiResponse {
  const match = /^([A-Za-z0-9]{15,18})-(\d+)$/.exec(locator);
  const cursor = match?.[1] ? ctx.org.cursors.get(match[1]) : undefined;
  if (!match?.[1] || !cursor) throw invalidQueryLocator();
  return page(ctx, request, match[1], cursor, Number(match[2]));
}
