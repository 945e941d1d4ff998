import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data with an API call (null: nothing to load) and keeps its data, error and loading
 * state. The call runs again when a value in `deps` changes, or on `reload`:
 * `useResource(id ? () => exchangeApi.listing(id) : null, [id])`.
 */
export function useResource<T>(
  load: (() => Promise<T>) | null,
  deps: ReadonlyArray<string | number | boolean | null | undefined>,
): Resource<T> {
  const idle = load === null;
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: !idle,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // the latest call, so that a new closure with the same deps does not fetch again
  const latest = useRef(load);
  latest.current = load;
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the deps' key and tick re-run the call
  useEffect(() => {
    const run = latest.current;
    if (run === null) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError) setState({ loading: false, error });
        // anything else is a bug: let it surface rather than pass it off as the server's answer
        else throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [key, idle, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
