/**
 * Which held scopes grant a needed one (Authorization › Scopes › General rules): "all `rw` scopes
 * contain `ro` privileges", "all `access` scopes contain `my` privileges", "all `all` scopes contain
 * `access` privileges and `my` privileges"; and `chats.conversation--<level>:rw` includes
 * `chats--<level>:ro` (Scopes list: "… and Read permission for conversation and meta data …").
 */
import { apiErrors } from '../errors';
import type { ApiCaller } from './caller';

const LEVELS = ['my', 'access', 'all'] as const;
const SCOPE = /^([a-z_.]+)--(my|access|all):(ro|rw)$/;

/** The scopes that contain `needed`, `needed` first. */
export function scopesGranting(needed: string): string[] {
  const m = SCOPE.exec(needed);
  if (!m) return needed.endsWith(':ro') ? [needed, needed.replace(/:ro$/, ':rw')] : [needed];
  const [, resource = '', level = 'all', access = 'ro'] = m;
  const wider = LEVELS.slice(LEVELS.indexOf(level as (typeof LEVELS)[number]));
  const out: string[] = [];
  for (const l of wider) {
    out.push(`${resource}--${l}:${access}`);
    if (access === 'ro') out.push(`${resource}--${l}:rw`);
    if (resource === 'chats' && access === 'ro') out.push(`chats.conversation--${l}:rw`);
  }
  return out;
}

/** Whether the caller holds `needed` or a scope that contains it. */
export const grants = (caller: ApiCaller, needed: string): boolean =>
  scopesGranting(needed).some((s) => caller.has(s));

/** 403 `authorization` unless one of `needed` is granted ("User is not allowed to perform the action"). */
export function requireGranted(caller: ApiCaller, ...needed: string[]): void {
  if (!needed.some((s) => grants(caller, s))) {
    throw apiErrors.authorization(`Scopes missing: ${needed.join(' or ')}`);
  }
}
