import type { MappingsApi } from '../../ui/api/mappings';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';

/** What the field editors need from outside: the account, its API calls, and the chat-field catalogue. */
export interface EditorEnv {
  accountId: string;
  api: Pick<MappingsApi, 'lookupRecords' | 'describeObject'>;
  chatFields: ChatFieldCatalogueState;
}
