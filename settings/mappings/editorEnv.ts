import type { SavedMapping } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';

/**
 * What the field editors need from outside: the account, its API calls, the chat-field catalogue, and
 * the account's saved mappings (whose records of a chat a lookup field can take).
 */
export interface EditorEnv {
  accountId: string;
  api: Pick<MappingsApi, 'lookupRecords' | 'describeObject'>;
  chatFields: ChatFieldCatalogueState;
  mappings: readonly SavedMapping[];
}
