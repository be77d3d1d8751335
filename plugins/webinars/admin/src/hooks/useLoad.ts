import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/**
 * Loads `{ data }` from an admin route; `reload()` fetches it again after a change. Keeps the
 * last answer while reloading, so the page does not flash back to a spinner.
 */
export function useLoad<T>(path: string | null): { value?: T; failed: boolean; reload: () => void } {
  const { get } = useFetchClient();
  const [value, setValue] = React.useState<T>();
  const [failed, setFailed] = React.useState(false);
  const [generation, setGeneration] = React.useState(0);

  React.useEffect(() => {
    if (!path) return undefined;
    let current = true;
    get<{ data: T }>(path)
      .then((response) => {
        if (!current) return;
        setValue(response.data.data);
        setFailed(false);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, path, generation]);

  return { value, failed, reload: React.useCallback(() => setGeneration((n) => n + 1), []) };
}
