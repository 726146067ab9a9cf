import type { ReactNode } from 'react';
import type { FormField, FormValue } from '../../src/api/widget';
import { cx, ds, inputFrame, LiteFieldError, SelectChevron, textareaFrame, useFocused } from '../lite';
import { fieldLabel } from './formChecks';
import { LookupField } from './LookupField';

/** `2024-05-22T14:30:00.000Z` ↔ the `datetime-local` input's local `2024-05-22T16:30`. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2024-05-22`, what a date input can show. */
const isDateText = (text: string) => text === '' || /^\d{4}-\d{2}-\d{2}/.test(text);

const asText = (value: FormValue) =>
  value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

interface Props {
  field: FormField;
  value: FormValue;
  problem?: string | undefined;
  onChange: (value: FormValue) => void;
  /** The Salesforce account of the form: where reference fields look up records. */
  accountId?: string;
}

/** What the agent reads under a reference field: how its record was found, while it still holds it. */
function referenceHint(field: FormField, value: FormValue): string | null {
  if (field.chatRecord) {
    const label = field.chatRecord.objectLabel;
    if (field.lookup?.record && value === field.lookup.record.id) return `This chat’s ${label}`;
    return value === null || value === ''
      ? `This chat has no ${label} yet: create it first, or find one.`
      : null;
  }
  if (!field.autoMatch) return null;
  const { found, searchedFor, object, field: by } = field.autoMatch;
  if (found) return value === found.id ? `${object} matched by ${by} (${searchedFor})` : null;
  if (value !== null && value !== '') return null;
  // Salesforce gives a new record an owner (its creator, or assignment rules); other lookups stay empty.
  const otherwise = field.name === 'OwnerId' ? 'Salesforce’s default applies' : 'find one, or leave it empty';
  return searchedFor
    ? `No ${object} matches ${searchedFor}: ${otherwise}.`
    : `This chat has no value to match a ${object} with: ${otherwise}.`;
}

/**
 * The editor that fits a Salesforce field type, in the design system's form controls (compact, as the
 * Agent App's side panels): its label above, a hint or the problem below.
 */
export function FieldEditor({ field, value, problem, onChange, accountId }: Props) {
  const id = `field-${field.name}`;
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const focus = useFocused();
  const invalid = Boolean(problem);
  const hint = field.type === 'reference' ? referenceHint(field, value) : null;
  const describedBy = problem ? problemId : hint ? hintId : undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'data-testid': `field-${field.name}`,
    onFocus: focus.onFocus,
    onBlur: focus.onBlur,
  } as const;
  const framed = (control: ReactNode, extra?: string) => (
    <div className={cx(inputFrame({ focused: focus.focused, invalid }), extra)}>{control}</div>
  );
  const text = (type: string, extra: Record<string, unknown> = {}) =>
    framed(
      <input
        {...common}
        type={type}
        value={asText(value)}
        maxLength={field.length > 0 ? field.length : undefined}
        onChange={(e) => onChange(e.target.value)}
        {...extra}
      />,
    );

  let editor;
  let labelled = true;
  switch (field.type) {
    case 'reference':
      editor = (
        <LookupField
          id={id}
          field={field}
          value={value}
          accountId={accountId}
          invalid={invalid}
          describedBy={describedBy}
          onChange={onChange}
        />
      );
      break;
    case 'textarea':
      editor = (
        <div className={cx(textareaFrame({ focused: focus.focused, invalid }), 'wf-textarea')}>
          <textarea
            {...common}
            rows={3}
            value={asText(value)}
            maxLength={field.length > 0 ? field.length : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      );
      break;
    case 'boolean': {
      // The design system's Checkbox: the box with the field's name beside it, one label for both.
      const checked = value === true || value === 'true';
      labelled = false;
      editor = (
        <div className={cx(ds.checkbox, checked && ds.checkboxSelected)}>
          <label className={ds.checkboxLabel}>
            <input
              {...common}
              className={ds.checkboxInput}
              type="checkbox"
              checked={checked}
              onChange={(e) => onChange(e.target.checked)}
            />
            <div className={cx(ds.textMd, ds.checkboxText)}>{fieldLabel(field)}</div>
          </label>
        </div>
      );
      break;
    }
    case 'picklist':
      editor = framed(
        <>
          <select {...common} value={asText(value)} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">{field.required ? 'Choose…' : '—'}</option>
            {field.picklistValues.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
            {typeof value === 'string' && value && !field.picklistValues.some((p) => p.value === value) && (
              <option value={value}>{value}</option>
            )}
          </select>
          <SelectChevron />
        </>,
        'wf-select',
      );
      break;
    case 'multipicklist': {
      const chosen = Array.isArray(value)
        ? value
        : typeof value === 'string' && value
          ? value.split(';')
          : [];
      editor = framed(
        <select
          {...common}
          multiple
          size={Math.min(4, Math.max(2, field.picklistValues.length))}
          value={chosen}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        >
          {field.picklistValues.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>,
        'wf-multi',
      );
      break;
    }
    case 'email':
      editor = text('email');
      break;
    case 'phone':
      editor = text('tel');
      break;
    case 'url':
      editor = text('url');
      break;
    case 'date':
      // A value from the chat that is not a date would show as an empty date input that still
      // refuses to save: it stays visible, as text, until the agent replaces it.
      editor = isDateText(asText(value))
        ? text('date', { value: asText(value).slice(0, 10) })
        : text('text', { placeholder: 'YYYY-MM-DD' });
      break;
    case 'datetime':
      editor =
        value === null || (typeof value === 'string' && toLocalInput(value))
          ? text('datetime-local', {
              value: typeof value === 'string' && value ? toLocalInput(value) : '',
              onChange: (e: { target: { value: string } }) =>
                onChange(e.target.value ? new Date(e.target.value).toISOString() : null),
            })
          : text('text', { placeholder: 'YYYY-MM-DDTHH:MM' });
      break;
    case 'time':
      editor = text('time', { value: asText(value).slice(0, 5) });
      break;
    case 'int':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
      // Text with a decimal keypad, not a number input: a number input hides a value that is not
      // a number and shows a large one rounded; the form's checks say what is wrong instead.
      editor = text('text', {
        inputMode: field.type === 'int' || field.type === 'long' ? 'numeric' : 'decimal',
        autoComplete: 'off',
      });
      break;
    default:
      editor = text('text');
  }

  return (
    <div className="wf-field" data-field={field.name}>
      {labelled && (
        <label className={ds.fieldLabel} htmlFor={id}>
          <span className={ds.textSm}>
            {fieldLabel(field)}
            {field.required && (
              <span className="wf-required" aria-label="required">
                {' '}
                *
              </span>
            )}
          </span>
        </label>
      )}
      {editor}
      {problem ? (
        <LiteFieldError id={problemId} testId={`problem-${field.name}`}>
          {problem}
        </LiteFieldError>
      ) : (
        hint && (
          <span id={hintId} className={cx(ds.textSm, ds.fieldDescription, 'wf-hint')}>
            {hint}
          </span>
        )
      )}
    </div>
  );
}
