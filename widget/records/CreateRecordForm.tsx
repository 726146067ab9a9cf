import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CreateRecordResponse, FormValue, RecordForm } from '../../src/api/widget';
import { useWidgetApi as useApi } from '../api';
import { errorMessage } from '../../ui/api/ApiError';
import { problemsByField } from '../../ui/problems';
import { queryKeys } from '../../ui/query/keys';
import { LiteButton, Spinner } from '../lite';
import { useQuery } from '../query/useQuery';
import { FieldEditor } from './FieldEditor';
import { checkForm, toRequestValues } from './formChecks';

interface Target {
  chatId: string;
  /** The thread on screen: its values prefill the form and go into the record. */
  threadId: string | undefined;
  mappingId: string;
}

/** The Create form of one mapped object, prefilled on the server from the mapping and this chat. */
export function CreateRecordForm({
  objectLabel,
  onCreated,
  onCancel,
  ...target
}: Target & {
  objectLabel: string;
  onCreated: (created: CreateRecordResponse) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { chatId, mappingId, threadId } = target;
  const loaded = useQuery({
    queryKey: queryKeys.form(chatId, mappingId, threadId),
    queryFn: () => api.widget.form(chatId, mappingId, threadId),
  });

  if (loaded.status === 'pending') {
    return (
      <div className="wf-form wf-form--loading" data-testid="create-form-loading">
        <Spinner label={`Preparing the ${objectLabel}…`} />
      </div>
    );
  }
  const account = loaded.data?.accounts[0];
  const form = account?.forms[0];
  if (!form) {
    return (
      <div className="wf-form" data-testid="create-form-error">
        <p className="wf-problem wf-problem--form">
          {loaded.error
            ? errorMessage(loaded.error)
            : (account?.message ?? 'This object cannot be created right now.')}
        </p>
        <LiteButton onClick={onCancel}>Close</LiteButton>
      </div>
    );
  }
  return (
    <FilledForm
      key={mappingId}
      target={target}
      accountId={account.account.id}
      form={form}
      onCreated={onCreated}
      onCancel={onCancel}
    />
  );
}

function FilledForm({
  target,
  accountId,
  form,
  onCreated,
  onCancel,
}: {
  target: Target;
  accountId: string;
  form: RecordForm;
  onCreated: (created: CreateRecordResponse) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { chatId, threadId, mappingId } = target;
  const [values, setValues] = useState<Record<string, FormValue>>(() =>
    Object.fromEntries(form.fields.map((f) => [f.name, f.value])),
  );
  // The chat's values that do not fit their field, shown where the agent can fix them.
  const [problems, setProblems] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      form.problems.flatMap((p) => (p.severity === 'error' && p.field ? [[p.field, p.message]] : [])),
    ),
  );
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, the first problem is brought into view and focused: in a narrow column
  // it is often above what the agent sees, and nothing would seem to happen.
  const [showFirstProblem, setShowFirstProblem] = useState(0);
  useEffect(() => {
    if (showFirstProblem === 0) return;
    const first =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current?.querySelector<HTMLElement>('[data-testid="create-form-problem"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [showFirstProblem]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkForm(form.fields, values);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setShowFirstProblem((n) => n + 1);
      return;
    }
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
      setProblems(problemsByField(error, { under: 'values' }));
      setShowFirstProblem((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
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
          accountId={accountId}
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
