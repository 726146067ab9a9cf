import { endpoints as e } from '../../src/api/endpoints';
import type { DeclareChatFieldRequest } from '../../src/api/mappings';
import type { Mapping } from '../../src/mapping/mapping';
import type { Call } from './http';

/**
 * The object-mapping endpoints of the settings API, one small function each, calling their entries
 * of the contract. Wire it with the same `Call` as the main client (`api.mappings`).
 */
export function createMappingsApi(call: Call) {
  return {
    listObjects: (id: string) => call(e.listObjects, { params: { id } }).then((r) => r.objects),
    describeObject: (id: string, objectName: string) =>
      call(e.describeObject, { params: { id, objectName } }).then((r) => r.object),
    recordTypePicklists: (id: string, objectName: string, recordTypeId: string) =>
      call(e.recordTypePicklists, { params: { id, objectName, recordTypeId } }),
    lookupRecords: (id: string, object: string, q: string) =>
      call(e.lookupRecords, { params: { id }, query: { object, q } }).then((r) => r.records),

    listMappings: (id: string) => call(e.listMappings, { params: { id } }).then((r) => r.mappings),
    createMapping: (id: string, mapping: Mapping) => call(e.createMapping, { params: { id }, body: mapping }),
    updateMapping: (mappingId: string, mapping: Mapping) =>
      call(e.updateMapping, { params: { mappingId }, body: mapping }),
    deleteMapping: (mappingId: string) => call(e.deleteMapping, { params: { mappingId } }),

    getChatFields: () => call(e.getChatFields),
    scanChatFields: () => call(e.scanChatFields),
    declareChatField: (body: DeclareChatFieldRequest) => call(e.declareChatField, { body }),
    removeDeclaredChatField: (id: string) => call(e.removeDeclaredChatField, { params: { id } }),
    listRecentChats: () => call(e.listRecentChats).then((r) => r.chats),
    previewMapping: (id: string, mapping: Mapping, chatId: string) =>
      call(e.previewMapping, { params: { id }, body: { mapping, chatId } }),
  };
}

export type MappingsApi = ReturnType<typeof createMappingsApi>;
