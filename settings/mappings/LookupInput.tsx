import { Picker, type IPickerListItem } from '@livechat/design-system-react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { errorMessage } from '../../ui/api/ApiError';
import { queryKeys } from '../../ui/query/keys';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import type { EditorEnv } from './editorEnv';
import { onPickerSelect } from './onPickerSelect';

const DEBOUNCE_MS = 250;

interface Props {
  env: EditorEnv;
  /** The object to search, e.g. `User`. */
  object: string;
  value: { id: string; name: string } | null;
  onChange: (record: { id: string; name: string } | null) => void;
  testId: string;
  error?: boolean;
}

/**
 * A reference field's fixed record: type to search the referenced object by name (debounced), pick one.
 * The id is what Salesforce gets; the name is what this screen shows.
 */
export function LookupInput({ env, object, value, onChange, testId, error }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const searched = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const { api, accountId } = env;

  const lookup = useQuery({
    queryKey: queryKeys.lookup(accountId, object, searched),
    queryFn: () => api.lookupRecords(accountId, object, searched),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const searching = open && (searched !== query.trim() || lookup.isFetching);

  const options = useMemo<IPickerListItem[]>(() => {
    if (lookup.isError) return [{ key: '__error', name: errorMessage(lookup.error), disabled: true }];
    return (lookup.data ?? []).map((record) => ({
      key: record.id,
      name: record.name,
      secondaryText: record.id,
    }));
  }, [lookup.isError, lookup.error, lookup.data]);

  return (
    <Picker
      data-testid={testId}
      className="lookup-input"
      options={options}
      selected={value ? [{ key: value.id, name: value.name, secondaryText: value.id }] : null}
      onSelect={onPickerSelect((items) => {
        const item = items?.[0];
        onChange(item ? { id: item.key, name: item.name } : null);
      })}
      onOpen={() => setOpen(true)}
      onClose={() => {
        setOpen(false);
        setQuery('');
      }}
      placeholder={`Search ${object} records by name`}
      noSearchResultText={searching ? 'Searching…' : `No ${object} record matches`}
      error={error}
      inputProps={{
        onInput: (event: FormEvent<HTMLInputElement>) => setQuery(event.currentTarget.value),
        'aria-label': `Search ${object} records`,
      }}
    />
  );
}
