import { describe, expect, it } from 'vitest';
import { reconnectAdvice } from '../../../settings/accounts/accountText';

describe('reconnectAdvice', () => {
  it('says the action once, whether or not the reason already names it', () => {
    expect(reconnectAdvice('Salesforce no longer accepts this connection. Reconnect the account.')).toBe(
      'Salesforce no longer accepts this connection. Reconnect the account.',
    );
    expect(reconnectAdvice('The Salesforce user was deactivated.')).toBe(
      'The Salesforce user was deactivated. Reconnect to use this account again.',
    );
    expect(reconnectAdvice(null)).toBe(
      'Salesforce no longer accepts this connection. Reconnect to use this account again.',
    );
  });
});
