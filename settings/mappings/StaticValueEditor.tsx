import {
  AutoComplete,
  Input,
  Picker,
  Switch,
  Text,
  Textarea,
  type IPickerListItem,
} from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import type { StaticFieldMapping, StaticValue } from '../../src/mapping/mapping';
import { activePicklistValues, type FieldMetadata } from '../../src/salesforce/objectMetadata';
import type { EditorEnv } from './editorEnv';
import { ReferenceValueEditor } from './ReferenceValueEditor';
import { onPickerSelect } from './onPickerSelect';

interface Props {
  env: EditorEnv;
  field: FieldMetadata;
  entry: StaticFieldMapping;
  onChange: (entry: StaticFieldMapping) => void;
  error: boolean;
}

const textInputTypes: Record<string, string> = { email: 'email', phone: 'tel', url: 'url' };
const numberTypes = ['int', 'long', 'double', 'currency', 'percent'];

const asText = (value: StaticValue): string =>
  value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
const orNull = (text: string): string | null => (text === '' ? null : text);

/** `2026-03-01T09:30` in the browser's zone ↔ the ISO instant Salesforce stores. */
function toLocalInput(value: StaticValue): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
function fromLocalInput(text: string): string | null {
  if (text === '') return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** Picklist options: the org's active values, plus a saved value that is no longer active (so it shows). */
function picklistOptions(field: FieldMetadata, current: readonly string[]): IPickerListItem[] {
  const active = activePicklistValues(field).map((entry) => ({
    key: entry.value,
    name: entry.label,
    secondaryText: entry.label === entry.value ? undefined : entry.value,
  }));
  const stale = current
    .filter((value) => !active.some((option) => option.key === value))
    .map((value) => ({ key: value, name: value, secondaryText: 'not offered: see below' }));
  return [...active, ...stale];
}

/** The fixed value of a field, with the control that fits its Salesforce type. */
export function StaticValueEditor({ env, field, entry, onChange, error }: Props) {
  const testId = `static-input-${field.name}`;
  const set = (value: StaticValue, display?: string) =>
    onChange({
      entryType: 'static',
      field: field.name,
      value,
      ...(display !== undefined && { display }),
      ...(entry.updateRule && { updateRule: entry.updateRule }),
    });
  const current = useMemo(
    () =>
      Array.isArray(entry.value)
        ? entry.value
        : entry.value === null || entry.value === ''
          ? []
          : [String(entry.value)],
    [entry.value],
  );

  switch (field.type) {
    case 'picklist':
    case 'multipicklist': {
      const multi = field.type === 'multipicklist';
      const options = picklistOptions(field, current);
      return (
        <Picker
          data-testid={testId}
          type={multi ? 'multi' : 'single'}
          options={options}
          selected={options.filter((option) => current.includes(option.key))}
          onSelect={onPickerSelect((items) => {
            const values = (items ?? []).map((item) => item.key);
            set(multi ? (values.length ? values : null) : (values[0] ?? null));
          })}
          placeholder={multi ? 'Choose values' : 'Choose a value'}
          noSearchResultText="No active value matches"
          clearSearchAfterSelection={!multi}
          error={error}
        />
      );
    }
    case 'combobox':
      return (
        <AutoComplete
          data-testid={testId}
          options={activePicklistValues(field).map((entry) => entry.value)}
          value={asText(entry.value)}
          onChange={(event) => set(orNull(event.target.value))}
          placeholder="Choose or type a value"
          error={error}
        />
      );
    case 'boolean':
      return (
        <div className="static-switch" data-testid={testId} data-checked={entry.value === true}>
          <Switch
            size="compact"
            on={entry.value === true}
            onChange={(_, on) => set(on)}
            ariaLabel={field.label}
          />
          <Text as="span" size="sm">
            {entry.value === true ? 'Checked' : 'Unchecked'}
          </Text>
        </div>
      );
    case 'date':
    case 'time':
      return (
        <Input
          data-testid={testId}
          type={field.type}
          inputSize="compact"
          value={asText(entry.value)}
          onChange={(event) => set(orNull(event.target.value))}
          error={error}
          aria-label={field.label}
        />
      );
    case 'datetime':
      return (
        <Input
          data-testid={testId}
          type="datetime-local"
          inputSize="compact"
          value={toLocalInput(entry.value)}
          onChange={(event) => set(fromLocalInput(event.target.value))}
          error={error}
          aria-label={field.label}
        />
      );
    case 'textarea':
      return (
        <Textarea
          data-testid={testId}
          className="static-textarea"
          rows={3}
          value={asText(entry.value)}
          onChange={(event) => set(orNull(event.target.value))}
          maxLength={field.length || undefined}
          error={error}
          aria-label={field.label}
        />
      );
    case 'reference':
      return (
        <ReferenceValueEditor
          env={env}
          field={field}
          value={
            typeof entry.value === 'string' ? { id: entry.value, name: entry.display ?? entry.value } : null
          }
          onChange={(record) => (record ? set(record.id, record.name) : set(null))}
          testId={testId}
          error={error}
        />
      );
  }
  if (numberTypes.includes(field.type)) {
    return (
      <Input
        data-testid={testId}
        type="number"
        inputSize="compact"
        step={field.type === 'int' || field.type === 'long' ? 1 : 'any'}
        value={asText(entry.value)}
        onChange={(event) => {
          const text = event.target.value;
          const number = Number(text);
          set(text === '' ? null : Number.isFinite(number) ? number : text);
        }}
        error={error}
        aria-label={field.label}
      />
    );
  }
  return (
    <Input
      data-testid={testId}
      type={textInputTypes[field.type] ?? 'text'}
      inputSize="compact"
      value={asText(entry.value)}
      onChange={(event) => set(orNull(event.target.value))}
      maxLength={field.length || undefined}
      placeholder={field.type === 'email' ? 'name@example.com' : undefined}
      error={error}
      aria-label={field.label}
    />
  );
}
