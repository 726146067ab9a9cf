import { Picker, type IPickerListItem } from '@livechat/design-system-react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { LookupResult } from '../../src/api/mappings';
import { errorMessage } from '../../ui/api/ApiError';
import type { EditorEnv } from './editorEnv';
import { onPickerSelect } from './onPickerSelect';

type LookupRecord = LookupResult['records'][number];

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
  const [result, setResult] = useState<{ records: LookupRecord[]; error: unknown } | null>(null);
  const [searching, setSearching] = useState(false);
  const run = useRef(0);
  const { api, accountId } = env;

  useEffect(() => {
    if (!open) return;
    const mine = ++run.current;
    setSearching(true);
    const timer = setTimeout(() => {
      api
        .lookupRecords(accountId, object, query.trim())
        .then(
          (records) => mine === run.current && setResult({ records, error: null }),
          (error: unknown) => mine === run.current && setResult({ records: [], error }),
        )
        .finally(() => mine === run.current && setSearching(false));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, accountId, object, query, open]);

  const options = useMemo<IPickerListItem[]>(() => {
    if (result?.error) return [{ key: '__error', name: errorMessage(result.error), disabled: true }];
    return (result?.records ?? []).map((record) => ({
      key: record.id,
      name: record.name,
      secondaryText: record.id,
    }));
  }, [result]);

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
