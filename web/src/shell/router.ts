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
// and keeps the change from the pages. The step back is a history.go() to the very entry shown,
// found by the Navigation API's index, so the entries on either side stay as they were (Forward
// still goes forward); a browser without that API gets the page shown again as a new entry.
let leaveAllowed: (() => boolean) | null = null;
/** a change already agreed to (a link or navigate() asked): the next hashchange goes through */
let agreed = false;
/** a refused change is being stepped back: its hashchange is no page's business */
let restoring = false;
let shownHash = typeof window === 'undefined' ? '' : window.location.hash;

/** The place in the tab's history of the entry now current, where the browser tells it. */
function placeNow(): number | null {
  if (!('navigation' in window)) return null;
  const { navigation } = window as { navigation?: { currentEntry?: { index: number } | null } };
  const index = navigation?.currentEntry?.index;
  return typeof index === 'number' && index >= 0 ? index : null;
}
let shownAt: number | null = null;

function markShown(): void {
  shownHash = window.location.hash;
  shownAt = placeNow();
}

/**
 * Whether the page may be left now, asking it if it holds unsaved work; an answer of yes lets
 * the next change of route through unasked (logging out asks first, then goes home).
 */
export function mayLeave(): boolean {
  if (!leaveAllowed) return true;
  if (!leaveAllowed()) return false;
  agreed = true;
  return true;
}

if (typeof window !== 'undefined') {
  shownAt = placeNow();
  window.addEventListener('hashchange', (e) => {
    if (restoring) {
      restoring = false;
      e.stopImmediatePropagation();
      // the step back landed elsewhere (the history changed under it): show the page again
      if (window.location.hash !== shownHash) window.history.pushState(null, '', shownHash || '#/');
      markShown();
      return;
    }
    if (agreed || !leaveAllowed || leaveAllowed()) {
      agreed = false;
      markShown();
      return;
    }
    e.stopImmediatePropagation();
    const at = placeNow();
    if (at !== null && shownAt !== null && at !== shownAt) {
      restoring = true;
      window.history.go(shownAt - at);
    } else {
      window.history.pushState(null, '', shownHash || '#/');
      markShown();
    }
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
  markShown();
}

export function useRoute(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('hashchange', update);
    // An address changed between the first render and this effect fired before the listener
    // was there (a link followed while the app boots, seen under load in CI): catch up with it.
    setPath((shown) => {
      const now = currentPath();
      return now.length === shown.length && now.every((s, i) => s === shown[i]) ? shown : now;
    });
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

export const href = (...segments: string[]) => `#/${segments.map(encodeURIComponent).join('/')}`;

export function navigate(...segments: string[]) {
  const to = href(...segments);
  if (to !== window.location.hash && !agreed && !mayLeave()) return;
  window.location.hash = to;
}

/** The query part of the page's hash. */
export const hashQuery = () => queryOf(window.location.hash);

/** Rewrites the hash's query without adding a history entry or firing hashchange. */
export function replaceHashQuery(query: Record<string, string>) {
  const path = window.location.hash.split('?')[0] || '#/';
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
  const s = params.toString();
  window.history.replaceState(null, '', s ? `${path}?${s}` : path);
  shownHash = window.location.hash;
}
