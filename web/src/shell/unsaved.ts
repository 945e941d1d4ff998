import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { shellDict } from './dict.ts';
import { guardRoute } from './router.ts';

type Holder = RefObject<HTMLElement | null>;

// The parts of the page now holding unsaved work: several at once on some pages (my
// organisation: the profile, a site, a licence; a deal: new terms, a message, a delivery).
const unsaved = new Set<Holder>();
let question = '';
/** a part that left the page (a form closed without saving) holds nothing any more */
const holdsWork = () => [...unsaved].some((h) => h.current?.isConnected);

function guard(): void {
  guardRoute(unsaved.size > 0 ? () => !holdsWork() || window.confirm(question) : null);
}

if (typeof window !== 'undefined')
  window.addEventListener('beforeunload', (e) => {
    if (!holdsWork()) return;
    e.preventDefault();
    // Chromium before 119 asks only when returnValue is set
    e.returnValue = '';
  });

/**
 * A form's unsaved work (a form, or any element holding boxes): once the user types or chooses
 * anything in it, leaving the page asks first — another route of the app (a link, Back) in the
 * user's language, closing or reloading the tab through the browser's own dialog. Values the
 * page fills in itself raise no event and so no question. Returns `settle`, for the form to call
 * once its work is saved or dropped (before it moves on).
 */
export function useUnsavedForm(form: Holder): () => void {
  const t = useT(shellDict);
  const asked = t('leaveUnsaved');
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
    question = asked;
    unsaved.add(form);
    guard();
    return () => {
      unsaved.delete(form);
      guard();
    };
  }, [dirty, form, asked]);

  return useCallback(() => {
    // now, not in the effect's clean-up: the form may navigate on in the same turn
    unsaved.delete(form);
    guard();
    setDirty(false);
  }, [form]);
}
