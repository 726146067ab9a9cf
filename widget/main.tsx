import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../ui/AppShell';
import { WidgetApp } from './WidgetApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell>
      <WidgetApp />
    </AppShell>
  </StrictMode>,
);
