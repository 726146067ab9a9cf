import { Button, Checkbox, Icon, Tag, Text, Tooltip } from '@livechat/design-system-react-components';
import Delete from '@livechat/design-system-icons/Delete';
import LockBlack from '@livechat/design-system-icons/LockBlack';
import type { ReactElement } from 'react';
import type { EntryType } from '../../src/mapping/mapping';
import type { Problem } from '../../src/mapping/problems';
import { fieldTypeLabel, type FieldMetadata } from '../../src/salesforce/objectMetadata';
import { AutoMatchEditor } from './AutoMatchEditor';
import { ChatRecordEditor } from './ChatRecordEditor';
import type { SetMember } from './chatSet';
import type { DraftField } from './draft';
import { DynamicSourcePicker } from './DynamicSourcePicker';
import type { EditorEnv } from './editorEnv';
import { EntryTypeControl } from './EntryTypeControl';
import { ProblemMessages } from './ProblemMessages';
import { StaticValueEditor } from './StaticValueEditor';
import { UpdateRuleControl } from './UpdateRuleControl';

interface Props {
  env: EditorEnv;
  index: number;
  entry: DraftField;
  /** Undefined when the org no longer has the field (a problem then says so). */
  field: FieldMetadata | undefined;
  required: boolean;
  searchable: boolean;
  problems: readonly Problem[];
  /** The account's other mappings whose record of the chat this (lookup) field can take. */
  chatRecordMembers: readonly SetMember[];
  /** The mapping updates the record it finds: the row says what this field does to it. */
  updating: boolean;
  onChange: (entry: DraftField) => void;
  onEntryType: (entryType: EntryType) => void;
  onSearchable: (on: boolean) => void;
  onRemove: () => void;
}

function typeDetail(field: FieldMetadata): string {
  const label = fieldTypeLabel(field.type);
  if (field.type === 'reference' && field.referenceTo.length > 0)
    return `${label} (${field.referenceTo.join(', ')})`;
  if (
    ['string', 'textarea', 'email', 'phone', 'url', 'encryptedstring'].includes(field.type) &&
    field.length > 0
  ) {
    return `${label} (${field.length})`;
  }
  return label;
}

function withTooltip(trigger: ReactElement, text: string | null) {
  if (!text) return trigger;
  return (
    <Tooltip kind="invert" placement="top" triggerRenderer={trigger}>
      {text}
    </Tooltip>
  );
}

/** Why the Searchable box cannot be ticked, or null when it can. */
function searchableBlocked(entry: DraftField, field: FieldMetadata | undefined): string | null {
  if (!field) return null;
  if (!field.filterable || field.type === 'textarea') {
    return `Salesforce cannot search records by "${field.label}". Pick a field such as Email or Phone.`;
  }
  if (entry.entryType === 'chatRecord') {
    return 'This chat’s record is known only once it is found or created, so it cannot find the visitor’s records.';
  }
  if (entry.entryType === 'static') {
    return 'A fixed value is the same for every visitor, so it cannot find the visitor’s own records. Use Dynamic to search by a chat value.';
  }
  return null;
}

/** One mapped field: what it is, how it gets its value, and whether it finds the visitor's records. */
export function FieldRow({
  env,
  index,
  entry,
  field,
  required,
  searchable,
  problems,
  chatRecordMembers,
  updating,
  onChange,
  onEntryType,
  onSearchable,
  onRemove,
}: Props) {
  const name = entry.field;
  const errorAt = (suffix: string) =>
    problems.some((p) => p.severity === 'error' && p.path === `fields.${index}${suffix}`);
  const hasError = problems.some((p) => p.severity === 'error');
  const blocked = searchableBlocked(entry, field);

  let editor: ReactElement | null = null;
  if (field) {
    switch (entry.entryType) {
      case 'static':
        editor = (
          <StaticValueEditor
            env={env}
            field={field}
            entry={entry}
            onChange={onChange}
            error={errorAt('.value')}
          />
        );
        break;
      case 'dynamic':
        editor = (
          <DynamicSourcePicker
            env={env}
            field={field}
            value={entry.source}
            onChange={(source) => onChange({ ...entry, source })}
            error={errorAt('.source')}
          />
        );
        break;
      case 'autoMatch':
        editor = (
          <AutoMatchEditor
            env={env}
            field={field}
            match={entry.match}
            onChange={(match) => onChange({ ...entry, match })}
            problemPaths={
              new Set(
                ['match.object', 'match.field', 'match.source'].filter((suffix) => errorAt(`.${suffix}`)),
              )
            }
          />
        );
        break;
      case 'chatRecord':
        editor = (
          <ChatRecordEditor
            field={field}
            object={entry.object}
            members={chatRecordMembers}
            onChange={(object) => onChange({ ...entry, object })}
            error={errorAt('.object')}
          />
        );
        break;
    }
  }
  const offersChatRecord = chatRecordMembers.length > 0;

  return (
    <li
      className={`field-row${hasError ? ' field-row--error' : ''}`}
      data-testid={`field-row-${name}`}
      data-entry-type={entry.entryType}
    >
      <div className="field-row__head">
        <div className="field-row__title">
          <Text as="span" size="md" bold className="field-row__label">
            {field?.label ?? name}
          </Text>
          <Text as="span" size="sm" className="field-row__api-name">
            {name}
          </Text>
          {field && (
            <Tag size="small" kind="default" className="field-row__type">
              {typeDetail(field)}
            </Tag>
          )}
          {required &&
            withTooltip(
              <span className="field-row__required" data-testid={`required-${name}`}>
                <Icon source={LockBlack} size="xsmall" kind="subtle" />
                <Text as="span" size="sm">
                  Required
                </Text>
              </span>,
              'Required by Salesforce: every new record needs a value, so this field cannot be removed.',
            )}
        </div>
        <div className="field-row__actions">
          {withTooltip(
            <span className="field-row__searchable">
              <Checkbox
                data-testid={`searchable-${name}`}
                checked={searchable}
                disabled={blocked !== null && !searchable}
                onChange={(event) => onSearchable((event.target as HTMLInputElement).checked)}
              >
                Searchable
              </Checkbox>
            </span>,
            blocked ??
              'Find this visitor’s existing records by this field in the chat widget (usually Email or Phone).',
          )}
          {required ? (
            <span className="field-row__remove-placeholder" />
          ) : (
            <Button
              kind="plain"
              size="compact"
              icon={<Icon source={Delete} />}
              onClick={onRemove}
              aria-label={`Remove ${field?.label ?? name}`}
              data-testid={`remove-field-${name}`}
            />
          )}
        </div>
      </div>
      <div
        className={`field-row__body${offersChatRecord || entry.entryType === 'chatRecord' ? ' field-row__body--wide' : ''}`}
      >
        {field && (
          <EntryTypeControl
            fieldName={name}
            value={entry.entryType}
            isReference={field.type === 'reference'}
            offersChatRecord={offersChatRecord}
            onChange={onEntryType}
          />
        )}
        <div className="field-row__editor">{editor}</div>
      </div>
      {updating && field && (
        <UpdateRuleControl
          fieldName={name}
          fieldLabel={field.label}
          value={entry.updateRule}
          onChange={(updateRule) => onChange({ ...entry, updateRule })}
        />
      )}
      <ProblemMessages problems={problems} testId={`field-problems-${name}`} />
    </li>
  );
}
