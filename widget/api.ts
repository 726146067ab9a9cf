import { createApiContext } from '../ui/api/ApiContext';
import type { WidgetClient } from '../ui/api/widgetClient';

const widgetApi = createApiContext<WidgetClient>();
/** The widget's client (its own endpoints and the sign-in's), for the screens below. */
export const WidgetApiProvider = widgetApi.Provider;
export const useWidgetApi = widgetApi.useApi;
