import type { CallKind, Org } from '../org';
import type { AccessSession } from '../sessions';
import type { EmulatorState } from '../state';

/** One REST call below `/services/data/vNN.N`, from HTTP or from a composite subrequest. */
export interface ApiRequest {
  method: string;
  /** Path below the version, e.g. `/sobjects/Lead/describe` (`''` for the version root). */
  path: string;
  version: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, if any. */
  body: unknown;
  /** The body as sent, for error positions. */
  rawBody: string | undefined;
}

export interface ApiContext {
  state: EmulatorState;
  org: Org;
  session: AccessSession;
  now: Date;
  /** The origin clients reach the emulator at. */
  origin: string;
  /** Runs another call in the same context (composite subrequests). */
  dispatch(request: ApiRequest): ApiResponse;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bytes sent as they are instead of a JSON body (a blob field's content). */
  raw?: { contentType: string; data: Buffer };
}

export type Handler = (ctx: ApiContext, request: ApiRequest) => ApiResponse;

export interface Route {
  kind: CallKind;
  handler: Handler;
}
