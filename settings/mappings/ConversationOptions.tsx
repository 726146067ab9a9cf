import { RadioButton, Text } from '@livechat/design-system-react-components';
import { conversationLogKinds } from '../../src/mapping/mapping';
import { logAsText } from './conversationText';
import { SwitchOption } from './MappingOptions';
import type { DraftOptions } from './useMappingDraft';

/** The conversation log's options: whether it runs after each chat, and as a Task or a Note. */
export function ConversationOptions({
  options,
  onChange,
}: {
  options: DraftOptions;
  onChange: (options: Partial<DraftOptions>) => void;
}) {
  const logAs = options.logAs ?? 'task';
  return (
    <div className="mapping-options">
      <SwitchOption
        testId="automation-switch"
        title="Log each conversation"
        description="After each chat ends, log it in Salesforce on the chat’s records."
        on={options.automation}
        onChange={(automation) => onChange({ automation })}
      />
      <fieldset className="mapping-option mapping-option--radios" data-testid="log-as" data-value={logAs}>
        <legend>
          <Text as="span" size="md" bold>
            Log the conversation
          </Text>
        </legend>
        {conversationLogKinds.map((kind) => (
          <RadioButton
            key={kind}
            checked={logAs === kind}
            onChange={() => onChange({ logAs: kind })}
            description={logAsText[kind].description}
            data-testid={`log-as-${kind}`}
          >
            {logAsText[kind].title}
          </RadioButton>
        ))}
      </fieldset>
    </div>
  );
}
