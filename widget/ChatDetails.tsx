import type { OpenChatStore } from './agentApp/agentApp';
import { useOpenChat } from './agentApp/useOpenChat';
import { Spinner } from './lite';
import { Notice } from './records/Notice';
import { RelatedRecords } from './records/RelatedRecords';

/** Follows the chat open in LiveChat and shows its visitor's Salesforce records. */
export function ChatDetails({ agentApp }: { agentApp: OpenChatStore }) {
  const open = useOpenChat(agentApp);
  switch (open.status) {
    case 'connecting':
      return (
        <div className="widget-center" data-testid="agent-app-connecting">
          <Spinner label="Connecting to LiveChat…" />
        </div>
      );
    case 'failed':
      return (
        <div className="widget-body">
          <Notice testId="agent-app-failed" title="LiveChat did not answer" tone="error">
            The Agent App did not connect to this section. Reload LiveChat to try again.
          </Notice>
        </div>
      );
    case 'ready':
      if (!open.chat.chatId) {
        return (
          <div className="widget-body">
            <Notice testId="no-chat" title="No chat with this customer">
              {open.chat.customerName || 'This customer'} has no chat open here. Open one of their chats to
              see their Salesforce records.
            </Notice>
          </div>
        );
      }
      return (
        <RelatedRecords
          key={`${open.chat.chatId}/${open.chat.threadId ?? ''}`}
          chatId={open.chat.chatId}
          threadId={open.chat.threadId ?? undefined}
        />
      );
  }
}

/** Shown when the page is opened on its own instead of in the Agent App's Chat Details. */
export function OutsideLiveChat() {
  return (
    <div className="widget-body" data-testid="widget-outside-livechat">
      <h2 className="widget-section-title">Salesforce records</h2>
      <Notice testId="outside-livechat" title="Open this inside LiveChat">
        This is the Chat Details section of Salesforce for LiveChat. It shows the Salesforce records of the
        visitor you are chatting with, so it works beside a chat in LiveChat’s Agent App: open a chat in
        LiveChat and find “Salesforce” in the Details panel on the right.
      </Notice>
    </div>
  );
}
