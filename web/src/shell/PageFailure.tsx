// A page that failed to render says so instead of blanking the whole app. The usual cause is a
// redeploy under an open tab: the page's code file of the old build is gone, so the lazy import
// fails; reloading fetches the new build.
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { shellDict } from './dict.ts';

/** A failed dynamic import (Chromium, Firefox, Safari) or Vite's failed CSS preload. */
export function isStaleBuild(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    text,
  );
}

function Failure({ error }: { error: unknown }) {
  const t = useT(shellDict);
  const stale = isStaleBuild(error);
  return (
    <div className="state state-error" role="alert" data-testid="page-failure">
      <strong>{t(stale ? 'staleBuildTitle' : 'pageFailedTitle')}</strong>
      <span>{t(stale ? 'staleBuildText' : 'pageFailedText')}</span>
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {t('reloadPage')}
      </button>
    </div>
  );
}

/** Catches what a page throws while rendering; a new route (its `key`) starts afresh. */
export class PageFailure extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };
  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') };
  }
  override render() {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <Failure error={this.state.error} />
    );
  }
}
