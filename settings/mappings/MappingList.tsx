import {
  Button,
  EmptyState,
  Icon,
  SkeletonText,
  SkeletonWrapper,
  Text,
} from '@livechat/design-system-react-components';
import Add from '@livechat/design-system-icons/Add';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import { recordMappings, setOrder } from './chatSet';
import { LoadFailure } from './LoadFailure';
import { MappingCard } from './MappingCard';

interface Props {
  query: UseQueryResult<SavedMapping[]>;
  /** The conversation log's card, shown below the records once the list has loaded. */
  conversationCard?: ReactNode;
  accountLabel: string;
  onAdd: () => void;
  onEdit: (mapping: SavedMapping) => void;
  onDelete: (mapping: SavedMapping) => void;
  onRetry: () => void;
  onReconnect?: () => void;
}

function CardSkeleton() {
  return (
    <div className="mapping-card mapping-card--skeleton">
      <SkeletonWrapper vertical animated>
        <SkeletonText width={140} height={18} />
        <SkeletonText width={260} height={14} />
      </SkeletonWrapper>
      <SkeletonWrapper vertical animated>
        <SkeletonText width={320} height={14} />
        <SkeletonText width={220} height={14} />
      </SkeletonWrapper>
    </div>
  );
}

export function AddObjectButton({ onAdd }: { onAdd: () => void }) {
  return (
    <Button kind="primary" icon={<Icon source={Add} />} onClick={onAdd} data-testid="add-object">
      Add new object
    </Button>
  );
}

/** The objects mapped for one account, or why there are none to show. */
export function MappingList(props: Props) {
  return (
    <div
      className="mapping-list-area"
      data-testid="mapping-list"
      data-state={
        props.query.data
          ? recordMappings(props.query.data).length
            ? 'ready'
            : 'empty'
          : props.query.isPending
            ? 'loading'
            : 'error'
      }
    >
      <MappingListBody {...props} />
    </div>
  );
}

function MappingListBody({
  query,
  accountLabel,
  conversationCard,
  onAdd,
  onEdit,
  onDelete,
  onRetry,
  onReconnect,
}: Props) {
  // Each chat's records in the order they are written: a record after those it points to.
  const ordered = useMemo(() => recordMappings(setOrder(query.data ?? [])), [query.data]);
  const labelOf = useMemo(() => {
    const labels = new Map((query.data ?? []).map((m) => [m.objectName, m.objectLabel]));
    return (objectName: string) => labels.get(objectName) ?? objectName;
  }, [query.data]);
  if (query.isPending) {
    return (
      <div className="mapping-list" data-testid="mapping-list-loading">
        <CardSkeleton />
        <CardSkeleton />
      </div>
    );
  }
  if (!query.data) {
    return (
      <LoadFailure
        error={query.error}
        what="your mapped objects"
        accountLabel={accountLabel}
        onRetry={onRetry}
        onReconnect={onReconnect}
      />
    );
  }
  if (ordered.length === 0) {
    return (
      <>
        <div className="mapping-state" data-testid="mapping-list-empty">
          <EmptyState
            title="No objects mapped yet"
            description="Map a Salesforce object, such as Lead, Contact or Case, to chat data: agents then create it from the chat in one click, and automation can create it after every chat."
            actions={<AddObjectButton onAdd={onAdd} />}
          />
        </div>
        {conversationCard}
      </>
    );
  }
  const linked = ordered.some((m) => m.fields.some((f) => f.entryType === 'chatRecord'));
  return (
    <>
      {linked && (
        <Text as="p" size="sm" className="mapping-list__order" data-testid="mapping-set-order">
          Each chat’s records are written in this order, each after the records it points to:{' '}
          {ordered.map((m) => m.objectLabel).join(' → ')}.
        </Text>
      )}
      <div className="mapping-list" data-testid="mapping-cards">
        {ordered.map((mapping, index) => (
          <MappingCard
            key={mapping.id}
            mapping={mapping}
            step={index + 1}
            labelOf={labelOf}
            onEdit={() => onEdit(mapping)}
            onDelete={() => onDelete(mapping)}
          />
        ))}
      </div>
      {conversationCard}
    </>
  );
}
