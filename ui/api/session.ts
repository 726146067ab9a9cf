import { sessionEndpoints as e } from '../../src/api/widgetEndpoints';
import type { Call } from './http';

/** The sign-in's endpoints, which every frontend's client has: public-config and who the token is. */
export function createSessionApi(call: Call) {
  return {
    getPublicConfig: () => call(e.getPublicConfig),
    getMe: () => call(e.getMe),
  };
}

export type SessionApi = ReturnType<typeof createSessionApi>;
