import { oauthCallbackMessageSchema, type OAuthCallbackMessage } from '../../src/api/accounts';

const FEATURES = 'popup,width=520,height=680,resizable,scrollbars';
const NAME = 'salesforce-oauth';

/**
 * Opens the popup at once, inside the click handler (a popup opened after an `await` may be blocked), with a
 * short note until the Salesforce address is known. Returns null when the browser blocked it.
 */
export function openBlankPopup(): Window | null {
  const left = Math.max(0, window.screenX + (window.outerWidth - 520) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - 680) / 2);
  const popup = window.open('', NAME, `${FEATURES},left=${left},top=${top}`);
  if (!popup) return null;
  try {
    popup.document.title = 'Salesforce sign-in';
    popup.document.body.style.font = '14px system-ui, sans-serif';
    popup.document.body.textContent = 'Opening Salesforce sign-in…';
  } catch {
    // Not same-origin (a popup of that name was already on Salesforce): nothing to write.
  }
  return popup;
}

/** Opens (or reuses) the popup on Salesforce's login page; null when blocked. */
export function openSalesforcePopup(authorizeUrl: string, popup: Window | null = null): Window | null {
  if (popup && !popup.closed) {
    popup.location.href = authorizeUrl;
    popup.focus();
    return popup;
  }
  const opened = window.open(authorizeUrl, NAME, FEATURES);
  opened?.focus();
  return opened;
}

/** How long after the popup is seen closed its answer may still arrive (the callback posts, then closes). */
const CLOSED_MARGIN_MS = 150;

export type PopupOutcome = { kind: 'message'; message: OAuthCallbackMessage } | { kind: 'closed' };

/**
 * Waits for our callback page (same origin) to post Salesforce's answer for this `state`, or for the popup to
 * be closed without one. `cancel()` stops waiting.
 */
export function waitForSalesforceAnswer(options: {
  /** The popup, read on each poll: it may be opened later from the "Open Salesforce sign-in" button. */
  popup: () => Window | null;
  state: string | null;
  pollMs?: number;
}): { outcome: Promise<PopupOutcome>; cancel: () => void } {
  let cleanup = () => {};
  const outcome = new Promise<PopupOutcome>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      const parsed = oauthCallbackMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      if (options.state && parsed.data.state !== options.state) return;
      cleanup();
      resolve({ kind: 'message', message: parsed.data });
    };
    window.addEventListener('message', onMessage);
    let closedAt: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      const popup = options.popup();
      if (!popup || !popup.closed || closedAt !== null) return;
      // The callback page posts and then closes itself: its message is already queued, so one more
      // turn of the event loop (and a little margin) is enough to hear it before calling it closed.
      closedAt = setTimeout(() => {
        cleanup();
        resolve({ kind: 'closed' });
      }, CLOSED_MARGIN_MS);
    };
    const timer = setInterval(check, options.pollMs ?? 250);
    // Closing the popup gives this window the focus back: look at once rather than at the next poll.
    window.addEventListener('focus', check);
    cleanup = () => {
      window.removeEventListener('message', onMessage);
      window.removeEventListener('focus', check);
      clearInterval(timer);
      if (closedAt !== null) clearTimeout(closedAt);
    };
  });
  return { outcome, cancel: () => cleanup() };
}

/** The `state` in Salesforce's authorize URL, to accept only the answer to this attempt. */
export function stateOf(authorizeUrl: string): string | null {
  try {
    return new URL(authorizeUrl).searchParams.get('state');
  } catch {
    return null;
  }
}
