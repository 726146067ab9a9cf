import { useCallback, useMemo, useState } from 'react';
import type { EntryType } from '../../src/mapping/mapping';
import type { Problem } from '../../src/mapping/problems';
import { findField, type FieldMetadata, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { recordMappings } from './chatSet';
import {
  emptyEntry,
  placeProblems,
  suggestedEntry,
  toMapping,
  validateDraft,
  type Draft,
  type DraftContext,
  type DraftField,
  type PlacedProblems,
} from './draft';

export type DraftOptions = Pick<
  Draft,
  'automation' | 'duplicatePolicy' | 'autoAssign' | 'cardFields' | 'skipIfExistsAs' | 'recordTypeId' | 'logAs'
>;

interface State {
  draft: Draft;
  /** Rows the owner has changed: their errors show at once; untouched rows wait for Save. */
  touched: ReadonlySet<string>;
  /** Save was pressed: every error shows. */
  submitted: boolean;
  /** The server's problems from the last Save, shown until the next change. */
  serverProblems: Problem[] | null;
  /** Entries the owner switched away from, per field and type, to restore when switching back. */
  stash: Readonly<Record<string, Partial<Record<EntryType, DraftField>>>>;
}

export interface MappingDraft {
  draft: Draft;
  /** Every problem the browser finds, shown or not yet. */
  problems: Problem[];
  /** The problems to show now, by where they go. */
  shown: PlacedProblems;
  hasErrors: boolean;
  /** Errors to fix: the server's, after a refused Save, else the browser's. */
  errorCount: number;
  /** The draft as a Mapping, or null while a choice is missing. */
  mapping: ReturnType<typeof toMapping>;
  setEntry: (index: number, entry: DraftField) => void;
  setEntryType: (index: number, entryType: EntryType) => void;
  addField: (field: FieldMetadata) => void;
  removeField: (index: number) => void;
  setSearchable: (fieldName: string, on: boolean) => void;
  setOptions: (options: Partial<DraftOptions>) => void;
  /** Marks Save as pressed; answers whether the draft may be sent. */
  submit: () => boolean;
  setServerProblems: (problems: Problem[] | null) => void;
}

/** The mapping being edited, its problems (as `validateMapping` finds them while the owner edits) and its edits. */
export function useMappingDraft(
  initial: Draft,
  meta: ObjectMetadata,
  context: DraftContext,
  { showAllProblems = false }: { showAllProblems?: boolean } = {},
): MappingDraft {
  const [state, setState] = useState<State>(() => ({
    draft: initial,
    touched: new Set(),
    submitted: showAllProblems,
    serverProblems: null,
    stash: {},
  }));
  const { draft } = state;

  const edit = useCallback((update: (draft: Draft) => Draft, touchedField?: string) => {
    setState((s) => ({
      ...s,
      draft: update(s.draft),
      touched: touchedField ? new Set([...s.touched, touchedField]) : s.touched,
      serverProblems: null,
    }));
  }, []);

  const setEntry = useCallback(
    (index: number, entry: DraftField) =>
      edit((d) => ({ ...d, fields: d.fields.map((e, i) => (i === index ? entry : e)) }), entry.field),
    [edit],
  );

  const setEntryType = useCallback(
    (index: number, entryType: EntryType) =>
      setState((s) => {
        const current = s.draft.fields[index];
        const field = current && findField(meta, current.field);
        if (!current || !field || current.entryType === entryType) return s;
        const stashed = s.stash[field.name]?.[entryType];
        const mapped = recordMappings(context.siblings ?? []).map((m) => m.objectName);
        const fresh = emptyEntry(field, entryType, mapped);
        // The rule for updating the found record is the field's, whatever gives its value.
        const next = stashed ?? (current.updateRule ? { ...fresh, updateRule: current.updateRule } : fresh);
        return {
          ...s,
          draft: {
            ...s.draft,
            fields: s.draft.fields.map((e, i) => (i === index ? next : e)),
            // A fixed value finds the same records for every visitor, and this chat's record is known
            // only once written: neither can stay searchable.
            searchableFields:
              entryType === 'static' || entryType === 'chatRecord'
                ? s.draft.searchableFields.filter((name) => name !== field.name)
                : s.draft.searchableFields,
          },
          touched: new Set([...s.touched, field.name]),
          serverProblems: null,
          stash: {
            ...s.stash,
            [field.name]: { ...s.stash[field.name], [current.entryType]: current },
          },
        };
      }),
    [meta, context.siblings],
  );

  const addField = useCallback(
    (field: FieldMetadata) =>
      edit((d) =>
        d.fields.some((e) => e.field === field.name)
          ? d
          : { ...d, fields: [...d.fields, suggestedEntry(field)] },
      ),
    [edit],
  );

  const removeField = useCallback(
    (index: number) =>
      edit((d) => {
        const removed = d.fields[index];
        return {
          ...d,
          fields: d.fields.filter((_, i) => i !== index),
          searchableFields: d.searchableFields.filter((name) => name !== removed?.field),
        };
      }),
    [edit],
  );

  const setSearchable = useCallback(
    (fieldName: string, on: boolean) =>
      edit(
        (d) => ({
          ...d,
          searchableFields: on
            ? [...d.searchableFields.filter((name) => name !== fieldName), fieldName]
            : d.searchableFields.filter((name) => name !== fieldName),
        }),
        fieldName,
      ),
    [edit],
  );

  const setOptions = useCallback(
    (options: Partial<DraftOptions>) => edit((d) => ({ ...d, ...options })),
    [edit],
  );

  const problems = useMemo(() => validateDraft(draft, meta, context), [draft, meta, context]);
  const hasErrors = problems.some((p) => p.severity === 'error');

  const submit = useCallback(() => {
    setState((s) => ({ ...s, submitted: true }));
    return !hasErrors;
  }, [hasErrors]);

  const setServerProblems = useCallback(
    (serverProblems: Problem[] | null) => setState((s) => ({ ...s, serverProblems, submitted: true })),
    [],
  );

  const shown = useMemo(() => {
    if (state.serverProblems) {
      // The server's answer, plus the browser's warnings it does not repeat.
      const said = new Set(state.serverProblems.map((p) => `${p.path} ${p.code}`));
      const warnings = problems.filter((p) => p.severity === 'warning' && !said.has(`${p.path} ${p.code}`));
      return placeProblems([...state.serverProblems, ...warnings], draft);
    }
    const visible = problems.filter((problem) => {
      if (problem.severity === 'warning' || state.submitted) return true;
      // The key fields are chosen from a list: what is wrong with them is never a typing in progress.
      if (/^cardFields(\.|$)/.test(problem.path)) return true;
      // An empty chat-value picker speaks for itself until Save.
      if (problem.code === 'value_required' && /\.(source|object|match\.\w+)$/.test(problem.path))
        return false;
      const row = /^fields\.(\d+)(\.|$)/.exec(problem.path);
      const entry = row ? draft.fields[Number(row[1])] : undefined;
      if (entry) return state.touched.has(entry.field);
      if (problem.field) return state.touched.has(problem.field);
      return problem.path === 'duplicatePolicy' || /^skipIfExistsAs(\.|$)/.test(problem.path);
    });
    return placeProblems(visible, draft);
  }, [state.serverProblems, state.submitted, state.touched, problems, draft]);

  const mapping = useMemo(() => toMapping(draft), [draft]);
  const errorCount = (state.serverProblems ?? problems).filter((p) => p.severity === 'error').length;

  return {
    draft,
    problems,
    shown,
    hasErrors,
    errorCount,
    mapping,
    setEntry,
    setEntryType,
    addField,
    removeField,
    setSearchable,
    setOptions,
    submit,
    setServerProblems,
  };
}
