import { Alert, Button, Heading, Text } from '@livechat/design-system-react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import { kindOf, type Mapping } from '../../src/mapping/mapping';
import {
  isRequiredOnCreate,
  findField,
  withRecordTypePicklists,
  type ObjectMetadata,
} from '../../src/salesforce/objectMetadata';
import { errorMessage } from '../../ui/api/ApiError';
import type { MappingsApi } from '../../ui/api/mappings';
import { queryKeys } from '../../ui/query/keys';
import { AddOptionalField } from './AddOptionalField';
import { CardFieldsPicker } from './CardFieldsPicker';
import { recordMappings, type SetMember } from './chatSet';
import { catalogueFields } from './chatSourceOptions';
import { ConversationOptions } from './ConversationOptions';
import type { Draft, DraftContext } from './draft';
import type { EditorEnv } from './editorEnv';
import { FieldRow } from './FieldRow';
import { useMappingsChanged } from './mappingsQuery';
import { MappingOptions } from './MappingOptions';
import { PreviewPanel } from './PreviewPanel';
import { ProblemMessages } from './ProblemMessages';
import { RescanChatsLink } from './RescanChatsLink';
import { serverProblems } from './serverProblems';
import { useMappingDraft } from './useMappingDraft';
import { useRecordTypePicklists, useRelatedObjects } from './useDescribe';

/** The objects whose metadata the checks need: those Auto-Match fields search, and skip checks look in. */
function relatedObjectNames(draft: Draft): string[] {
  return [
    ...draft.fields.flatMap((e) => (e.entryType === 'autoMatch' ? [e.match.object] : [])),
    ...(draft.skipIfExistsAs ?? []),
  ];
}

interface Props {
  env: EditorEnv;
  api: MappingsApi;
  meta: ObjectMetadata;
  initial: Draft;
  /** The mapping being edited; null when creating one. */
  saved: SavedMapping | null;
  onSaved: (mapping: SavedMapping) => void;
  onCancel: () => void;
}

/** The fields of one object's mapping, its options, the preview and Save. */
export function MappingForm({ env, api, meta, initial, saved, onSaved, onCancel }: Props) {
  const [saveError, setSaveError] = useState<string | null>(null);
  const changed = useMappingsChanged(env.accountId);

  // The objects Auto-Match fields search and skip checks look in, to check their fields; loaded as
  // they are chosen.
  const [relatedNames, setRelatedNames] = useState<string[]>(() => relatedObjectNames(initial));
  const relatedObjects = useRelatedObjects(env, relatedNames);
  // The record type chosen, whose picklist values the editors offer and the checks follow.
  const [recordTypeId, setRecordTypeId] = useState(initial.recordTypeId ?? null);
  const recordType = useRecordTypePicklists({ accountId: env.accountId, api }, meta.name, recordTypeId);
  const objects = useQuery({
    queryKey: queryKeys.objects(env.accountId),
    queryFn: () => api.listObjects(env.accountId),
  });
  const { catalogue } = env.chatFields;
  // The account's other mappings: the chat's records this one's lookup fields can take.
  const otherMappings = useMemo(
    () => env.mappings.filter((m) => m.id !== saved?.id),
    [env.mappings, saved?.id],
  );
  const context = useMemo<DraftContext>(
    () => ({
      relatedObjects,
      chatFields: catalogueFields(catalogue),
      siblings: otherMappings,
      ...(objects.data && { orgObjects: objects.data.map((o) => o.name) }),
      ...(recordType.data && { recordTypePicklists: recordType.data.picklists }),
    }),
    [relatedObjects, catalogue, otherMappings, objects.data, recordType.data],
  );
  const conversation = kindOf(initial) === 'conversation';
  // A saved mapping shows its problems at once (the org may have changed since); a new one as it is edited.
  const d = useMappingDraft(initial, meta, context, { showAllProblems: saved !== null });
  const { draft, shown } = d;

  const wanted = relatedObjectNames(draft);
  if (wanted.some((name) => !relatedNames.includes(name))) {
    setRelatedNames([...new Set([...relatedNames, ...wanted])]);
  }
  if ((draft.recordTypeId ?? null) !== recordTypeId) setRecordTypeId(draft.recordTypeId ?? null);
  // The editors offer the record type's picklist values.
  const valuesMeta = useMemo(
    () => (recordType.data ? withRecordTypePicklists(meta, recordType.data.picklists) : meta),
    [meta, recordType.data],
  );

  const mapped = useMemo(() => new Set(draft.fields.map((e) => e.field)), [draft.fields]);
  const setMembers = useMemo<SetMember[]>(() => recordMappings(otherMappings), [otherMappings]);
  const { errorCount } = d;
  const formRef = useRef<HTMLDivElement>(null);
  const showFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector('.field-row--error, .mapping-problems__item--error')
        ?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
    );

  const saveMapping = useMutation({
    mutationFn: (mapping: Mapping) =>
      saved ? api.updateMapping(saved.id, mapping) : api.createMapping(env.accountId, mapping),
    onSuccess: (result) => {
      changed({ put: result });
      onSaved(result);
    },
    onError: (error) => {
      const problems = serverProblems(error);
      if (problems) {
        d.setServerProblems(problems);
        showFirstError();
      } else setSaveError(errorMessage(error));
    },
  });

  function save() {
    setSaveError(null);
    if (!d.submit() || !d.mapping) {
      showFirstError();
      return;
    }
    saveMapping.mutate(d.mapping);
  }

  return (
    <div className="mapping-form" ref={formRef}>
      <section className="mapping-section">
        <div className="mapping-section__header mapping-section__header--row">
          <div className="mapping-section__header-text">
            <Heading size="xs" as="h3">
              Fields
            </Heading>
            <Text as="p" size="sm" className="mapping-section__lead">
              Required fields are preloaded. <b>Static</b> gives a fixed value, <b>Dynamic</b> takes a value
              from the chat, <b>Auto-Match</b> finds the record a lookup field points to, and{' '}
              <b>This chat’s record</b> points it to the record another mapping finds or creates for the same
              chat.
            </Text>
          </div>
          <RescanChatsLink chatFields={env.chatFields} />
        </div>
        <ul className="field-rows" data-testid="field-rows">
          {draft.fields.map((entry, index) => {
            const field = findField(valuesMeta, entry.field);
            return (
              <FieldRow
                key={entry.field}
                env={env}
                index={index}
                entry={entry}
                field={field}
                required={field ? isRequiredOnCreate(field) : false}
                searchable={draft.searchableFields.includes(entry.field)}
                problems={shown.byField.get(entry.field) ?? []}
                chatRecordMembers={
                  field?.type === 'reference'
                    ? setMembers.filter((m) => field.referenceTo.includes(m.objectName))
                    : []
                }
                updating={draft.duplicatePolicy === 'update' && !conversation}
                onChange={(next) => d.setEntry(index, next)}
                onEntryType={(type) => d.setEntryType(index, type)}
                onSearchable={(on) => d.setSearchable(entry.field, on)}
                onRemove={() => d.removeField(index)}
              />
            );
          })}
        </ul>
        <AddOptionalField meta={meta} mapped={mapped} onAdd={d.addField} />
      </section>

      <section className="mapping-section" data-testid="shown-to-agents">
        <div className="mapping-section__header">
          <Heading size="xs" as="h3">
            Shown to agents
          </Heading>
          <Text as="p" size="sm" className="mapping-section__lead">
            The key fields of each {meta.label} the widget finds for a chat’s visitor.
          </Text>
        </div>
        <CardFieldsPicker
          meta={meta}
          value={draft.cardFields ?? []}
          problems={shown.cardFields}
          onChange={(cardFields) => d.setOptions({ cardFields })}
        />
      </section>

      <section className="mapping-section">
        <div className="mapping-section__header">
          <Heading size="xs" as="h3">
            Options
          </Heading>
        </div>
        {conversation ? (
          <ConversationOptions options={draft} onChange={d.setOptions} />
        ) : (
          <MappingOptions
            meta={meta}
            options={draft}
            hasOwner={meta.fields.some((f) => f.name === 'OwnerId' && f.createable)}
            objects={objects.data ?? null}
            problems={shown}
            onChange={d.setOptions}
          />
        )}
      </section>

      <PreviewPanel api={api} accountId={env.accountId} meta={meta} mapping={d.mapping} />

      <footer className="mapping-form__footer" data-testid="mapping-footer">
        <ProblemMessages problems={[...shown.objectName, ...shown.general]} testId="general-problems" />
        {saveError && (
          <Alert kind="error" data-testid="save-error">
            {saveError}
          </Alert>
        )}
        <div className="mapping-form__buttons">
          <Text as="span" size="sm" className="mapping-form__status" data-testid="mapping-status">
            {errorCount > 0
              ? `${errorCount} thing${errorCount === 1 ? '' : 's'} to fix before saving`
              : 'Ready to save'}
          </Text>
          <Button kind="secondary" onClick={onCancel} data-testid="cancel-mapping">
            Cancel
          </Button>
          <Button kind="primary" onClick={save} loading={saveMapping.isPending} data-testid="save-mapping">
            {saved ? 'Save changes' : 'Save mapping'}
          </Button>
        </div>
      </footer>
    </div>
  );
}
