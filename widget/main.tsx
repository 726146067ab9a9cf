// The design system's stylesheet only (tokens, fonts); the widget does not load its JavaScript (see lite.tsx).
import '@livechat/design-system-react-components/dist/design-system-react-components.css';
import '../ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WidgetApp } from './WidgetApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WidgetApp />
  </StrictMode>,
);
