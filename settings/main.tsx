import '../ui/zodInBrowser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../ui/AppShell';
import { SettingsApp } from './SettingsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell>
      <SettingsApp />
    </AppShell>
  </StrictMode>,
);
