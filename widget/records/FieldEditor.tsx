import type { FormField, FormValue } from '../../src/api/widget';

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
  problem?: string;
  onChange: (value: FormValue) => void;
}

/** The editor that fits a Salesforce field type, compact like the Agent App's own inputs. */
export function FieldEditor({ field, value, problem, onChange }: Props) {
  const id = `field-${field.name}`;
  const common = {
    id,
    name: field.name,
    className: `wf-input${problem ? ' wf-input--invalid' : ''}`,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
    'data-testid': `field-${field.name}`,
  } as const;
  const text = (type: string, extra: Record<string, unknown> = {}) => (
    <input
      {...common}
      type={type}
      value={asText(value)}
      maxLength={field.length > 0 ? field.length : undefined}
      onChange={(e) => onChange(e.target.value)}
      {...extra}
    />
  );

  let editor;
  if (field.autoMatch) {
    const { found, searchedFor, object } = field.autoMatch;
    editor = (
      <div className="wf-match" data-testid={`field-${field.name}`}>
        {found ? (
          <>
            <span className="wf-match__name">{found.name}</span>
            <span className="wf-match__how">
              {object} matched by {searchedFor}
            </span>
          </>
        ) : (
          <span className="wf-match__how">
            {searchedFor
              ? `No ${object} matches ${searchedFor}; Salesforce’s default applies.`
              : `This chat has no value to match a ${object} with; Salesforce’s default applies.`}
          </span>
        )}
      </div>
    );
  } else {
    switch (field.type) {
      case 'textarea':
        editor = (
          <textarea
            {...common}
            rows={3}
            value={asText(value)}
            maxLength={field.length > 0 ? field.length : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        );
        break;
      case 'boolean':
        editor = (
          <input
            {...common}
            className="wf-checkbox"
            type="checkbox"
            checked={value === true || value === 'true'}
            onChange={(e) => onChange(e.target.checked)}
          />
        );
        break;
      case 'picklist':
        editor = (
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
        );
        break;
      case 'multipicklist': {
        const chosen = Array.isArray(value)
          ? value
          : typeof value === 'string' && value
            ? value.split(';')
            : [];
        editor = (
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
          </select>
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
        editor = text(
          'text',
          field.type === 'reference' ? { placeholder: `${field.referenceTo[0] ?? 'Record'} id` } : {},
        );
    }
  }

  return (
    <div className="wf-field" data-field={field.name}>
      <label className="wf-label" htmlFor={id}>
        {field.label}
        {field.required && (
          <span className="wf-required" aria-label="required">
            {' '}
            *
          </span>
        )}
      </label>
      {editor}
      {field.display && field.type === 'reference' && <div className="wf-hint">{field.display}</div>}
      {problem && (
        <div className="wf-problem" id={`${id}-problem`} role="alert" data-testid={`problem-${field.name}`}>
          {problem}
        </div>
      )}
    </div>
  );
}
