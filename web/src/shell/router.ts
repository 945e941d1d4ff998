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

// A page with unsaved work asks before the route changes. A link or navigate() asks before the
// address changes; Back, Forward or a typed address change it first, so the one hashchange
// listener, added when this module loads and so before any page's, steps back to the page shown
// and keeps the change from the pages. Each history entry the app has shown carries its place
// (state.at), so the step back is a history.go() to that very entry: the entries on either side
// stay as they were, Forward still goes forward.
let leaveAllowed: (() => boolean) | null = null;
/** a change already agreed to (a link or navigate() asked): the next hashchange goes through */
let agreed = false;
/** a refused change is being stepped back: its hashchange is no page's business */
let restoring = false;
let shownHash = typeof window === 'undefined' ? '' : window.location.hash;
let shownAt = 0;

const placeOf = (state: unknown): number | null =>
  typeof state === 'object' && state !== null && 'at' in state && typeof state.at === 'number'
    ? state.at
    : null;

/** The entry now shown keeps its place, or takes the next one if it is new. */
function markShown(): void {
  shownHash = window.location.hash;
  const at = placeOf(window.history.state);
  if (at !== null) shownAt = at;
  else {
    shownAt += 1;
    window.history.replaceState({ at: shownAt }, '');
  }
}

/** Whether the route may change now, asking the page if it holds unsaved work. */
function mayLeave(): boolean {
  if (!leaveAllowed) return true;
  if (!leaveAllowed()) return false;
  agreed = true;
  return true;
}

if (typeof window !== 'undefined') {
  shownAt = placeOf(window.history.state) ?? 0;
  window.history.replaceState({ at: shownAt }, '');
  window.addEventListener('hashchange', (e) => {
    if (restoring) {
      restoring = false;
      e.stopImmediatePropagation();
      // the step back landed elsewhere (the history changed under it): show the page again
      if (window.location.hash !== shownHash) {
        shownAt += 1;
        window.history.pushState({ at: shownAt }, '', shownHash || '#/');
      }
      return;
    }
    if (agreed || !leaveAllowed || leaveAllowed()) {
      agreed = false;
      markShown();
      return;
    }
    e.stopImmediatePropagation();
    restoring = true;
    const at = placeOf(window.history.state);
    // a known entry (Back, Forward): straight to the one shown; a new one (a typed address) lies
    // just after it
    if (at !== null) window.history.go(shownAt - at);
    else window.history.back();
  });
  document.addEventListener(
    'click',
    (e) => {
      if (!leaveAllowed || e.defaultPrevented || e.button !== 0) return;
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window
      const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
      if (!link || link.getAttribute('target') === '_blank') return;
      if (link.getAttribute('href') === window.location.hash) return; // no change: no hashchange
      if (!mayLeave()) e.preventDefault();
    },
    true,
  );
}

/**
 * While `confirmLeave` is set, a change of route goes ahead only if it answers true (a form's
 * "leave without saving?"); null lifts it. A page sets it while it holds unsaved work.
 */
export function guardRoute(confirmLeave: (() => boolean) | null): void {
  leaveAllowed = confirmLeave;
  agreed = false;
  shownHash = window.location.hash;
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
  const to = href(...segments);
  if (to !== window.location.hash && !mayLeave()) return;
  window.location.hash = to;
}

/** The query part of the page's hash. */
export const hashQuery = () => queryOf(window.location.hash);

/** Rewrites the hash's query without adding a history entry or firing hashchange. */
export function replaceHashQuery(query: Record<string, string>) {
  const path = window.location.hash.split('?')[0] || '#/';
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
  const s = params.toString();
  window.history.replaceState(window.history.state, '', s ? `${path}?${s}` : path);
  shownHash = window.location.hash;
}
