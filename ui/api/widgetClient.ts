import { createCall, createHttp, type HttpDeps } from './http';
import { createSessionApi } from './session';
import { createWidgetApi } from './widget';

/**
 * The Chat Details widget's API client: the sign-in's endpoints and the widget's own, and nothing of
 * the settings', whose schemas would otherwise be built on every widget load (see client.ts for the
 * settings' whole client).
 */
export function createWidgetClient(deps: HttpDeps) {
  const call = createCall(createHttp(deps));
  return { ...createSessionApi(call), widget: createWidgetApi(call) };
}

export type WidgetClient = ReturnType<typeof createWidgetClient>;
