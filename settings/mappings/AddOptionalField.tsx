import { Picker, type IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import { isSupportedFieldType } from '../../src/mapping/convertValue';
import {
  createableFields,
  fieldTypeLabel,
  type FieldMetadata,
  type ObjectMetadata,
} from '../../src/salesforce/objectMetadata';
import { onPickerSelect } from './onPickerSelect';

/** "Add optional fields": every other createable field of the object, searchable by label or API name. */
export function AddOptionalField({
  meta,
  mapped,
  onAdd,
}: {
  meta: ObjectMetadata;
  mapped: ReadonlySet<string>;
  onAdd: (field: FieldMetadata) => void;
}) {
  const options = useMemo<IPickerListItem[]>(
    () =>
      createableFields(meta)
        .filter((field) => !mapped.has(field.name))
        .toSorted((a, b) => a.label.localeCompare(b.label))
        .map((field) => {
          const supported = isSupportedFieldType(field.type);
          return {
            key: field.name,
            name: field.label,
            secondaryText: `${field.name} · ${fieldTypeLabel(field.type)}${supported ? '' : ' · not supported'}`,
            disabled: !supported,
          };
        }),
    [meta, mapped],
  );
  return (
    <Picker
      className="add-optional-field"
      data-testid="add-optional-field"
      options={options}
      selected={null}
      onSelect={onPickerSelect((items) => {
        const field = meta.fields.find((f) => f.name === items?.[0]?.key);
        if (field) onAdd(field);
      })}
      placeholder={options.length ? 'Add optional fields…' : 'Every createable field is mapped'}
      noSearchResultText="No other createable field matches"
      disabled={options.length === 0}
      hideClearButton
      maxListHeight={360}
    />
  );
}
