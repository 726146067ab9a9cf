import { Alert, Button, Heading, Loader, Text } from '@livechat/design-system-react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Installation } from '../../src/api/installation';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage, notOwnerDetails } from '../../ui/api/ApiError';
import { describeSignInError, type LiveChatAuth } from '../../ui/auth/liveChatAuth';
import { queryKeys } from '../../ui/query/keys';
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

/** The hidden iframe or the popup gave no LiveChat authorization code. */
class NoAuthorizationCode extends Error {
  constructor(readonly reason: unknown) {
    super('No LiveChat authorization code');
  }
}

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
  const queryClient = useQueryClient();
  const installation = useQuery({ queryKey: queryKeys.installation, queryFn: () => api.getInstallation() });
  /** Gets LiveChat's authorization code (hidden iframe, or a popup after a click), then installs. */
  const install = useMutation({
    mutationFn: async (flow: 'iframe' | 'popup') => {
      const code = await auth.authorizationCode(flow).catch((e: unknown) => {
        throw new NoAuthorizationCode(e);
      });
      return api.install(code);
    },
    onSuccess: (installed) => queryClient.setQueryData(queryKeys.installation, installed),
  });
  // The first time an owner opens the settings, install at once (the hidden iframe needs no click).
  const firstTime = installation.data?.installed === false && install.isIdle;
  const started = useRef(false);
  const { mutate } = install;
  useEffect(() => {
    if (!firstTime || started.current) return;
    started.current = true;
    mutate('iframe');
  }, [firstTime, mutate]);

  const phase = phaseOf();
  function phaseOf(): Phase {
    if (install.isPending || firstTime) return { step: 'installing' };
    if (install.error instanceof NoAuthorizationCode) {
      const problem = install.variables === 'popup' ? describeSignInError(install.error.reason) : null;
      return { step: 'needs-click', problem };
    }
    if (install.isError) return { step: 'install-failed', message: errorMessage(install.error) };
    if (installation.isPending) return { step: 'checking' };
    if (installation.data) return { step: 'installed', installation: installation.data };
    const notOwner = notOwnerDetails(installation.error);
    if (notOwner) return { step: 'not-owner', configuredBy: notOwner.configuredBy };
    return { step: 'check-failed', message: errorMessage(installation.error) };
  }

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
          <Button kind="secondary" onClick={() => void installation.refetch()} data-testid="settings-retry">
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
            onClick={() => install.mutate('popup')}
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
          <Button kind="primary" onClick={() => install.mutate('popup')} data-testid="installation-retry">
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
              handleClick: () => install.mutate('popup'),
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
