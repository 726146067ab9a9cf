import type { RequestHandler, Response } from 'express';
import { errors } from '../http/appError';
import type { Agent } from './agent';
import { canConfigure } from './agent';
import type { AgentAuth } from './agentAuth.service';

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Any agent of the license, verified with LiveChat. */
export function requireAgent(auth: AgentAuth): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw errors.unauthorized();
    res.locals.agent = await auth.verify(token);
    res.locals.livechatToken = token;
    next();
  };
}

/** Owners and vice-owners only; everyone else gets a 403 that says whom to ask. */
export function requireOwner(auth: AgentAuth): RequestHandler {
  return async (req, res, next) => {
    const agent = agentOf(res);
    if (!canConfigure(agent)) throw await auth.notOwnerError(res.locals.livechatToken as string);
    req.log = req.log.child({ license: agent.licenseId });
    next();
  };
}

export function agentOf(res: Response): Agent {
  const agent = res.locals.agent as Agent | undefined;
  if (!agent) throw errors.unauthorized();
  return agent;
}

export function livechatTokenOf(res: Response): string {
  return res.locals.livechatToken as string;
}
