import {
  Button,
  FormField,
  Heading,
  Icon,
  SkeletonText,
  SkeletonWrapper,
  Text,
} from '@livechat/design-system-react-components';
import ChevronLeft from '@livechat/design-system-icons/ChevronLeft';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import { kindOf } from '../../src/mapping/mapping';
import type { MappingsApi } from '../../ui/api/mappings';
import { queryKeys } from '../../ui/query/keys';
import { draftOf, newDraft, withCardFields, withRequiredFields } from './draft';
import type { EditorEnv } from './editorEnv';
import { LoadFailure } from './LoadFailure';
import { MappingForm } from './MappingForm';
import { ObjectPicker } from './ObjectPicker';
import { useDescribe } from './useDescribe';

interface Props {
  env: EditorEnv;
  api: MappingsApi;
  accountLabel: string;
  /** The mapping to edit, or null to map a new object. */
  saved: SavedMapping | null;
  /** Objects this account already maps (a new mapping cannot take them). */
  mappedObjects: ReadonlySet<string>;
  onSaved: (mapping: SavedMapping) => void;
  onCancel: () => void;
  onReconnect?: () => void;
}

function FormSkeleton() {
  return (
    <div className="mapping-section" data-testid="mapping-editor-loading">
      <SkeletonWrapper vertical animated>
        <SkeletonText width={120} height={18} />
        <SkeletonText width={520} height={14} />
      </SkeletonWrapper>
      {[0, 1, 2].map((i) => (
        <SkeletonWrapper key={i} vertical animated>
          <SkeletonText width={220} height={16} />
          <SkeletonText width={640} height={32} />
        </SkeletonWrapper>
      ))}
    </div>
  );
}

/** The Object Mapping screen: choose the object (for a new mapping), then its fields and options. */
export function MappingEditor({
  env,
  api,
  accountLabel,
  saved,
  mappedObjects,
  onSaved,
  onCancel,
  onReconnect,
}: Props) {
  const objects = useQuery({
    queryKey: queryKeys.objects(env.accountId),
    queryFn: () => api.listObjects(env.accountId),
  });
  const [objectName, setObjectName] = useState<string | null>(saved?.objectName ?? null);
  const { state: describeState, retry } = useDescribe(env, objectName);

  const initial = useMemo(() => {
    if (describeState.status !== 'ready') return null;
    const meta = describeState.meta;
    return saved ? withCardFields(withRequiredFields(draftOf(saved), meta), meta) : newDraft(meta);
  }, [describeState, saved]);

  const title = !saved
    ? 'Map a new object'
    : kindOf(saved) === 'conversation'
      ? 'Edit the conversation log'
      : `Edit ${saved.objectLabel} mapping`;

  let body;
  if (objects.isError && !objects.data && !saved) {
    body = (
      <LoadFailure
        error={objects.error}
        what="the objects of this Salesforce org"
        accountLabel={accountLabel}
        onRetry={() => void objects.refetch()}
        onReconnect={onReconnect}
      />
    );
  } else if (describeState.status === 'error') {
    body = (
      <LoadFailure
        error={describeState.error}
        what={`the fields of ${describeState.objectName}`}
        accountLabel={accountLabel}
        onRetry={retry}
        onReconnect={onReconnect}
      />
    );
  } else if (describeState.status === 'loading') {
    body = <FormSkeleton />;
  } else if (describeState.status === 'ready' && initial) {
    body = (
      <MappingForm
        key={describeState.meta.name}
        env={env}
        api={api}
        meta={describeState.meta}
        initial={initial}
        saved={saved}
        onSaved={onSaved}
        onCancel={onCancel}
      />
    );
  } else {
    body = (
      <Text as="p" className="mapping-editor__hint" data-testid="choose-object-hint">
        Choose the Salesforce object to create from chats. Its required fields are added for you.
      </Text>
    );
  }

  return (
    <div className="mapping-editor" data-testid="mapping-editor">
      <div className="mapping-editor__header">
        <Button
          kind="text"
          size="compact"
          icon={<Icon source={ChevronLeft} />}
          onClick={onCancel}
          data-testid="editor-back"
        >
          Mapped objects
        </Button>
        <Heading size="sm" as="h2">
          {title}
        </Heading>
        <Text as="p" size="sm" className="mapping-section__lead">
          {accountLabel}
        </Text>
      </div>
      <section className="mapping-section mapping-section--object">
        <FormField
          labelText="Salesforce object"
          description={
            saved && kindOf(saved) === 'conversation'
              ? 'The conversation log is a completed Task, or a Note (ContentNote) attached to the chat’s records.'
              : saved
                ? 'A mapping stays with its object. To map another object, add a new one.'
                : 'Standard and custom objects you can create records of. Search by label or API name.'
          }
        >
          <ObjectPicker
            objects={
              objects.data ??
              (saved
                ? [
                    {
                      name: saved.objectName,
                      label: saved.objectLabel,
                      custom: false,
                      createable: true,
                      queryable: true,
                      searchable: true,
                      keyPrefix: null,
                    },
                  ]
                : [])
            }
            value={objectName}
            onChange={setObjectName}
            mapped={mappedObjects}
            disabled={saved !== null || !objects.data}
          />
        </FormField>
      </section>
      {body}
    </div>
  );
}
