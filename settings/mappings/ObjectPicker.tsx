import { Picker, type IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import type { SObjectSummary } from '../../src/salesforce/objectMetadata';
import { onPickerSelect } from './onPickerSelect';

interface Props {
  objects: readonly SObjectSummary[];
  value: string | null;
  onChange: (objectName: string) => void;
  /** Objects this account already maps: shown, but not offered again. */
  mapped: ReadonlySet<string>;
  disabled?: boolean;
  error?: boolean;
}

/** The org's createable objects, standard and custom, searchable by label or API name. */
export function ObjectPicker({ objects, value, onChange, mapped, disabled, error }: Props) {
  const options = useMemo<IPickerListItem[]>(
    () =>
      objects
        .filter((object) => object.createable)
        .toSorted((a, b) => a.label.localeCompare(b.label))
        .map((object) => ({
          key: object.name,
          name: object.label,
          secondaryText: [object.name, object.custom && 'Custom', mapped.has(object.name) && 'Already mapped']
            .filter(Boolean)
            .join(' · '),
          disabled: mapped.has(object.name) && object.name !== value,
        })),
    [objects, mapped, value],
  );
  const selected = useMemo(() => {
    if (!value) return null;
    const object = objects.find((o) => o.name === value);
    return [
      {
        key: value,
        name:
          object && object.label !== object.name
            ? `${object.label} (${object.name})`
            : (object?.label ?? value),
      },
    ];
  }, [objects, value]);
  return (
    <Picker
      data-testid="object-picker"
      options={options}
      selected={selected}
      onSelect={onPickerSelect((items) => items?.[0] && onChange(items[0].key))}
      placeholder="Search objects by name or API name"
      noSearchResultText="No createable object matches"
      hideClearButton
      disabled={disabled}
      error={error}
      maxListHeight={360}
    />
  );
}
