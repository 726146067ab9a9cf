import { Picker, Text, type IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import { errorMessage } from '../../ui/api/ApiError';
import type { ChatSourceId } from '../../src/chat/chatFields';
import { fieldTypeLabel, type FieldMetadata } from '../../src/salesforce/objectMetadata';
import { ChatSourcePicker } from './ChatSourcePicker';
import type { EditorEnv } from './editorEnv';
import { useDescribe } from './useDescribe';
import { onPickerSelect } from './onPickerSelect';

type Match = { object: string; field: string | null; source: ChatSourceId | null };

/** Fields worth matching on come first: ids and unique fields, then emails, then the rest. */
function rank(field: FieldMetadata): number {
  if (field.idLookup || field.unique || field.externalId) return 0;
  if (field.type === 'email') return 1;
  return 2;
}

/** Auto-Match: find the record of the referenced object whose chosen field equals a chat value. */
export function AutoMatchEditor({
  env,
  field,
  match,
  onChange,
  problemPaths,
}: {
  env: EditorEnv;
  field: FieldMetadata;
  match: Match;
  onChange: (match: Match) => void;
  /** Which parts have an error shown (`match.object`, `match.field`, `match.source`). */
  problemPaths: ReadonlySet<string>;
}) {
  const { state } = useDescribe(env, match.object || null);
  const fieldOptions = useMemo<IPickerListItem[]>(() => {
    if (state.status !== 'ready') return [];
    return state.meta.fields
      .filter((f) => f.filterable && f.type !== 'textarea')
      .toSorted((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label))
      .map((f) => ({ key: f.name, name: f.label, secondaryText: `${f.name} · ${fieldTypeLabel(f.type)}` }));
  }, [state]);
  const matchLabel =
    state.status === 'ready'
      ? (state.meta.fields.find((f) => f.name === match.field)?.label ?? match.field)
      : match.field;

  return (
    <div className="automatch-editor" data-testid={`automatch-${field.name}`}>
      <div className="automatch-editor__part">
        <Text as="span" size="sm" className="automatch-editor__word">
          Find the
        </Text>
        {field.referenceTo.length > 1 ? (
          <Picker
            className="automatch-editor__object"
            data-testid={`automatch-object-${field.name}`}
            options={field.referenceTo.map((name) => ({ key: name, name }))}
            selected={match.object ? [{ key: match.object, name: match.object }] : null}
            onSelect={onPickerSelect((items) => {
              const object = items?.[0]?.key;
              if (object && object !== match.object) onChange({ ...match, object, field: null });
            })}
            hideClearButton
            error={problemPaths.has('match.object')}
            size="compact"
          />
        ) : (
          <Text as="span" size="sm" bold>
            {match.object}
          </Text>
        )}
        <Text as="span" size="sm" className="automatch-editor__word">
          whose
        </Text>
        <Picker
          className="automatch-editor__field"
          data-testid={`automatch-field-${field.name}`}
          options={fieldOptions}
          selected={match.field ? [{ key: match.field, name: matchLabel ?? match.field }] : null}
          onSelect={onPickerSelect((items) => {
            const matchField = items?.[0]?.key;
            if (matchField) onChange({ ...match, field: matchField });
          })}
          placeholder={state.status === 'loading' ? 'Loading fields…' : 'Choose a field'}
          noSearchResultText={`No searchable ${match.object} field matches`}
          hideClearButton
          error={problemPaths.has('match.field') || state.status === 'error'}
          size="compact"
        />
        <Text as="span" size="sm" className="automatch-editor__word">
          equals
        </Text>
      </div>
      <ChatSourcePicker
        chatFields={env.chatFields}
        value={match.source}
        onChange={(source) => onChange({ ...match, source })}
        testId={`automatch-source-${field.name}`}
        error={problemPaths.has('match.source')}
        ariaLabel={`Chat value to match ${field.label} with`}
      />
      {state.status === 'error' && (
        <Text as="p" size="sm" className="automatch-editor__error">
          Could not load the fields of {match.object}: {errorMessage(state.error)}
        </Text>
      )}
    </div>
  );
}
