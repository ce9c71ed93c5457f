/** Loading API resources into components: the data, the error, and a way to reload. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { get } from './api.ts';

/** State of one request. */
export interface Resource<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` with `params`; refetches when either changes. */
export function useResource<T>(path: string | null, params: Record<string, string | number | boolean | undefined> = {}): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify([path, params]);
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    get<T>(path, params, ctl.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: Error) => { if (!ctl.signal.aborted) setState({ data: null, error, loading: false }); },
    );
    return () => ctl.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
