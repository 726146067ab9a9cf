import { Picker } from '@livechat/design-system-react-components';
import { useState } from 'react';
import type { FieldMetadata } from '../../src/salesforce/objectMetadata';
import type { EditorEnv } from './editorEnv';
import { LookupInput } from './LookupInput';
import { onPickerSelect } from './onPickerSelect';

interface Props {
  env: EditorEnv;
  field: FieldMetadata;
  value: { id: string; name: string } | null;
  onChange: (record: { id: string; name: string } | null) => void;
  testId: string;
  error: boolean;
}

/** A fixed record for a lookup field; fields that point to several objects (Owner: User or Queue) pick which first. */
export function ReferenceValueEditor({ env, field, value, onChange, testId, error }: Props) {
  const targets = field.referenceTo;
  const [object, setObject] = useState(targets.includes('User') ? 'User' : (targets[0] ?? ''));
  if (!object) return null;
  return (
    <div className="reference-editor">
      {targets.length > 1 && (
        <Picker
          className="reference-editor__object"
          options={targets.map((name) => ({ key: name, name }))}
          selected={[{ key: object, name: object }]}
          onSelect={onPickerSelect((items) => {
            const next = items?.[0]?.key;
            if (next && next !== object) {
              setObject(next);
              onChange(null);
            }
          })}
          hideClearButton
          size="compact"
          inputProps={{ 'aria-label': `Object ${field.label} points to` }}
        />
      )}
      <LookupInput
        env={env}
        object={object}
        value={value}
        onChange={onChange}
        testId={testId}
        error={error}
      />
    </div>
  );
}
