import { useCallback, useState } from 'react';
import { ApiError } from './api.ts';

/**
 * An API call the user starts (a form's submission, an action's button). While it runs it is
 * busy, so the button cannot send it twice; the server's refusal is kept for the page to show;
 * any other failure is a bug and is thrown on.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (call: () => Promise<unknown>) => {
    // a new attempt replaces the last one's refusal
    setError(null);
    setBusy(true);
    try {
      await call();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
