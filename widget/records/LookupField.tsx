import Check from '@livechat/design-system-icons/Check';
import Close from '@livechat/design-system-icons/Close';
import Search from '@livechat/design-system-icons/Search';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FormField, FormValue, LookupRecord } from '../../src/api/widget';
import { useWidgetApi as useApi } from '../api';
import { errorMessage } from '../../ui/api/ApiError';
import { queryKeys } from '../../ui/query/keys';
import { cx, ds, inputFrame, LiteButton, LiteLoader, SelectChevron, useFocused } from '../lite';
import { useQuery } from '../query/useQuery';

const DEBOUNCE_MS = 250;

interface Props {
  /** The input's id, which the field's label points to. */
  id: string;
  field: FormField;
  value: FormValue;
  accountId: string | undefined;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: string | null) => void;
}

type Chosen = LookupRecord & { object: string };

const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/**
 * A reference field as a lookup (the ARIA combobox pattern): type to search the object's records by
 * name, pick one with the mouse or the arrow keys and Enter, Escape to close, × to clear. The record's
 * id is the value; its name is what the agent reads. A polymorphic field (WhoId, WhatId) first offers
 * its objects.
 */
export function LookupField({ id, field, value, accountId, invalid, describedBy, onChange }: Props) {
  const api = useApi();
  const objects = field.lookup?.objects ?? [];
  const [chosen, setChosen] = useState<Chosen | null>(field.lookup?.record ?? null);
  const [object, setObject] = useState(chosen?.object ?? objects[0]?.name ?? '');
  // An id that matches no record stays visible as it is, beside the problem that says so.
  const shown = chosen?.name ?? (typeof value === 'string' ? value : '');
  const [text, setText] = useState(shown);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const focus = useFocused();
  const kindFocus = useFocused();
  const inputRef = useRef<HTMLInputElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);

  const q = text === shown ? '' : text.trim();
  const [searched, setSearched] = useState(q);
  useEffect(() => {
    const timer = setTimeout(() => setSearched(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);
  const asking = open && accountId !== undefined && object !== '';
  const results = useQuery({
    queryKey: asking ? queryKeys.widgetLookup(accountId, object, searched) : ['widget', 'lookup', null],
    queryFn: () => (asking ? api.widget.lookup(accountId, object, searched) : Promise.resolve([])),
  });
  const records = results.status === 'success' ? results.data : [];
  const searching = searched !== q || results.status === 'pending';
  const current = Math.min(active, records.length - 1);

  const listId = `${id}-results`;
  const optionId = (n: number) => `${id}-option-${n}`;
  const label = objects.find((o) => o.name === object)?.label ?? object;

  useEffect(() => setActive(0), [searched, object]);
  useEffect(() => {
    if (open) popupRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open, records.length]);
  useEffect(() => {
    if (open && current >= 0)
      document.getElementById(`${id}-option-${current}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, current, id]);

  function close() {
    setOpen(false);
    setText(shown);
  }
  function pick(record: LookupRecord) {
    setChosen({ ...record, object });
    setText(record.name);
    setOpen(false);
    onChange(record.id);
  }
  function clear() {
    setChosen(null);
    setText('');
    setOpen(false);
    onChange(null);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.min(current + 1, records.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive(Math.max(current - 1, 0));
        break;
      case 'Enter':
        // With the list open, Enter picks; it never sends the form from here.
        if (open) {
          event.preventDefault();
          const record = records[current];
          if (record && !searching) pick(record);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        break;
    }
  }

  if (objects.length === 0) {
    return (
      <div className={cx(ds.textSm, ds.fieldDescription)} data-testid={`field-${field.name}`}>
        This org has none of the records “{field.label}” points to ({field.referenceTo.join(', ')}).
      </div>
    );
  }

  let popup = null;
  if (open) {
    const status = (content: ReactNode) => (
      <div className={cx(ds.noResults, 'wf-lookup__status')} role="status">
        {content}
      </div>
    );
    let body;
    if (results.status === 'error' && !searching) {
      body = status(
        <>
          <span className={cx(ds.textMd, 'wf-lookup__error')}>{errorMessage(results.error)}</span>
          <LiteButton
            kind="secondary"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => results.refetch()}
            data-testid={`lookup-retry-${field.name}`}
          >
            Try again
          </LiteButton>
        </>,
      );
    } else if (searching) {
      body = status(<LiteLoader label="Searching…" />);
    } else if (records.length === 0) {
      body = status(
        <span className={cx(ds.textMd, ds.noResultsText)}>
          {q ? `No ${label.toLowerCase()} matches “${q}”` : `No ${label.toLowerCase()} to choose from`}
        </span>,
      );
    }
    popup = (
      <div ref={popupRef} className={cx(ds.listbox, 'wf-lookup__popup')} data-testid={`lookup-${field.name}`}>
        <ul id={listId} role="listbox" aria-label={`${label} records`} className="wf-lookup__list">
          {!body &&
            records.map((record, n) => (
              <li
                key={record.id}
                id={optionId(n)}
                role="option"
                aria-selected={record.id === chosen?.id}
                className={cx(
                  ds.itemWrapper,
                  n === 0 && ds.itemWrapperFirst,
                  n === records.length - 1 && ds.itemWrapperLast,
                  'wf-lookup__option',
                )}
                // Keeps the focus in the input, so a click picks before the input's blur closes the list.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => n !== current && setActive(n)}
                onClick={() => pick(record)}
              >
                <div className={ds.item} aria-current={n === current}>
                  <div className={ds.itemLabelContainer}>
                    <span className={cx(ds.textMd, ds.itemLabel)}>{record.name}</span>
                  </div>
                  {record.id === chosen?.id && (
                    <span className={cx(ds.icon, 'wf-lookup__check')} aria-hidden="true">
                      <Check width={20} height={20} />
                    </span>
                  )}
                </div>
              </li>
            ))}
        </ul>
        {body}
      </div>
    );
  }

  return (
    <div className="wf-lookup">
      <div className="wf-lookup__row">
        {objects.length > 1 && (
          <div className={cx(inputFrame({ focused: kindFocus.focused }), 'wf-select', 'wf-lookup__object')}>
            <select
              aria-label={`Kind of record for “${field.label}”`}
              data-testid={`lookup-object-${field.name}`}
              // As wide as the chosen kind, not the longest one: the search beside it keeps the room.
              style={{ width: `calc(${label.length}ch + 28px)` }}
              onFocus={kindFocus.onFocus}
              onBlur={kindFocus.onBlur}
              value={object}
              onChange={(e) => {
                setObject(e.target.value);
                setChosen(null);
                setText('');
                setOpen(false);
                onChange(null);
              }}
            >
              {objects.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.label}
                </option>
              ))}
            </select>
            <SelectChevron />
          </div>
        )}
        <div
          className={cx(inputFrame({ focused: focus.focused, invalid }), 'wf-lookup__box')}
          onClick={() => inputRef.current?.focus()}
        >
          <span className={cx(ds.icon, ds.inputIconLeft, 'wf-lookup__icon')} aria-hidden="true">
            <Search width={20} height={20} />
          </span>
          <input
            ref={inputRef}
            id={id}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && !searching && current >= 0 ? optionId(current) : undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            spellCheck={false}
            placeholder={`Find ${withArticle(label.toLowerCase())} by name`}
            // A long name cut to fit the column reads whole on hover.
            title={chosen?.name}
            data-testid={`field-${field.name}`}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onClick={() => setOpen(true)}
            onKeyDown={onKeyDown}
            onFocus={focus.onFocus}
            onBlur={() => {
              focus.onBlur();
              if (open) close();
            }}
          />
          {(chosen || text) && (
            <LiteButton
              kind="plain"
              size="xcompact"
              className={cx(ds.buttonIconOnly, 'wf-lookup__clear')}
              aria-label={`Clear “${field.label}”`}
              data-testid={`lookup-clear-${field.name}`}
              onClick={(e) => {
                e.stopPropagation();
                clear();
              }}
            >
              <span className={ds.icon} aria-hidden="true">
                <Close width={16} height={16} />
              </span>
            </LiteButton>
          )}
        </div>
      </div>
      {popup}
    </div>
  );
}
