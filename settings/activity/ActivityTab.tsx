import { EmptyState, Heading, Text } from '@livechat/design-system-react-components';

/** Settings → Activity: automatic record creation after chats (a later issue). */
export function ActivityTab() {
  return (
    <section className="tab-panel" data-testid="activity-tab">
      <div className="tab-panel__header">
        <div>
          <Heading size="sm" as="h2">
            Activity
          </Heading>
          <Text as="p" className="tab-panel__lead">
            What the app created in Salesforce by itself after chats ended.
          </Text>
        </div>
      </div>
      <div className="tab-state">
        <EmptyState title="Nothing here yet" description="Automatic record creation will be listed here." />
      </div>
    </section>
  );
}
