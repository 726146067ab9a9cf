import { RadioButton, Switch, Text } from '@livechat/design-system-react-components';
import type { Problem } from '../../src/mapping/problems';
import { hasAssignmentRules, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { DraftOptions } from './useMappingDraft';
import { ProblemMessages } from './ProblemMessages';

interface Props {
  meta: ObjectMetadata;
  options: DraftOptions;
  hasOwner: boolean;
  duplicateProblems: readonly Problem[];
  onChange: (options: Partial<DraftOptions>) => void;
}

function SwitchOption({
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

/** Automation, what to do when the visitor already has a record, and who owns new records. */
export function MappingOptions({ meta, options, hasOwner, duplicateProblems, onChange }: Props) {
  const plural = meta.label.toLowerCase();
  return (
    <div className="mapping-options">
      <SwitchOption
        testId="automation-switch"
        title="Enable automation"
        description={`Create a ${plural} automatically after each chat ends. Agents can always create one by hand from the chat.`}
        on={options.automation}
        onChange={(automation) => onChange({ automation })}
      />
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
        <ProblemMessages problems={duplicateProblems} testId="duplicate-policy-problems" />
      </fieldset>
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
