import { SegmentedControl } from '@livechat/design-system-react-components';
import type { EntryType } from '../../src/mapping/mapping';

const labels: Record<EntryType, string> = { static: 'Static', dynamic: 'Dynamic', autoMatch: 'Auto-Match' };

/** Static, Dynamic, or (for lookup fields only) Auto-Match. */
export function EntryTypeControl({
  fieldName,
  value,
  isReference,
  onChange,
}: {
  fieldName: string;
  value: EntryType;
  isReference: boolean;
  onChange: (entryType: EntryType) => void;
}) {
  const types: EntryType[] = isReference ? ['static', 'dynamic', 'autoMatch'] : ['static', 'dynamic'];
  return (
    <div className="field-row__entry-type" data-testid={`entry-type-${fieldName}`} data-value={value}>
      <SegmentedControl
        className="entry-type-segmented"
        size="compact"
        buttons={types.map((type) => ({ id: type, label: labels[type] }))}
        currentId={value}
        onButtonClick={(id) => onChange(id as EntryType)}
      />
    </div>
  );
}
