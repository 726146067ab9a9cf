/** Salesforce's OAuth error codes in plain words for the owner. */
export function oauthErrorInWords(error: string, description?: string): string {
  switch (error) {
    case 'access_denied':
      return 'The connection was not allowed in Salesforce. Connect again and choose Allow.';
    case 'invalid_client_id':
    case 'invalid_client':
    case 'invalid_client_credentials':
      return 'Salesforce does not recognise this app’s connected app. Ask your administrator to check the Salesforce client id and secret.';
    case 'redirect_uri_mismatch':
      return 'Salesforce refused the return address of this app. The connected app’s callback URL must be this app’s OAuth callback.';
    case 'invalid_grant':
      return 'Salesforce did not accept the sign-in: it expired or was already used. Connect again.';
    case 'invalid_request':
      return 'Salesforce rejected the sign-in request (the security check did not match). Connect again.';
    case 'inactive_user':
    case 'inactive_org':
      return 'The Salesforce user or org is inactive. Use an active user of an active org.';
    case 'unsupported_response_type':
    case 'unsupported_grant_type':
      return 'Salesforce does not allow this kind of sign-in for the connected app. Ask your administrator to enable the OAuth web-server flow.';
    case 'immediate_unsuccessful':
    case 'login_required':
      return 'You need to sign in to Salesforce first. Connect again and sign in.';
    default:
      return `Salesforce could not connect the account (${error}${description ? `: ${description}` : ''}).`;
  }
}
