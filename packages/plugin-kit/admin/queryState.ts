/**
 * The state machine behind `useAdminQuery`, kept free of React so that it is tested as plain
 * functions: one GET reports `start`, then `success` or `failure`, for the path it was started for.
 */

/** Query-string values; `undefined` and '' are dropped (the admin API rejects `status=`). */
export type QueryParams = Record<string, string | number | undefined>;

export interface QueryState<T> {
  /** the path the data and error belong to */
  path: string;
  data?: T;
  error?: unknown;
  isLoading: boolean;
}

export type QueryEvent<T> =
  | { type: 'start'; path: string }
  | { type: 'success'; path: string; data: T }
  | { type: 'failure'; path: string; error: unknown };

/** What the page sees of a query: the data, error and loading flag of the current path. */
export interface QueryView<T> {
  data?: T;
  error?: unknown;
  isLoading: boolean;
}

/** The subset of Strapi's `useFetchClient().get` that a query needs. */
export type GetJson = <T>(path: string, options?: { params?: QueryParams }) => Promise<{ data: T }>;

export const initialQueryState = <T>(path: string): QueryState<T> => ({ path, isLoading: true });

/**
 * Another path (another contact) starts empty. A reload of the same path keeps the last data and
 * error while it loads, and a failed reload keeps the last data next to the error, so one lost
 * poll or a new filter does not replace the whole page with a spinner or an error screen.
 */
export const nextQueryState = <T>(state: QueryState<T>, event: QueryEvent<T>): QueryState<T> => {
  const isSamePath = state.path === event.path;
  switch (event.type) {
    case 'start':
      return isSamePath ? { ...state, isLoading: true } : { path: event.path, isLoading: true };
    case 'success':
      return { path: event.path, data: event.data, isLoading: false };
    case 'failure':
      return { path: event.path, data: isSamePath ? state.data : undefined, error: event.error, isLoading: false };
  }
};

/** Between a path change and the start of its request, the page must not see the old path's data. */
export const queryView = <T>(state: QueryState<T>, path: string): QueryView<T> =>
  state.path === path ? { data: state.data, error: state.error, isLoading: state.isLoading } : { isLoading: true };

export const compactParams = (params: QueryParams = {}): QueryParams =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));

/**
 * Starts one GET and reports its events; the returned function cancels the reports (the request of
 * a page that moved on, or of an unmounted one, must not overwrite the state).
 */
export const runQuery = <T>(
  get: GetJson,
  path: string,
  params: QueryParams,
  report: (event: QueryEvent<T>) => void,
): (() => void) => {
  let isCurrent = true;
  report({ type: 'start', path });
  const compact = compactParams(params);
  const request = Object.keys(compact).length > 0 ? get<T>(path, { params: compact }) : get<T>(path);
  request
    .then(({ data }) => {
      if (isCurrent) report({ type: 'success', path, data });
    })
    .catch((error: unknown) => {
      if (isCurrent) report({ type: 'failure', path, error });
    });
  return () => {
    isCurrent = false;
  };
};
