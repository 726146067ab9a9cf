import { Button, Input, Picker, Text, type IPickerListItem } from '@livechat/design-system-react-components';
import { useMemo } from 'react';
import { runStatuses, type RunStatus } from '../../src/api/automation';
import { onPickerSelect } from '../mappings/onPickerSelect';
import type { ActivityFilters as Filters } from './useActivity';
import { noFilters } from './useActivity';
import { filterableStatuses, statusHints, statusLabels } from './runText';

const isStatus = (key: string | undefined): key is RunStatus => runStatuses.includes(key as RunStatus);

/** Status (a searchable select) and a date range; the list reloads as soon as one changes. */
export function ActivityFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const options = useMemo<IPickerListItem[]>(
    () => filterableStatuses.map((s) => ({ key: s, name: statusLabels[s], secondaryText: statusHints[s] })),
    [],
  );
  const selected = filters.status ? [{ key: filters.status, name: statusLabels[filters.status] }] : null;
  const invalidRange = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const any = filters.status !== null || filters.from !== '' || filters.to !== '' || filters.visitor !== '';

  return (
    <div className="activity-filters" role="search" aria-label="Filter the runs">
      <div
        className="activity-filters__field activity-filters__field--status"
        data-testid="activity-filter-status"
      >
        <Text as="div" size="sm" className="activity-filters__label" id="activity-status-label">
          Status
        </Text>
        <Picker
          aria-labelledby="activity-status-label"
          options={options}
          selected={selected}
          onSelect={onPickerSelect((items) => {
            const key = items?.[0]?.key;
            onChange({ ...filters, status: isStatus(key) ? key : null });
          })}
          placeholder="All statuses"
          noSearchResultText="No status matches"
          size="compact"
        />
      </div>
      <label className="activity-filters__field activity-filters__field--visitor">
        <Text as="span" size="sm" className="activity-filters__label">
          Visitor
        </Text>
        <Input
          type="search"
          inputSize="compact"
          placeholder="Name or email"
          value={filters.visitor}
          onChange={(e) => onChange({ ...filters, visitor: e.target.value })}
          data-testid="activity-filter-visitor"
        />
      </label>
      <label className="activity-filters__field">
        <Text as="span" size="sm" className="activity-filters__label">
          From
        </Text>
        <Input
          type="date"
          inputSize="compact"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => onChange({ ...filters, from: e.target.value })}
          error={invalidRange}
          data-testid="activity-filter-from"
        />
      </label>
      <label className="activity-filters__field">
        <Text as="span" size="sm" className="activity-filters__label">
          To
        </Text>
        <Input
          type="date"
          inputSize="compact"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => onChange({ ...filters, to: e.target.value })}
          error={invalidRange}
          data-testid="activity-filter-to"
        />
      </label>
      {any && (
        <div className="activity-filters__clear">
          <Button
            kind="text"
            size="compact"
            onClick={() => onChange(noFilters)}
            data-testid="activity-clear-filters"
          >
            Clear filters
          </Button>
        </div>
      )}
    </div>
  );
}
