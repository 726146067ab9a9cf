import { Picker, Text, type IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import type { FieldMetadata } from '../../src/salesforce/objectMetadata';
import type { SetMember } from './chatSet';
import { onPickerSelect } from './onPickerSelect';

/** How the chat's record of a mapping comes to be, in a few words. */
export function howFound(member: SetMember): string {
  if (member.duplicatePolicy === 'create' || member.searchableFields.length === 0) {
    return `Created by the ${member.objectLabel} mapping`;
  }
  return `Found by ${member.searchableFields.join(' or ')}, or created, by the ${member.objectLabel} mapping`;
}

/**
 * "This chat's record": which of the chat's records (of the account's other mappings) a lookup field
 * takes, such as a Case's Contact ID taking this chat's Contact, found or created.
 */
export function ChatRecordEditor({
  field,
  object,
  members,
  onChange,
  error,
}: {
  field: FieldMetadata;
  object: string | null;
  /** The account's mappings this field can point to. */
  members: readonly SetMember[];
  onChange: (object: string) => void;
  error: boolean;
}) {
  const options = useMemo<IPickerListItem[]>(() => {
    const offered = members.map((member) => ({
      key: member.objectName,
      name: `This chat’s ${member.objectLabel}`,
      secondaryText: howFound(member),
    }));
    // A saved choice whose mapping is gone stays shown, for its problem to say so.
    if (object !== null && !members.some((m) => m.objectName === object)) {
      offered.push({
        key: object,
        name: `This chat’s ${object}`,
        secondaryText: 'not mapped on this account',
      });
    }
    return offered;
  }, [members, object]);
  const selected = options.filter((option) => option.key === object);
  const chosen = members.find((m) => m.objectName === object);
  return (
    <div className="chat-record-editor">
      <Picker
        data-testid={`chat-record-${field.name}`}
        options={options}
        selected={selected.length ? selected : null}
        onSelect={onPickerSelect((items) => {
          const next = items?.[0]?.key;
          if (next) onChange(next);
        })}
        placeholder="Choose which of this chat’s records"
        hideClearButton
        error={error}
        inputProps={{ 'aria-label': `This chat’s record for ${field.label}` }}
      />
      {chosen && (
        <Text
          as="div"
          size="sm"
          className="chat-record-editor__hint"
          data-testid={`chat-record-hint-${field.name}`}
        >
          {howFound(chosen)}; written first, then this record points to it.
        </Text>
      )}
    </div>
  );
}
