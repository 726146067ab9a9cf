import { widgetEndpoints as e } from '../../src/api/widgetEndpoints';
import type { AttachTranscriptRequest, CreateRecordRequest, CreateSetRequest } from '../../src/api/widget';
import type { Call } from './http';

/** The Chat Details widget's endpoints, one small function each (`api.widget` on the main client). */
export function createWidgetApi(call: Call) {
  return {
    related: (chatId: string, options: { refresh?: boolean; threadId?: string | undefined } = {}) =>
      call(e.related, {
        query: {
          chatId,
          ...(options.threadId !== undefined && { threadId: options.threadId }),
          ...(options.refresh && { refresh: '1' as const }),
        },
      }),
    form: (chatId: string, mappingId: string, threadId?: string) =>
      call(e.forms, { query: { chatId, mappingId, ...(threadId !== undefined && { threadId }) } }),
    lookup: (accountId: string, object: string, q: string) =>
      call(e.widgetLookup, { query: { accountId, object, q } }).then((r) => r.records),
    createRecord: (body: CreateRecordRequest) => call(e.createRecord, { body }),
    chatSet: (chatId: string, threadId?: string) =>
      call(e.chatSet, { query: { chatId, ...(threadId !== undefined && { threadId }) } }),
    createSet: (body: CreateSetRequest) => call(e.createSet, { body }),
    attachTranscript: (body: AttachTranscriptRequest) => call(e.attachTranscript, { body }),
  };
}

export type WidgetApi = ReturnType<typeof createWidgetApi>;
