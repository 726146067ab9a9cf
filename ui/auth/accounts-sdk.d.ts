/** Types for the parts of `@livechat/accounts-sdk@2.1.3` we use (the package ships none). */
declare module '@livechat/accounts-sdk' {
  export interface AccountsSdkOptions {
    client_id: string;
    server_url?: string;
    response_type?: 'token' | 'code';
    redirect_uri?: string;
    state?: string;
    prompt?: string;
    popup_flow?: 'auto' | 'manual';
    scope?: string | null;
    organization_id?: string;
    pkce?: { enabled?: boolean; code_verifier?: string; code_challange_method?: 'S256' | 'plain' };
    /** Query parameters the SDK adds to the authorize URL as they are (default: the utm pair). */
    tracking?: Record<string, string>;
  }

  /** What the accounts service posts back; checked with zod before use. */
  export type AuthorizeData = Record<string, unknown>;

  export interface AuthorizeFlow {
    authorize(): Promise<AuthorizeData>;
  }

  export default class AccountsSDK {
    constructor(options: AccountsSdkOptions);
    iframe(options?: Partial<AccountsSdkOptions>): AuthorizeFlow;
    popup(options?: Partial<AccountsSdkOptions>): AuthorizeFlow;
    verify(authorizeData: AuthorizeData): { state?: string; code_verifier?: string } | null;
  }
}
