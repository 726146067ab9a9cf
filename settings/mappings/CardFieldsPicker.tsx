import { FormField, Picker, type IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import { cardFieldLabel, cardFieldOptions, defaultCardFields } from '../../src/mapping/cardFields';
import { MAX_CARD_FIELDS } from '../../src/mapping/mapping';
import type { Problem } from '../../src/mapping/problems';
import { fieldTypeLabel, findField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { ProblemMessages } from './ProblemMessages';

interface Props {
  meta: ObjectMetadata;
  /** The chosen key fields, in order. */
  value: readonly string[];
  problems: readonly Problem[];
  onChange: (cardFields: string[]) => void;
}

/**
 * "Shown to agents": the key fields each record card of this object shows in the chat's widget, beside
 * the record's name. A searchable multi-select of the fields a card can show; at most five.
 */
export function CardFieldsPicker({ meta, value, problems, onChange }: Props) {
  const full = value.length >= MAX_CARD_FIELDS;
  const options = useMemo<IPickerListItem[]>(
    () =>
      cardFieldOptions(meta).map((field) => ({
        key: field.name,
        name: cardFieldLabel(field),
        secondaryText: `${field.name} · ${fieldTypeLabel(field.type)}`,
        // Five fit a 300 px card: once five are chosen, one must go before another comes.
        disabled: full && !value.includes(field.name),
      })),
    [meta, value, full],
  );
  // A saved choice may name a field since deleted in Salesforce: shown as it is, for the owner to remove.
  const selected = value.map(
    (name): IPickerListItem =>
      options.find((o) => o.key === name) ?? {
        key: name,
        name: findField(meta, name)?.label ?? name,
        secondaryText: 'not shown: see below',
      },
  );
  const defaults = defaultCardFields(meta)
    .map((name) => findField(meta, name))
    .flatMap((field) => (field ? [cardFieldLabel(field)] : []));
  const hint =
    `Agents see these on each ${meta.label.toLowerCase()} card in the chat, in this order, beside its name; ` +
    `empty ones are left out. At most ${MAX_CARD_FIELDS}.` +
    (defaults.length ? ` Suggested: ${defaults.join(', ')}.` : '');

  return (
    <div className="card-fields" data-testid="card-fields" data-value={value.join(',')}>
      <FormField labelText="Key fields" labelFor="card-fields-picker" description={hint}>
        <div data-testid="card-fields-picker">
          <Picker
            id="card-fields-picker"
            type="multi"
            options={options}
            selected={selected}
            onSelect={(items) => onChange((items ?? []).map((item) => item.key))}
            placeholder={full ? `${MAX_CARD_FIELDS} fields chosen` : 'Search fields by label or API name'}
            noSearchResultText="No field a card can show matches"
            error={problems.some((p) => p.severity === 'error')}
            clearSearchAfterSelection
            maxListHeight={320}
          />
        </div>
      </FormField>
      <ProblemMessages problems={problems} testId="card-fields-problems" />
    </div>
  );
}
