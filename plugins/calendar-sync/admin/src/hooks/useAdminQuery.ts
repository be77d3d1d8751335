import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

interface QueryState<T> {
  data?: T;
  error?: unknown;
  isLoading: boolean;
}

/**
 * GET an admin endpoint; `refetch` loads it again. A failed reload keeps the last data next to the
 * error, so one lost poll does not replace the whole page with an error screen.
 */
export const useAdminQuery = <T>(path: string) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<QueryState<T>>({ isLoading: true });
  const [reloads, setReloads] = React.useState(0);

  React.useEffect(() => {
    let isCurrent = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    get<T>(path)
      .then(({ data }) => {
        if (isCurrent) setState({ data, isLoading: false });
      })
      .catch((error: unknown) => {
        if (isCurrent) setState((previous) => ({ data: previous.data, error, isLoading: false }));
      });
    return () => {
      isCurrent = false;
    };
  }, [get, path, reloads]);

  const refetch = React.useCallback(() => setReloads((count) => count + 1), []);

  return { ...state, refetch };
};
