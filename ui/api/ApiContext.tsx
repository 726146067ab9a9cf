import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './client';

/** A context that hands a frontend's signed-in API client to the screens below its provider. */
export function createApiContext<Api>() {
  const ApiContext = createContext<Api | null>(null);
  return {
    Provider: ({ api, children }: { api: Api; children: ReactNode }) => (
      <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
    ),
    useApi(): Api {
      const api = useContext(ApiContext);
      if (!api) throw new Error('useApi() must be used below its provider.');
      return api;
    },
  };
}

const settingsApi = createApiContext<ApiClient>();
/** The settings' client (the whole API). */
export const ApiProvider = settingsApi.Provider;
export const useApi = settingsApi.useApi;
