import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from './api';

export interface Resource<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  loading: boolean;
  /** True when the endpoint does not exist on this server yet (404 on a route, not a record). */
  missing: boolean;
  reload: () => void;
}

/** Loads a GET endpoint; `null` waits. Stale answers of an earlier path are ignored. */
export function useResource<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiFailure; loading: boolean }>({
    path,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setState((previous) => ({ path, data: previous.path === path ? previous.data : undefined, loading: true }));
    api
      .get<T>(path)
      .then((data) => !cancelled && setState({ path, data, loading: false }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const failure = error instanceof ApiFailure ? error : new ApiFailure(0, 'NETWORK_ERROR', String(error));
        setState({ path, error: failure, loading: false });
      });
    return () => {
      cancelled = true;
    };
  }, [path, generation]);

  const error = state.path === path ? state.error : undefined;
  return {
    data: state.path === path ? state.data : undefined,
    error,
    loading: state.loading,
    missing: !!error && error.status === 404 && isMissingRoute(error),
    reload,
  };
}

/**
 * Nest answers an unknown route with 404 and a generic code, while a missing record has its own
 * code (TASK_NOT_FOUND, CYCLE_NOT_FOUND…): only the first means "not available on this server".
 */
export function isMissingRoute(error: ApiFailure): boolean {
  return error.status === 404 && ['NOT_FOUND', 'HTTP_404', 'ROUTE_NOT_FOUND'].includes(error.code);
}
