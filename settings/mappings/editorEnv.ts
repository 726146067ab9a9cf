import type { MappingsApi } from '../../ui/api/mappings';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';
import type { Describe } from './useDescribe';

/** What the field editors need from outside: the account, its API calls, and the chat-field catalogue. */
export interface EditorEnv {
  accountId: string;
  api: Pick<MappingsApi, 'lookupRecords'>;
  describe: Describe;
  chatFields: ChatFieldCatalogueState;
}
