import {
  Alert,
  Button,
  FormField,
  Input,
  Modal,
  Picker,
  RadioButton,
  Text,
  type IPickerListItem,
} from '@livechat/design-system-react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { declareChatFieldRequestSchema, type ChatFieldCatalogue } from '../../src/api/mappings';
import {
  chatValueKinds,
  discoveredChatSourceKinds,
  type ChatValueKind,
  type DiscoveredChatSourceKind,
} from '../../src/chat/chatFields';
import type { MappingsApi } from '../../ui/api/mappings';
import { queryKeys } from '../../ui/query/keys';
import { onPickerSelect } from '../mappings/onPickerSelect';
import { useFormMutation } from '../useFormMutation';
import { sourceKindLabels, valueKindLabels } from './chatFieldText';

const kindHelp: Record<DiscoveredChatSourceKind, { description: string; nameLabel: string; hint: string }> = {
  customVariable: {
    description: 'A value your website gives the chat (set_session_variables), e.g. a plan or order id.',
    nameLabel: 'Variable name',
    hint: 'Exactly as your website sets it, e.g. customer_id.',
  },
  prechat: {
    description: 'A question visitors answer before the chat starts.',
    nameLabel: 'Question label',
    hint: 'Exactly as the form shows it, e.g. Company.',
  },
  postchat: {
    description: 'A question visitors answer after the chat ends.',
    nameLabel: 'Question label',
    hint: 'Exactly as the form shows it, e.g. How did you find us?',
  },
};

const NOT_SAID = 'unsaid';

function valueKindOptions(kind: DiscoveredChatSourceKind): IPickerListItem[] {
  return [
    { key: NOT_SAID, name: 'Not sure (text, or what chats show)' },
    ...chatValueKinds
      // A custom variable holds one text value (LiveChat's session fields are strings).
      .filter((k) => !(kind === 'customVariable' && k === 'list'))
      .map((k) => ({ key: k, name: valueKindLabels[k] })),
  ];
}

/** Declares a custom variable or form field before any chat has it, so that it can be mapped today. */
export function DeclareChatFieldModal({
  api,
  onClose,
  onDeclared,
}: {
  api: Pick<MappingsApi, 'declareChatField'>;
  onClose: () => void;
  onDeclared: (name: string) => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DiscoveredChatSourceKind>('prechat');
  const [name, setName] = useState('');
  const [valueKind, setValueKind] = useState<ChatValueKind | null>(null);
  const declare = useFormMutation({
    schema: declareChatFieldRequestSchema,
    fields: ['kind', 'name', 'valueKind'],
    mutationFn: (body) => api.declareChatField(body),
    onSuccess: (catalogue: ChatFieldCatalogue) => {
      queryClient.setQueryData(queryKeys.chatFields, catalogue);
      onDeclared(name);
    },
  });
  const { kind: kindError, name: nameError, valueKind: valueKindError, '': problem } = declare.problems;
  const help = kindHelp[kind];
  const options = valueKindOptions(kind);

  function save(event?: FormEvent) {
    event?.preventDefault();
    declare.submit({ kind, name, valueKind });
  }

  return (
    <Modal
      heading="Declare a chat field"
      onClose={onClose}
      data-testid="declare-chat-field-modal"
      className="settings-modal"
      footer={
        <div className="modal-footer">
          <Button kind="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            kind="primary"
            onClick={() => save()}
            loading={declare.isPending}
            data-testid="declare-chat-field-save"
          >
            Declare field
          </Button>
        </div>
      }
    >
      <form className="modal-form" onSubmit={save} noValidate>
        {problem && <Alert kind="error">{problem}</Alert>}
        <Text as="p" className="modal-form__intro">
          A field no chat has had yet (a question you just added to a form) can be mapped at once. It is
          marked as seen once a chat with it has ended.
        </Text>
        <FormField labelText="Kind" error={kindError}>
          <div className="radio-list" role="radiogroup" aria-label="Kind">
            {discoveredChatSourceKinds.map((k) => (
              <RadioButton
                key={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  if (k === 'customVariable' && valueKind === 'list') setValueKind(null);
                  declare.setProblems({});
                }}
                description={kindHelp[k].description}
                data-testid={`declare-kind-${k}`}
              >
                {sourceKindLabels[k]}
              </RadioButton>
            ))}
          </div>
        </FormField>
        <FormField
          labelText={help.nameLabel}
          labelFor="declare-chat-field-name"
          description={help.hint}
          error={nameError}
        >
          <Input
            id="declare-chat-field-name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (nameError) declare.setProblems({});
            }}
            error={Boolean(nameError)}
            maxLength={200}
            autoFocus
            data-testid="declare-chat-field-name"
          />
        </FormField>
        <FormField
          labelText="Values (optional)"
          labelFor="declare-chat-field-value-kind"
          error={valueKindError}
        >
          <div data-testid="declare-chat-field-value-kind">
            <Picker
              id="declare-chat-field-value-kind"
              options={options}
              selected={options.filter((o) => o.key === (valueKind ?? NOT_SAID))}
              onSelect={onPickerSelect((items) => {
                const key = items?.[0]?.key;
                setValueKind(key && key !== NOT_SAID ? (key as ChatValueKind) : null);
              })}
              hideClearButton
              searchDisabled
            />
          </div>
        </FormField>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
