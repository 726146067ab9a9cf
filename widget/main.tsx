// The design system's light theme tokens only (designTokens.css, generated): the widget loads neither its
// JavaScript (see lite.tsx) nor the styles of its components, 90% of its stylesheet.
import '../ui/zodInBrowser';
import './designTokens.css';
import '../ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWidgetClient } from '../ui/api/widgetClient';
import { createSessionController } from '../ui/auth/sessionController';
import { insideAFrame, startAgentApp } from './agentApp/agentApp';
import { OutsideLiveChat } from './ChatDetails';
import { startWidget } from './session/startWidget';
import { WidgetApp } from './WidgetApp';

const root = createRoot(document.getElementById('root')!);
if (insideAFrame()) {
  // The Agent App connection first (its first handshake comes on the frame's load), then the sign-in
  // beside it, before the first render (see startWidget).
  const widget = startWidget({
    agentApp: startAgentApp(),
    session: createSessionController({ createApi: createWidgetClient }),
  });
  root.render(
    <StrictMode>
      <WidgetApp {...widget} />
    </StrictMode>,
  );
} else {
  // Opened on its own, there is no chat to show records of: say where it belongs before any sign-in.
  root.render(
    <StrictMode>
      <OutsideLiveChat />
    </StrictMode>,
  );
}
