import { Heading, Icon, Text } from '@livechat/design-system-react-components';
import LockBlack from '@livechat/design-system-icons/LockBlack';

function listOfNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** What agents who are not the owner or a vice-owner see instead of the settings. */
export function NotOwnerPage({ configuredBy }: { configuredBy: string[] }) {
  return (
    <div className="page-center" data-testid="not-owner">
      <div className="state-panel state-panel--page">
        <div className="state-panel__icon">
          <Icon source={LockBlack} size="xlarge" />
        </div>
        <Heading size="sm" as="h1">
          Only the license owner and vice-owners can configure Salesforce for LiveChat
        </Heading>
        <Text as="p" className="state-panel__text" data-testid="not-owner-ask">
          {configuredBy.length > 0
            ? `Ask ${listOfNames(configuredBy)} to connect Salesforce accounts or to give you access to one.`
            : 'Ask your license owner to connect Salesforce accounts or to give you access to one.'}
        </Text>
        <Text as="p" size="sm" className="state-panel__hint">
          The Salesforce records of your chats are in the Salesforce section beside each chat.
        </Text>
      </div>
    </div>
  );
}
