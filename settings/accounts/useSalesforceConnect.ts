import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthorizeResponse, SalesforceAccount } from '../../src/api/accounts';
import { errorMessage } from '../../ui/api/ApiError';
import { useApi } from '../../ui/api/ApiContext';
import { openBlankPopup, openSalesforcePopup, stateOf, waitForSalesforceAnswer } from './salesforcePopup';

export type ConnectState =
  | { phase: 'idle' }
  /** The Salesforce sign-in popup is open. */
  | { phase: 'waiting'; label: string }
  /** The browser blocked the popup: the page shows an "Open Salesforce sign-in" button. */
  | { phase: 'blocked'; label: string; openPopup: () => void }
  /** Salesforce answered; our backend is exchanging the code. */
  | { phase: 'completing'; label: string }
  | { phase: 'connected'; account: SalesforceAccount }
  | { phase: 'failed'; label: string; message: string };

/**
 * Salesforce's OAuth web-server flow in a popup: opens the popup inside the click, asks our API for the
 * authorize URL (create or reconnect), waits for the callback page's message and sends it to the backend.
 * Closing the popup without an answer goes back to idle, without an error.
 */
export function useSalesforceConnect(
  onAccount: (account: SalesforceAccount) => void,
  /** A new account whose popup was closed before Salesforce answered: it is not kept as a tile. */
  onAbandoned: (account: SalesforceAccount) => void = () => {},
) {
  const api = useApi();
  const [state, setState] = useState<ConnectState>({ phase: 'idle' });
  const cancelRef = useRef<() => void>(() => {});
  const onAccountRef = useRef(onAccount);
  const onAbandonedRef = useRef(onAbandoned);
  useEffect(() => {
    onAccountRef.current = onAccount;
    onAbandonedRef.current = onAbandoned;
  });
  useEffect(() => () => cancelRef.current(), []);

  /**
   * Call from a click handler. Resolves when `start` has answered (rejects with its error, popup closed).
   * `isNew`: the account was created for this attempt, so closing the popup without an answer discards it.
   */
  const connect = useCallback(
    async (
      label: string,
      start: () => Promise<AuthorizeResponse>,
      { isNew = false }: { isNew?: boolean } = {},
    ): Promise<void> => {
      cancelRef.current();
      let popup = openBlankPopup();
      let started: AuthorizeResponse;
      try {
        started = await start();
      } catch (e) {
        popup?.close();
        throw e;
      }
      onAccountRef.current(started.account);
      const { authorizeUrl } = started;
      popup = openSalesforcePopup(authorizeUrl, popup);

      const wait = waitForSalesforceAnswer({ popup: () => popup, state: stateOf(authorizeUrl) });
      let cancelled = false;
      cancelRef.current = () => {
        cancelled = true;
        wait.cancel();
      };
      if (popup) {
        setState({ phase: 'waiting', label });
      } else {
        setState({
          phase: 'blocked',
          label,
          openPopup: () => {
            popup = openSalesforcePopup(authorizeUrl);
            if (popup) setState({ phase: 'waiting', label });
          },
        });
      }

      void wait.outcome.then(async (outcome) => {
        if (cancelled) return;
        if (outcome.kind === 'closed') {
          setState({ phase: 'idle' });
          if (isNew) onAbandonedRef.current(started.account);
          return;
        }
        const m = outcome.message;
        setState({ phase: 'completing', label });
        try {
          const body = m.code
            ? { state: m.state, code: m.code }
            : {
                state: m.state,
                error: m.error ?? 'access_denied',
                ...(m.errorDescription !== undefined && { errorDescription: m.errorDescription }),
              };
          const { account } = await api.completeSalesforceOAuth(body);
          if (cancelled) return;
          onAccountRef.current(account);
          setState({ phase: 'connected', account });
        } catch (e) {
          if (!cancelled) setState({ phase: 'failed', label, message: errorMessage(e) });
        }
      });
    },
    [api],
  );

  const reset = useCallback(() => {
    cancelRef.current();
    setState({ phase: 'idle' });
  }, []);

  return { state, connect, reset };
}
