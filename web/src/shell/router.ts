import { useEffect, useState } from 'react';

/** A hash's route: `#/participants/abc?kind=mine` → ['participants', 'abc']. */
export function pathOf(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        // a hand-typed `%` that starts no escape: the segment as it is
        return s;
      }
    });
}

/** A hash's query: `#/participants?kind=open_pit` → kind=open_pit. */
export function queryOf(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

export const currentPath = () => pathOf(window.location.hash);

export function useRoute(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

export const href = (...segments: string[]) => `#/${segments.map(encodeURIComponent).join('/')}`;

export function navigate(...segments: string[]) {
  window.location.hash = href(...segments);
}

/** The query part of the page's hash. */
export const hashQuery = () => queryOf(window.location.hash);

/** Rewrites the hash's query without adding a history entry or firing hashchange. */
export function replaceHashQuery(query: Record<string, string>) {
  const path = window.location.hash.split('?')[0] || '#/';
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
  const s = params.toString();
  window.history.replaceState(null, '', s ? `${path}?${s}` : path);
}
