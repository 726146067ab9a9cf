import type { Request, Response } from 'express';
import { bearerToken, originOf, sendJson } from '../http-util';
import type { Org } from '../org';
import type { SfRecord } from '../records/store';
import { userOf } from '../state';
import type { EmulatorState } from '../state';

const utcOffsets: Record<string, number> = { 'Europe/Paris': 3_600_000, 'America/Los_Angeles': -28_800_000 };

function urls(origin: string, org: Org, userId: string, version: string) {
  const org15 = org.id.slice(0, 15);
  return {
    enterprise: `${origin}/services/Soap/c/${version}/${org15}`,
    metadata: `${origin}/services/Soap/m/${version}/${org15}`,
    partner: `${origin}/services/Soap/u/${version}/${org15}`,
    rest: `${origin}/services/data/v${version}/`,
    sobjects: `${origin}/services/data/v${version}/sobjects/`,
    search: `${origin}/services/data/v${version}/search/`,
    query: `${origin}/services/data/v${version}/query/`,
    recent: `${origin}/services/data/v${version}/recent/`,
    tooling_soap: `${origin}/services/Soap/T/${version}/${org15}`,
    tooling_rest: `${origin}/services/data/v${version}/tooling/`,
    profile: `${origin}/${userId}`,
    feeds: `${origin}/services/data/v${version}/chatter/feeds`,
    groups: `${origin}/services/data/v${version}/chatter/groups`,
    users: `${origin}/services/data/v${version}/chatter/users`,
    feed_items: `${origin}/services/data/v${version}/chatter/feed-items`,
    custom_domain: `https://${org.myDomain}.my.salesforce.com`,
  };
}

function photos(origin: string, userId: string) {
  return {
    picture: `${origin}/profilephoto/005/F`,
    thumbnail: `${origin}/profilephoto/005/T`,
    userId,
  };
}

/** `?version=latest` or `?version=62.0` fills in the `{version}` placeholders. */
function versionParam(req: Request): string {
  const value = req.query.version;
  if (value === 'latest') return '62.0';
  return typeof value === 'string' && /^\d+\.\d$/.test(value) ? value : '{version}';
}

function identity(origin: string, org: Org, user: SfRecord, version: string) {
  const userId = String(user.Id);
  const timezone = String(user.TimeZoneSidKey ?? 'Europe/Paris');
  return {
    id: `${origin}/id/${org.id}/${userId}`,
    asserted_user: true,
    user_id: userId,
    organization_id: org.id,
    username: user.Username,
    nick_name: user.CommunityNickname,
    display_name: user.Name,
    email: user.Email,
    email_verified: true,
    first_name: user.FirstName,
    last_name: user.LastName,
    timezone,
    photos: photos(origin, userId),
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: user.MobilePhone ?? null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urls(origin, org, userId, version),
    active: user.IsActive,
    user_type: 'STANDARD',
    language: user.LanguageLocaleKey,
    locale: user.LocaleSidKey,
    utcOffset: utcOffsets[timezone] ?? 0,
    last_modified_date: user.LastModifiedDate,
    is_app_installed: true,
  };
}

/**
 * Scopes that open the identity service: "id: Allows access to the identity URL service. You can
 * request profile, email, address, or phone individually to get the same result", plus `openid`
 * and `full` (https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_tokens_scopes.htm).
 */
const IDENTITY_SCOPES = new Set(['id', 'profile', 'email', 'address', 'phone', 'openid', 'full']);

/**
 * Resolves the token of a request to its org and user, or answers 403 with the identity
 * service's plain-text code: `Bad_OAuth_Token` for an unknown or expired token, and for a token
 * without an identity scope (the identity URL's 403 codes, https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_using_openid.htm;
 * which code a missing scope gets is UNCONFIRMED).
 */
function sessionOf(state: EmulatorState, req: Request, res: Response) {
  const token = bearerToken(req, true);
  const session = token
    ? state.sessions.useAccessToken(
        token,
        state.clock.now().getTime(),
        (orgId) => state.orgs.get(orgId)?.settings.sessionTimeoutMs ?? 0,
      )
    : undefined;
  const org = session ? state.orgs.get(session.orgId) : undefined;
  const user = session && org ? userOf(org, session.userId) : undefined;
  if (!session || !org || !user || !session.scopes.some((scope) => IDENTITY_SCOPES.has(scope))) {
    res.status(403).type('text/plain').send('Bad_OAuth_Token');
    return undefined;
  }
  return { session, org, user };
}

/** `GET /id/{orgId}/{userId}`: the identity service, with Bearer or `oauth_token`. */
export function identityEndpoint(state: EmulatorState) {
  return (req: Request, res: Response) => {
    const found = sessionOf(state, req, res);
    if (!found) return;
    const orgId = String(req.params.orgId ?? '');
    const userId = String(req.params.userId ?? '');
    const target = userOf(found.org, userId);
    if (orgId.slice(0, 15) !== found.org.id.slice(0, 15) || !target) {
      res.status(403).type('text/plain').send('Bad_Id');
      return;
    }
    sendJson(res, 200, identity(originOf(state, req), found.org, target, versionParam(req)));
  };
}

/** `GET|POST /services/oauth2/userinfo`: the OpenID Connect user info of the token's user. */
export function userInfoEndpoint(state: EmulatorState) {
  return (req: Request, res: Response) => {
    const found = sessionOf(state, req, res);
    if (!found) return;
    const origin = originOf(state, req);
    const { org, user } = found;
    const userId = String(user.Id);
    sendJson(res, 200, {
      sub: `${origin}/id/${org.id}/${userId}`,
      user_id: userId,
      organization_id: org.id,
      preferred_username: user.Username,
      nickname: user.CommunityNickname,
      name: user.Name,
      email: user.Email,
      email_verified: true,
      given_name: user.FirstName,
      family_name: user.LastName,
      zoneinfo: user.TimeZoneSidKey,
      photos: photos(origin, userId),
      profile: `${origin}/${userId}`,
      picture: `${origin}/profilephoto/005/F`,
      address: {},
      is_salesforce_integration_user: false,
      urls: urls(origin, org, userId, versionParam(req)),
      active: user.IsActive,
      user_type: 'STANDARD',
      language: user.LanguageLocaleKey,
      locale: user.LocaleSidKey,
      utcOffset: utcOffsets[String(user.TimeZoneSidKey)] ?? 0,
      updated_at: user.LastModifiedDate,
      is_app_installed: true,
    });
  };
}
