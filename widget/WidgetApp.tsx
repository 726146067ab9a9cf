import { EmptyState, Loader } from '@livechat/design-system-react-components';
import { useReadiness } from '../ui/useReadiness';

/** The Chat Details widget: the visitor's Salesforce records beside the chat. */
export function WidgetApp() {
  const readiness = useReadiness();
  if (readiness === 'loading') {
    return (
      <div className="page-center" data-testid="widget-loading">
        <Loader label="Connecting to Salesforce…" />
      </div>
    );
  }
  if (readiness === 'unavailable') {
    return (
      <div className="page-center" data-testid="widget-unavailable">
        <EmptyState
          type="inline"
          title="Salesforce for LiveChat is starting up. Reopen the chat in a moment."
        />
      </div>
    );
  }
  return (
    <div className="page-center" data-testid="widget-ready">
      <EmptyState
        title="Salesforce records"
        description="The visitor's Leads, Contacts and Cases from your Salesforce orgs will appear here, with a Create button for each mapped object."
      />
    </div>
  );
}
