import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type QueryParams = Record<string, string | number | undefined>;

interface QueryState<T> {
  path: string;
  data?: T;
  error?: unknown;
  isLoading: boolean;
}

/** Drops empty values: the admin API validates its query strictly and rejects `status=`. */
const compactParams = (params: QueryParams = {}) =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));

/**
 * GET an admin endpoint. The last response of the same path stays visible while new parameters
 * load, so filters and pagination do not blank the page; another path (another contact) starts
 * empty. `refetch` reloads after a mutation.
 */
export const useAdminQuery = <T>(path: string, params?: QueryParams) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<QueryState<T>>({ path, isLoading: true });
  const [reloads, setReloads] = React.useState(0);
  // Serialised so that callers can pass a fresh object literal on every render.
  const paramsKey = JSON.stringify(compactParams(params));

  React.useEffect(() => {
    let isCurrent = true;
    setState((previous) => ({ path, data: previous.path === path ? previous.data : undefined, isLoading: true }));
    get<T>(path, { params: JSON.parse(paramsKey) as QueryParams })
      .then(({ data }) => {
        if (isCurrent) setState({ path, data, isLoading: false });
      })
      .catch((error: unknown) => {
        if (isCurrent) setState({ path, error, isLoading: false });
      });
    return () => {
      isCurrent = false;
    };
  }, [get, path, paramsKey, reloads]);

  const refetch = React.useCallback(() => setReloads((count) => count + 1), []);
  const isSamePath = state.path === path;

  return {
    data: isSamePath ? state.data : undefined,
    error: isSamePath ? state.error : undefined,
    isLoading: isSamePath ? state.isLoading : true,
    refetch,
  };
};
