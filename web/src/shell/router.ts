import { useEffect, useState } from 'react';

/** Hash routes: `#/participants/abc` → ['participants', 'abc']. */
export function currentPath(): string[] {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const path = hash.split('?')[0];
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

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

/** The query part of the hash: `#/participants?kind=open_pit`. */
export function hashQuery(): URLSearchParams {
  const hash = window.location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

/** Rewrites the hash's query without adding a history entry or firing hashchange. */
export function replaceHashQuery(query: Record<string, string>) {
  const path = window.location.hash.split('?')[0] || '#/';
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
  const s = params.toString();
  window.history.replaceState(null, '', s ? `${path}?${s}` : path);
}
