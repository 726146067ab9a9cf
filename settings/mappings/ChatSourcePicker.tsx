import { Picker } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import { chatFieldFor, isChatSourceId, type ChatSourceId } from '../../src/chat/chatFields';
import { chatValueFit } from '../../src/mapping/sourceFit';
import type { FieldMetadata } from '../../src/salesforce/objectMetadata';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';
import { catalogueFields, chatSourceItem, chatSourceOptions } from './chatSourceOptions';
import { onPickerSelect } from './onPickerSelect';

interface Props {
  chatFields: ChatFieldCatalogueState;
  value: ChatSourceId | null;
  onChange: (source: ChatSourceId) => void;
  testId: string;
  error?: boolean;
  ariaLabel: string;
  /** The field the value goes into: values that cannot fit it are shown, greyed, with the reason. */
  field?: FieldMetadata;
}

/** A chat value, grouped by where it comes from: chat, visitor, agent, custom variables, forms. */
export function ChatSourcePicker({ chatFields, value, onChange, testId, error, ariaLabel, field }: Props) {
  const { catalogue } = chatFields;
  const options = useMemo(() => {
    const all = chatSourceOptions(catalogue, value);
    if (!field) return all;
    const known = catalogueFields(catalogue);
    return all.map((option) => {
      if (option.groupHeader || !isChatSourceId(option.key)) return option;
      const source = known.find((candidate) => candidate.id === option.key) ?? chatFieldFor(option.key);
      const fit = chatValueFit(field, source);
      if (fit.verdict === 'yes' || field.type === 'reference') return option;
      return {
        ...option,
        // A value already chosen stays choosable, so its problem is shown at the field, not hidden.
        disabled: fit.verdict === 'no' && option.key !== value,
        secondaryText: fit.short,
      };
    });
  }, [catalogue, value, field]);
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
