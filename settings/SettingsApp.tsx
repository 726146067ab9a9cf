import { EmptyState, Heading, Loader } from '@livechat/design-system-react-components';
import { useReadiness } from '../ui/useReadiness';

/** The owner-only Settings app: Salesforce accounts, access, object mappings, activity. */
export function SettingsApp() {
  const readiness = useReadiness();
  if (readiness === 'loading') {
    return (
      <div className="page-center" data-testid="settings-loading">
        <Loader size="large" label="Loading your Salesforce settings…" />
      </div>
    );
  }
  if (readiness === 'unavailable') {
    return (
      <div className="page-center" data-testid="settings-unavailable">
        <EmptyState
          title="Settings are unavailable"
          description="The app is starting up. Reload this page in a moment."
        />
      </div>
    );
  }
  return (
    <div className="settings-page" data-testid="settings-ready">
      <Heading size="md">Salesforce for LiveChat</Heading>
      <EmptyState
        title="Connect your first Salesforce org"
        description="Connected Salesforce accounts, who may use them, and the objects mapped to chat data will be managed here."
      />
    </div>
  );
}
