import { FormField, Picker, RadioButton, Switch, Text } from '@livechat/design-system-react-components';
import type { IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import type { Problem } from '../../src/mapping/problems';
import {
  choosableRecordTypes,
  hasAssignmentRules,
  type ObjectMetadata,
  type SObjectSummary,
} from '../../src/salesforce/objectMetadata';
import { onPickerSelect } from './onPickerSelect';
import type { PlacedProblems } from './draft';
import type { DraftOptions } from './useMappingDraft';
import { ProblemMessages } from './ProblemMessages';

interface Props {
  meta: ObjectMetadata;
  options: DraftOptions & { searchableFields: readonly string[] };
  hasOwner: boolean;
  /** The org's objects, for "Don't create when the visitor is already a …"; null while they load. */
  objects: readonly SObjectSummary[] | null;
  problems: Pick<PlacedProblems, 'duplicatePolicy' | 'skipIfExistsAs' | 'recordTypeId'>;
  onChange: (options: Partial<DraftOptions>) => void;
}

/** The object a visitor usually already is, when this object is mapped: no Lead for a known Contact. */
const SUGGESTED_SKIP: Record<string, string> = { Lead: 'Contact' };
const MAX_SKIP = 3;

export function SwitchOption({
  testId,
  title,
  description,
  on,
  onChange,
}: {
  testId: string;
  title: string;
  description: string;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="mapping-option" data-testid={testId} data-on={on}>
      <Switch on={on} onChange={(_, value) => onChange(value)} ariaLabel={title} />
      {/* The words toggle the switch too, as a label does; the switch itself is the keyboard control. */}
      <div className="mapping-option__label" onClick={() => onChange(!on)} data-testid={`${testId}-label`}>
        <Text as="div" size="md" bold>
          {title}
        </Text>
        <Text as="div" size="sm" className="mapping-option__description">
          {description}
        </Text>
      </div>
    </div>
  );
}

const list = (names: readonly string[], word: 'or' | 'and') =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${word} ${names.at(-1)}`;

/** What "Don't create when the visitor is already a …" does, in one line, for the choice made. */
function skipExplanation(label: string, searchable: readonly string[], chosen: readonly string[]): string {
  if (searchable.length === 0) {
    return `Mark a field Searchable first (such as Email): the visitor is looked up by the searchable fields.`;
  }
  const objects = chosen.length ? list(chosen, 'or') : 'one of those objects';
  return `After a chat, no ${label} is created when a ${objects} already has the visitor’s ${list(searchable, 'or')}.`;
}

/** "Don't create when the visitor is already a …": the objects to look the visitor up in first. */
function SkipIfExists({
  meta,
  value,
  searchable,
  objects,
  problems,
  onChange,
}: {
  meta: ObjectMetadata;
  value: readonly string[];
  searchable: readonly string[];
  objects: readonly SObjectSummary[] | null;
  problems: readonly Problem[];
  onChange: (skipIfExistsAs: string[] | undefined) => void;
}) {
  const suggested = SUGGESTED_SKIP[meta.name];
  const full = value.length >= MAX_SKIP;
  const options = useMemo<IPickerListItem[]>(() => {
    const candidates = (objects ?? [])
      .filter((o) => o.queryable && o.name !== meta.name)
      .toSorted(
        (a, b) =>
          Number(b.name === suggested) - Number(a.name === suggested) || a.label.localeCompare(b.label),
      );
    return candidates.map((o) => ({
      key: o.name,
      name: o.label,
      secondaryText: [o.name, o.name === suggested && 'Suggested'].filter(Boolean).join(' · '),
      disabled: full && !value.includes(o.name),
    }));
  }, [objects, meta.name, suggested, full, value]);
  const selected = value.map(
    (name): IPickerListItem => options.find((o) => o.key === name) ?? { key: name, name },
  );
  const blocked = searchable.length === 0 && value.length === 0;
  return (
    <div
      className="mapping-option mapping-option--field"
      data-testid="skip-if-exists"
      data-value={value.join(',')}
    >
      <FormField
        labelText={`Don’t create when the visitor is already a …`}
        labelFor="skip-if-exists-picker"
        description={skipExplanation(meta.label, searchable, value)}
      >
        <div data-testid="skip-if-exists-picker">
          <Picker
            id="skip-if-exists-picker"
            type="multi"
            options={options}
            selected={selected}
            onSelect={(items) => {
              const names = (items ?? []).map((item) => item.key);
              onChange(names.length ? names : undefined);
            }}
            placeholder={
              objects === null
                ? 'Loading objects…'
                : suggested
                  ? `Choose objects, such as ${suggested}`
                  : 'Choose objects (none: always create)'
            }
            noSearchResultText="No object matches"
            disabled={blocked || objects === null}
            error={problems.some((p) => p.severity === 'error')}
            clearSearchAfterSelection
            maxListHeight={280}
          />
        </div>
      </FormField>
      <ProblemMessages problems={problems} testId="skip-if-exists-problems" />
    </div>
  );
}

/** The record type of new records, offered when the connected user may create more than one. */
function RecordTypeOption({
  meta,
  value,
  problems,
  onChange,
}: {
  meta: ObjectMetadata;
  value: string | null | undefined;
  problems: readonly Problem[];
  onChange: (recordTypeId: string | null) => void;
}) {
  const types = choosableRecordTypes(meta);
  const fallback = types.find((rt) => rt.default);
  const options: IPickerListItem[] = [
    {
      key: '',
      name: fallback ? `The default (${fallback.name})` : 'The default',
      secondaryText: 'Whatever the connected Salesforce user gets by default',
    },
    ...types.map((rt) => ({ key: rt.id, name: rt.name, secondaryText: rt.developerName || undefined })),
  ];
  // A saved type no longer offered stays shown, for its problem to say why.
  if (value && !options.some((o) => o.key === value)) {
    options.push({ key: value, name: value, secondaryText: 'not available to the connected user' });
  }
  const current = value ?? '';
  return (
    <div className="mapping-option mapping-option--field" data-testid="record-type" data-value={current}>
      <FormField
        labelText="Record type"
        labelFor="record-type-picker"
        description={`The record type of each new ${meta.label}; picklist values follow it.`}
      >
        <div data-testid="record-type-picker">
          <Picker
            id="record-type-picker"
            options={options}
            selected={options.filter((o) => o.key === current)}
            onSelect={onPickerSelect((items) => {
              const key = items?.[0]?.key;
              if (key !== undefined && key !== current) onChange(key === '' ? null : key);
            })}
            hideClearButton
            searchDisabled
            error={problems.some((p) => p.severity === 'error')}
          />
        </div>
      </FormField>
      <ProblemMessages problems={problems} testId="record-type-problems" />
    </div>
  );
}

/**
 * Automation, the record type, what to do when the visitor already has a record (or is already another
 * object), and who owns new records.
 */
export function MappingOptions({ meta, options, hasOwner, objects, problems, onChange }: Props) {
  const plural = meta.label.toLowerCase();
  const searchable = options.searchableFields;
  return (
    <div className="mapping-options">
      <SwitchOption
        testId="automation-switch"
        title="Enable automation"
        description={`Create a ${plural} automatically after each chat ends. Agents can always create one by hand from the chat.`}
        on={options.automation}
        onChange={(automation) => onChange({ automation })}
      />
      {(choosableRecordTypes(meta).length > 1 || options.recordTypeId) && (
        <RecordTypeOption
          meta={meta}
          value={options.recordTypeId}
          problems={problems.recordTypeId}
          onChange={(recordTypeId) => onChange({ recordTypeId })}
        />
      )}
      <fieldset
        className="mapping-option mapping-option--radios"
        data-testid="duplicate-policy"
        data-value={options.duplicatePolicy}
      >
        <legend>
          <Text as="span" size="md" bold>
            When the visitor already has a {plural}
          </Text>
        </legend>
        <RadioButton
          checked={options.duplicatePolicy === 'create'}
          onChange={() => onChange({ duplicatePolicy: 'create' })}
          description="Every chat creates its own record."
          data-testid="duplicate-policy-create"
        >
          Always create a new {plural}
        </RadioButton>
        <RadioButton
          checked={options.duplicatePolicy === 'link'}
          onChange={() => onChange({ duplicatePolicy: 'link' })}
          description="Look for the visitor's record by the searchable fields; create one only when none is found."
          data-testid="duplicate-policy-link"
        >
          Link to the existing record
        </RadioButton>
        <RadioButton
          checked={options.duplicatePolicy === 'update'}
          onChange={() => onChange({ duplicatePolicy: 'update' })}
          description="Link to it, and update its fields: each field above says how (fill if blank, always overwrite, or never)."
          data-testid="duplicate-policy-update"
        >
          Link and update the existing record
        </RadioButton>
        <ProblemMessages problems={problems.duplicatePolicy} testId="duplicate-policy-problems" />
      </fieldset>
      <SkipIfExists
        meta={meta}
        value={options.skipIfExistsAs ?? []}
        searchable={searchable}
        objects={objects}
        problems={problems.skipIfExistsAs}
        onChange={(skipIfExistsAs) => onChange({ skipIfExistsAs })}
      />
      {hasOwner && hasAssignmentRules(meta.name) && (
        <SwitchOption
          testId="auto-assign-switch"
          title="Let Salesforce assignment rules choose the owner"
          description="When on, your org's assignment rules pick the owner. Turn it off to keep the owner this mapping sets, such as the chat's agent."
          on={options.autoAssign}
          onChange={(autoAssign) => onChange({ autoAssign })}
        />
      )}
    </div>
  );
}
