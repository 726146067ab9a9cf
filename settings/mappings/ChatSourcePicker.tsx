import { Picker } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import { isChatSourceId, type ChatSourceId } from '../../src/chat/chatFields';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';
import { chatSourceItem, chatSourceOptions } from './chatSourceOptions';
import { onPickerSelect } from './onPickerSelect';

interface Props {
  chatFields: ChatFieldCatalogueState;
  value: ChatSourceId | null;
  onChange: (source: ChatSourceId) => void;
  testId: string;
  error?: boolean;
  ariaLabel: string;
}

/** A chat value, grouped by where it comes from: chat, visitor, agent, custom variables, forms. */
export function ChatSourcePicker({ chatFields, value, onChange, testId, error, ariaLabel }: Props) {
  const { catalogue } = chatFields;
  const options = useMemo(() => chatSourceOptions(catalogue, value), [catalogue, value]);
  return (
    <Picker
      data-testid={testId}
      options={options}
      selected={chatSourceItem(catalogue, value)}
      onSelect={onPickerSelect((items) => {
        const key = items?.[0]?.key;
        if (key && isChatSourceId(key)) onChange(key);
      })}
      placeholder="Choose a chat value"
      noSearchResultText="No chat value matches"
      hideClearButton
      error={error}
      maxListHeight={340}
      inputProps={{ 'aria-label': ariaLabel }}
    />
  );
}
