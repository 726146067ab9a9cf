import { useEffect, useState, type FormEvent } from 'react';
import type { CreateRecordResponse, FormValue, RecordForm } from '../../src/api/widget';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { createProblems } from '../../ui/api/widget';
import { LiteButton, Spinner } from '../lite';
import { FieldEditor } from './FieldEditor';
import { checkForm, toRequestValues } from './formChecks';

type Loaded =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; form: RecordForm };

/** The Create form of one mapped object, prefilled on the server from the mapping and this chat. */
export function CreateRecordForm({
  chatId,
  threadId,
  mappingId,
  objectLabel,
  onCreated,
  onCancel,
}: {
  chatId: string;
  /** The thread on screen: its values prefill the form and go into the record. */
  threadId: string | undefined;
  mappingId: string;
  objectLabel: string;
  onCreated: (created: CreateRecordResponse) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [values, setValues] = useState<Record<string, FormValue>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let gone = false;
    api.widget.form(chatId, mappingId, threadId).then(
      (res) => {
        if (gone) return;
        const account = res.accounts[0];
        const form = account?.forms[0];
        if (!form) {
          setLoaded({
            status: 'error',
            message: account?.message ?? 'This object cannot be created right now.',
          });
          return;
        }
        setValues(Object.fromEntries(form.fields.map((f) => [f.name, f.value])));
        // The chat's values that do not fit their field, shown where the agent can fix them.
        const initial: Record<string, string> = {};
        for (const p of form.problems) if (p.severity === 'error' && p.field) initial[p.field] = p.message;
        setProblems(initial);
        setLoaded({ status: 'ready', form });
      },
      (error: unknown) => !gone && setLoaded({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      gone = true;
    };
  }, [api, chatId, mappingId, threadId]);

  if (loaded.status === 'loading') {
    return (
      <div className="wf-form wf-form--loading" data-testid="create-form-loading">
        <Spinner label={`Preparing the ${objectLabel}…`} />
      </div>
    );
  }
  if (loaded.status === 'error') {
    return (
      <div className="wf-form" data-testid="create-form-error">
        <p className="wf-problem wf-problem--form">{loaded.message}</p>
        <LiteButton onClick={onCancel}>Close</LiteButton>
      </div>
    );
  }
  const { form } = loaded;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkForm(form.fields, values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      onCreated(
        await api.widget.createRecord({
          chatId,
          ...(threadId ? { threadId } : {}),
          mappingId,
          values: toRequestValues(form.fields, values),
        }),
      );
    } catch (error) {
      setProblems(createProblems(error) ?? { '': errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="wf-form"
      onSubmit={submit}
      noValidate
      data-testid="create-form"
      aria-label={`New ${form.objectLabel}`}
    >
      <div className="wf-form__title">New {form.objectLabel}</div>
      {form.fields.map((field) => (
        <FieldEditor
          key={field.name}
          field={field}
          value={values[field.name] ?? null}
          problem={problems[field.name]}
          onChange={(value) => {
            setValues((v) => ({ ...v, [field.name]: value }));
            setProblems(({ [field.name]: _fixed, ...rest }) => rest);
          }}
        />
      ))}
      {problems[''] && (
        <p className="wf-problem wf-problem--form" role="alert" data-testid="create-form-problem">
          {problems['']}
        </p>
      )}
      <div className="wf-actions">
        <LiteButton kind="primary" type="submit" disabled={saving} data-testid="create-save">
          {saving ? 'Saving…' : `Create ${form.objectLabel}`}
        </LiteButton>
        <LiteButton onClick={onCancel} disabled={saving}>
          Cancel
        </LiteButton>
      </div>
    </form>
  );
}
