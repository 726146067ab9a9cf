import { SegmentedControl } from '@livechat/design-system-react-components';
import type { EntryType } from '../../src/mapping/mapping';

const labels: Record<EntryType, string> = {
  static: 'Static',
  dynamic: 'Dynamic',
  autoMatch: 'Auto-Match',
  chatRecord: 'This chat’s record',
};

/**
 * Static, Dynamic, or for lookup fields Auto-Match, and (when the field can point to an object the
 * account maps) this chat's record of that mapping.
 */
export function EntryTypeControl({
  fieldName,
  value,
  isReference,
  offersChatRecord,
  onChange,
}: {
  fieldName: string;
  value: EntryType;
  isReference: boolean;
  offersChatRecord: boolean;
  onChange: (entryType: EntryType) => void;
}) {
  const types: EntryType[] = isReference ? ['static', 'dynamic', 'autoMatch'] : ['static', 'dynamic'];
  // A saved entry stays selectable even when its mapping is gone, so the row can say what is wrong.
  if (offersChatRecord || value === 'chatRecord') types.push('chatRecord');
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
