import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { shellDict } from './dict.ts';
import { guardRoute } from './router.ts';

/**
 * A form's unsaved work: once the user types or chooses anything in it, leaving the page asks
 * first — another route of the app (a link, Back) in the user's language, closing or reloading
 * the tab through the browser's own dialog. Values the page fills in itself raise no event and
 * so no question. Returns `settle`, for the form to call once its work is saved (before it
 * moves on).
 */
export function useUnsavedForm(form: RefObject<HTMLFormElement | null>): () => void {
  const t = useT(shellDict);
  const question = t('leaveUnsaved');
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    // On the document, as the event bubbles: the form element may appear only after its data
    // has loaded, and React's own handlers (on its root, below the document) must have read the
    // typed value first — a state change made before them re-renders the controlled box back
    // to its old value, losing the keystroke.
    const touch = (e: Event) => {
      if (e.target instanceof Node && form.current?.contains(e.target)) setDirty(true);
    };
    document.addEventListener('input', touch);
    document.addEventListener('change', touch);
    return () => {
      document.removeEventListener('input', touch);
      document.removeEventListener('change', touch);
    };
  }, [form]);

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Chromium before 119 asks only when returnValue is set
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    guardRoute(() => window.confirm(question));
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      guardRoute(null);
    };
  }, [dirty, question]);

  return useCallback(() => {
    // now, not in the effect's clean-up: the form navigates on in the same turn
    guardRoute(null);
    setDirty(false);
  }, []);
}
