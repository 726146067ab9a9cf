import { Heading, Tab, TabsList, TabsWrapper, Tag, Text } from '@livechat/design-system-react-components';
import { useState } from 'react';
import type { MeResponse } from '../../src/api/session';
import { AccountsTab } from '../accounts/AccountsTab';
import { ActivityTab } from '../activity/ActivityTab';
import { AuditLogTab } from '../audit/AuditLogTab';
import { ChatFieldsTab } from '../chatFields/ChatFieldsTab';

const tabs = [
  { id: 'accounts', label: 'Accounts' },
  { id: 'chat-fields', label: 'Chat fields' },
  { id: 'activity', label: 'Activity' },
  { id: 'audit', label: 'Audit log' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** The settings page: header, tabs, and the chosen tab. */
export function SettingsLayout({ me, demo }: { me: MeResponse; demo: boolean }) {
  const [tab, setTab] = useState<TabId>('accounts');
  return (
    <div className="settings-page" data-testid="settings-ready">
      <header className="settings-header">
        <div className="settings-header__title">
          <Heading size="md" as="h1">
            Salesforce for LiveChat
          </Heading>
          {demo && (
            <Tag kind="warning" size="small" data-testid="demo-badge">
              Demo
            </Tag>
          )}
        </div>
        <Text as="div" size="sm" className="settings-header__who" data-testid="signed-in-as">
          Signed in as {me.agent.name}
        </Text>
      </header>
      <TabsWrapper className="settings-tabs">
        <TabsList>
          {tabs.map((t) => (
            <Tab
              key={t.id}
              isSelected={tab === t.id}
              onClick={() => setTab(t.id)}
              data-testid={`tab-${t.id}`}
              aria-selected={tab === t.id}
              role="tab"
            >
              {t.label}
            </Tab>
          ))}
        </TabsList>
      </TabsWrapper>
      <main className="settings-content">
        {tab === 'accounts' && <AccountsTab />}
        {tab === 'chat-fields' && <ChatFieldsTab />}
        {tab === 'activity' && <ActivityTab />}
        {tab === 'audit' && <AuditLogTab />}
      </main>
    </div>
  );
}
