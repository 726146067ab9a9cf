import { Button, Heading, Icon, Tag, Text } from '@livechat/design-system-react-components';
import Delete from '@livechat/design-system-icons/Delete';
import Edit from '@livechat/design-system-icons/Edit';
import type { SavedMapping } from '../../src/api/mappings';
import type { DuplicatePolicy } from '../../src/mapping/mapping';
import { linksOf } from './chatSet';
import { formatDate } from '../../ui/format';

const policyText: Record<DuplicatePolicy, string> = {
  create: 'Always creates a new record',
  link: 'Links to an existing record when found',
  update: 'Links to an existing record when found, and updates it',
};

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/**
 * One mapped object: its place in each chat's set and the records it points to, what it fills in,
 * whether it runs by itself, how it finds the visitor's records.
 */
export function MappingCard({
  mapping,
  step,
  labelOf,
  onEdit,
  onDelete,
}: {
  mapping: SavedMapping;
  /** Its place in the order a chat's records are written (1 first). */
  step: number;
  /** An object's label, as the account's mappings name it. */
  labelOf: (objectName: string) => string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const count = mapping.fields.length;
  const links = linksOf(mapping);
  return (
    <article
      className="mapping-card"
      data-testid="mapping-card"
      data-object={mapping.objectName}
      data-step={step}
    >
      <header className="mapping-card__header">
        <div className="mapping-card__heading">
          <span
            className="mapping-card__step"
            title={`Written ${ordinal(step)} of each chat’s records`}
            data-testid="mapping-step"
          >
            {step}
          </span>
          <div>
            <Heading size="xs" as="h3" className="mapping-card__title">
              {mapping.objectLabel}
            </Heading>
            <Text as="div" size="sm" className="mapping-card__muted">
              {mapping.objectName} · {count} field{count === 1 ? '' : 's'} mapped · updated{' '}
              {formatDate(mapping.updatedAt)}
            </Text>
          </div>
        </div>
        <Tag
          kind={mapping.automation ? 'success' : 'default'}
          size="small"
          data-testid="mapping-automation"
          data-on={mapping.automation}
        >
          {mapping.automation ? 'Automation on' : 'Automation off'}
        </Tag>
      </header>
      <dl className="mapping-card__facts">
        <Text as="dt" size="sm" className="mapping-card__muted">
          Duplicates
        </Text>
        <Text as="dd" size="sm" data-testid="mapping-duplicate-policy">
          {policyText[mapping.duplicatePolicy]}
        </Text>
        {links.length > 0 && (
          <>
            <Text as="dt" size="sm" className="mapping-card__muted">
              Points to
            </Text>
            <dd className="mapping-card__tags" data-testid="mapping-links">
              {links.map((link) => (
                <Tag key={link.field} size="small" kind="info" data-testid={`mapping-link-${link.field}`}>
                  {`${mapping.objectLabel} ${link.field} → this chat’s ${labelOf(link.object)}`}
                </Tag>
              ))}
            </dd>
          </>
        )}
        {(mapping.skipIfExistsAs?.length ?? 0) > 0 && (
          <>
            <Text as="dt" size="sm" className="mapping-card__muted">
              Skipped
            </Text>
            <Text as="dd" size="sm" data-testid="mapping-skip">
              When the visitor is already a {mapping.skipIfExistsAs!.map(labelOf).join(' or ')}
            </Text>
          </>
        )}
        <Text as="dt" size="sm" className="mapping-card__muted">
          Searchable by
        </Text>
        <dd className="mapping-card__tags" data-testid="mapping-searchable">
          {mapping.searchableFields.length === 0 ? (
            <Text as="span" size="sm" className="mapping-card__muted">
              No field: agents will not see this visitor&apos;s existing records
            </Text>
          ) : (
            mapping.searchableFields.map((name) => (
              <Tag key={name} size="small" kind="info">
                {name}
              </Tag>
            ))
          )}
        </dd>
        <Text as="dt" size="sm" className="mapping-card__muted">
          Shown to agents
        </Text>
        <dd className="mapping-card__tags" data-testid="mapping-card-fields">
          {mapping.cardFields === undefined ? (
            <Text as="span" size="sm" className="mapping-card__muted">
              The usual key fields of a {mapping.objectLabel}
            </Text>
          ) : mapping.cardFields.length === 0 ? (
            <Text as="span" size="sm" className="mapping-card__muted">
              Only the record&apos;s name
            </Text>
          ) : (
            mapping.cardFields.map((name) => (
              <Tag key={name} size="small">
                {name}
              </Tag>
            ))
          )}
        </dd>
      </dl>
      <footer className="mapping-card__actions">
        <Button
          kind="secondary"
          size="compact"
          icon={<Icon source={Edit} />}
          onClick={onEdit}
          data-testid="mapping-edit"
        >
          Edit
        </Button>
        <Button
          kind="plain"
          size="compact"
          icon={<Icon source={Delete} />}
          onClick={onDelete}
          data-testid="mapping-delete"
        >
          Delete
        </Button>
      </footer>
    </article>
  );
}
