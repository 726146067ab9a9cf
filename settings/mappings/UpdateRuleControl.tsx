import { Picker, Text } from '@livechat/design-system-react-components';
import { defaultUpdateRule, updateRules, type UpdateRule } from '../../src/mapping/mapping';
import { onPickerSelect } from './onPickerSelect';

export const updateRuleLabels: Record<UpdateRule, string> = {
  fillIfBlank: 'Fill if blank',
  overwrite: 'Always overwrite',
  never: 'Never',
};

const updateRuleHints: Record<UpdateRule, string> = {
  fillIfBlank: 'Written only where the record has no value',
  overwrite: 'The chat’s value replaces the record’s',
  never: 'The record’s value stays as it is',
};

/** With "link and update": what this field does to the visitor's existing record. */
export function UpdateRuleControl({
  fieldName,
  fieldLabel,
  value,
  onChange,
}: {
  fieldName: string;
  fieldLabel: string;
  /** The entry's rule; undefined: the field's default. */
  value: UpdateRule | undefined;
  onChange: (rule: UpdateRule) => void;
}) {
  const fallback = defaultUpdateRule(fieldName);
  const current = value ?? fallback;
  const options = updateRules.map((rule) => ({
    key: rule,
    name: updateRuleLabels[rule],
    secondaryText: rule === fallback ? `${updateRuleHints[rule]} (default)` : updateRuleHints[rule],
  }));
  return (
    <div className="field-row__update" data-testid={`update-rule-${fieldName}`} data-value={current}>
      <Text as="span" size="sm" className="field-row__update-label">
        Existing record
      </Text>
      <Picker
        className="field-row__update-picker"
        size="compact"
        options={options}
        selected={options.filter((option) => option.key === current)}
        onSelect={onPickerSelect((items) => {
          const next = items?.[0]?.key as UpdateRule | undefined;
          if (next && next !== current) onChange(next);
        })}
        hideClearButton
        searchDisabled
        inputProps={{ 'aria-label': `When updating the existing record, ${fieldLabel}` }}
      />
    </div>
  );
}
