import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  initialQueryState,
  nextQueryState,
  queryView,
  runQuery,
  type GetJson,
  type QueryParams,
  type QueryState,
} from './queryState';

export type { QueryParams } from './queryState';

/**
 * GET an admin endpoint (path relative to the admin API, e.g. `/leads/contacts`), with optional
 * query parameters; `refetch` loads it again after a change. See `nextQueryState` for what stays
 * visible while it reloads or after a failed reload.
 */
export const useAdminQuery = <T>(path: string, params?: QueryParams) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<QueryState<T>>(() => initialQueryState<T>(path));
  const [reloads, setReloads] = React.useState(0);
  // Serialised so that callers can pass a fresh object literal on every render.
  const paramsKey = JSON.stringify(params ?? {});

  React.useEffect(
    () =>
      runQuery<T>(get as GetJson, path, JSON.parse(paramsKey) as QueryParams, (event) =>
        setState((previous) => nextQueryState(previous, event)),
      ),
    [get, path, paramsKey, reloads],
  );

  const refetch = React.useCallback(() => setReloads((count) => count + 1), []);

  return { ...queryView(state, path), refetch };
};
