import { Alert, Button, Heading, Loader, Text } from '@livechat/design-system-react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Installation } from '../../src/api/installation';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage, notOwnerDetails } from '../../ui/api/ApiError';
import { describeSignInError, type LiveChatAuth } from '../../ui/auth/liveChatAuth';
import { NotOwnerPage } from '../layout/NotOwnerPage';

type Phase =
  | { step: 'checking' }
  | { step: 'not-owner'; configuredBy: string[] }
  | { step: 'check-failed'; message: string }
  /** Getting LiveChat's authorization code, then POST /api/settings/installation. */
  | { step: 'installing' }
  /** The hidden iframe could not get a code: a click must open LiveChat's popup. */
  | { step: 'needs-click'; problem: string | null }
  | { step: 'install-failed'; message: string }
  | { step: 'installed'; installation: Installation };

function StatePanel({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div className="page-center" data-testid={testId}>
      <div className="state-panel state-panel--page">{children}</div>
    </div>
  );
}

/**
 * Checks that the license is installed before showing the settings. The first time an owner opens them,
 * gets a LiveChat authorization code (hidden iframe, or a popup after a click) and installs the app.
 */
export function InstallationGate({ auth, children }: { auth: LiveChatAuth; children: ReactNode }) {
  const api = useApi();
  const [phase, setPhase] = useState<Phase>({ step: 'checking' });
  const run = useRef(0);

  const install = useCallback(
    async (flow: 'iframe' | 'popup', mine: number) => {
      setPhase({ step: 'installing' });
      let code;
      try {
        code = await auth.authorizationCode(flow);
      } catch (e) {
        if (mine === run.current)
          setPhase({ step: 'needs-click', problem: flow === 'popup' ? describeSignInError(e) : null });
        return;
      }
      try {
        const installation = await api.install(code);
        if (mine === run.current) setPhase({ step: 'installed', installation });
      } catch (e) {
        if (mine === run.current) setPhase({ step: 'install-failed', message: errorMessage(e) });
      }
    },
    [api, auth],
  );

  const check = useCallback(async () => {
    const mine = ++run.current;
    setPhase({ step: 'checking' });
    try {
      const installation = await api.getInstallation();
      if (mine !== run.current) return;
      if (installation.installed) setPhase({ step: 'installed', installation });
      else await install('iframe', mine);
    } catch (e) {
      if (mine !== run.current) return;
      const notOwner = notOwnerDetails(e);
      if (notOwner) setPhase({ step: 'not-owner', configuredBy: notOwner.configuredBy });
      else setPhase({ step: 'check-failed', message: errorMessage(e) });
    }
  }, [api, install]);

  useEffect(() => {
    void check();
    const runs = run;
    return () => {
      runs.current++;
    };
  }, [check]);

  switch (phase.step) {
    case 'checking':
      return (
        <div className="page-center" data-testid="settings-loading">
          <Loader size="large" label="Loading your Salesforce settings…" />
        </div>
      );
    case 'not-owner':
      return <NotOwnerPage configuredBy={phase.configuredBy} />;
    case 'check-failed':
      return (
        <StatePanel testId="settings-error">
          <Heading size="sm" as="h1">
            Settings could not be loaded
          </Heading>
          <Text as="p" className="state-panel__text">
            {phase.message}
          </Text>
          <Button kind="secondary" onClick={() => void check()} data-testid="settings-retry">
            Try again
          </Button>
        </StatePanel>
      );
    case 'installing':
      return (
        <div className="page-center" data-testid="installation-running">
          <Loader size="large" label="Finishing installation…" />
        </div>
      );
    case 'needs-click':
      return (
        <StatePanel testId="installation-needs-click">
          <Heading size="sm" as="h1">
            Finish installing Salesforce for LiveChat
          </Heading>
          <Text as="p" className="state-panel__text">
            The app needs your permission to read this license&apos;s chats, so it can create Salesforce
            records after chats end.
          </Text>
          {phase.problem && <Alert kind="error">{phase.problem}</Alert>}
          <Button
            kind="primary"
            size="large"
            onClick={() => void install('popup', run.current)}
            data-testid="installation-authorize"
          >
            Allow access with LiveChat
          </Button>
        </StatePanel>
      );
    case 'install-failed':
      return (
        <StatePanel testId="installation-error">
          <Heading size="sm" as="h1">
            Installation did not finish
          </Heading>
          <Alert kind="error" className="state-panel__alert">
            {phase.message}
          </Alert>
          <Button
            kind="primary"
            onClick={() => void install('popup', run.current)}
            data-testid="installation-retry"
          >
            Try again
          </Button>
        </StatePanel>
      );
    case 'installed':
      if (phase.installation.webhooksEnabled) return children;
      // Installed, but LiveChat does not send this license's chats: automation would silently wait.
      return (
        <>
          <Alert
            kind="warning"
            className="installation-webhooks-off"
            data-testid="installation-webhooks-off"
            primaryButton={{
              label: 'Switch on',
              kind: 'primary',
              handleClick: () => void install('popup', run.current),
            }}
          >
            LiveChat is not sending this license&apos;s ended chats to Salesforce for LiveChat, so no records
            are created automatically. Switch it on with LiveChat; if this message stays, contact the
            app&apos;s support.
          </Alert>
          {children}
        </>
      );
  }
}
