import '@livechat/design-system-react-components/dist/design-system-react-components.css';
import './theme.css';
import { ThemeProvider } from '@livechat/design-system-react-components';
import type { ReactNode } from 'react';

/** Wraps a frontend in LiveChat's design system theme (light, as the Agent App's default). */
export function AppShell({ children }: { children: ReactNode }) {
  return <ThemeProvider>{children}</ThemeProvider>;
}
