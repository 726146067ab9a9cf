import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProvider } from '../ui/api/ApiContext';
import { createApiClient } from '../ui/api/client';
import { createSessionController } from '../ui/auth/sessionController';
import { SessionGate } from '../ui/auth/SessionGate';
import { InstallationGate } from './installation/InstallationGate';
import { SettingsLayout } from './layout/SettingsLayout';
import { settingsSessionScreens } from './layout/sessionScreens';
import { createQueryClient } from './queryClient';
import './layout/settings.css';

/** The owner-only Settings app: sign-in, installation, then Salesforce accounts, access and the audit log. */
export function SettingsApp() {
  const [queryClient] = useState(createQueryClient);
  const [session] = useState(() => createSessionController({ createApi: createApiClient }));
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate screens={settingsSessionScreens} controller={session}>
        {(session) => (
          <ApiProvider api={session.api}>
            <InstallationGate auth={session.auth}>
              <SettingsLayout me={session.me} demo={session.publicConfig.demo} />
            </InstallationGate>
          </ApiProvider>
        )}
      </SessionGate>
    </QueryClientProvider>
  );
}
