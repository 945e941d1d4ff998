// "Who can help": for a listing or a project, people and organisations ranked by competence
// match, past collaboration and complementarity, each with the reasons the server names.
import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { Empty, ErrorState, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { knowledgeApi } from './api.ts';
import { knowledgeDict } from './dict.ts';

export function HelpPanel({ listingId, projectId }: { listingId?: string; projectId?: string }) {
  const t = useT(knowledgeDict);
  const [asked, setAsked] = useState(false);
  const id = listingId ?? projectId ?? '';
  const help = useResource(
    asked
      ? () => (listingId ? knowledgeApi.listingHelpers(id) : knowledgeApi.projectHelpers(id))
      : null,
    [asked, id],
  );
  return (
    <section className="card" data-testid="help-panel">
      <h2 className="card-title">{t('helpTitle')}</h2>
      {!asked ? (
        <button type="button" className="btn" onClick={() => setAsked(true)} data-testid="ask-help">
          {t('helpAsk')}
        </button>
      ) : help.error ? (
        <ErrorState error={help.error} onRetry={help.reload} />
      ) : !help.data ? (
        <Loading />
      ) : help.data.helpers.length === 0 ? (
        <Empty title={t('helpEmpty')} />
      ) : (
        <>
          {help.data.askingSideHidden && (
            <p className="muted small" data-testid="help-holder-hidden">
              {t('helpHolderHidden')}
            </p>
          )}
          <ol className="stack" data-testid="helpers">
            {help.data.helpers.map((h) => (
              <li key={`${h.kind}:${h.id}`}>
                {h.kind === 'person' ? (
                  <a href={href('knowledge', 'profile', h.id)}>{h.name}</a>
                ) : (
                  <a href={href('participants', h.id)}>{h.name}</a>
                )}{' '}
                <span className="muted small">{t(h.kind)}</span>
                <ul>
                  {h.reasons.map((r) => (
                    <li
                      key={`${r.kind}:${r.competence ?? r.projectId ?? r.dealId}`}
                      className="small"
                    >
                      {r.text}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
