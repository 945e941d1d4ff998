// The Knowledge page: a search box, facets (what, kind, TRL, organisation by its name) and ranked
// results, the search kept in the address; a member of an organisation goes from here to
// publish (#/knowledge/new).
import { type FormEvent, useEffect, useState } from 'react';
import { SEARCH_QUERY_MAX } from '../../../src/knowledge/limits.ts';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { useOrgNames } from '../registry/useOrgNames.ts';
import type { ApiError } from '../shell/api.ts';
import { hashQuery, href, replaceHashQuery } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { Empty, ErrorState, Loading, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { knowledgeApi, type SearchQuery } from './api.ts';
import { knowledgeDict } from './dict.ts';
import { assetTypes } from './publish.ts';
import { addressOf, recordTypes, searchFrom } from './search-address.ts';

type Key = Parameters<ReturnType<typeof useT<keyof typeof knowledgeDict.ru>>>[0];
type SearchHit = Awaited<ReturnType<typeof knowledgeApi.search>>['results'][number];

/** Records a page of results holds (the API's default limit). */
const PAGE = 20;

export function KnowledgePage() {
  const t = useT(knowledgeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const { user } = useSession();
  const names = useOrgNames();
  const organisations = [...names.list].sort((a, b) =>
    names.name(a.id).localeCompare(names.name(b.id), locale),
  );
  // members and admins of an organisation publish; an observer only reads (src/knowledge/records.ts)
  const mayPublish = Boolean(user && user.role !== 'observer');
  // the search lives in the address: Back and a shared link bring it back
  const [query, setQuery] = useState<SearchQuery>(() => searchFrom(hashQuery()));
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => replaceHashQuery(addressOf(query)), [query]);
  const key = JSON.stringify(query);
  const results = useResource(() => knowledgeApi.search(query), [key]);
  // further pages of the same search, appended by "Show more"
  const [more, setMore] = useState<{ key: string; hits: SearchHit[] }>({ key, hits: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const hits = results.data
    ? [...results.data.results, ...(more.key === key ? more.hits : [])]
    : [];
  const showMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await knowledgeApi.search({ ...query, offset: hits.length, limit: PAGE });
      setMore({ key, hits: [...(more.key === key ? more.hits : []), ...next.results] });
    } catch (e) {
      setMoreError(e as ApiError);
    } finally {
      setLoadingMore(false);
    }
  };
  const set = (patch: Partial<SearchQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: text });
  };
  // an asset's kind, a project's status; a profile has nothing beside its type
  const label = (type: string, kind: string) =>
    type === 'asset'
      ? t(`assetType:${kind}` as Key)
      : type === 'project'
        ? t(`status:${kind}` as Key)
        : null;

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          mayPublish && (
            <a
              className="btn btn-primary"
              href={href('knowledge', 'new')}
              data-testid="publish-link"
            >
              {t('publishButton')}
            </a>
          )
        }
      />
      <p>
        <a href={href('knowledge', 'potential')} data-testid="potential-link">
          {t('potentialLink')}
        </a>
      </p>
      <form className="filters" onSubmit={submit}>
        <label className="field">
          <span>{t('searchLabel')}</span>
          <input
            type="search"
            maxLength={SEARCH_QUERY_MAX}
            value={text}
            placeholder={t('searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="knowledge-query"
          />
        </label>
        <label className="field">
          <span>{t('facetType')}</span>
          <select
            value={query.type ?? ''}
            onChange={(e) => set({ type: (e.target.value || undefined) as SearchQuery['type'] })}
          >
            <option value="">{t('any')}</option>
            {recordTypes.map((r) => (
              <option key={r} value={r}>
                {t(`type:${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('facetAssetType')}</span>
          <select
            value={query.assetType ?? ''}
            onChange={(e) =>
              set({ assetType: (e.target.value || undefined) as SearchQuery['assetType'] })
            }
          >
            <option value="">{t('any')}</option>
            {assetTypes.map((a) => (
              <option key={a} value={a}>
                {t(`assetType:${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('facetTrlMin')}</span>
          <select
            value={query.trlMin ?? ''}
            onChange={(e) => set({ trlMin: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('any')}</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('facetOrganisation')}</span>
          <select
            name="organisation"
            value={query.organisationId ?? ''}
            onChange={(e) => set({ organisationId: e.target.value || undefined })}
            data-testid="knowledge-organisation"
          >
            <option value="">{t('allOrganisations')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {names.name(o.id)}
              </option>
            ))}
          </select>
        </label>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary" data-testid="knowledge-search">
            {t('searchButton')}
          </button>
        </div>
      </form>
      {results.error ? (
        <ErrorState error={results.error} onRetry={results.reload} />
      ) : !results.data ? (
        <Loading />
      ) : results.data.results.length === 0 ? (
        <Empty title={t('emptyTitle')}>{t('emptyText')}</Empty>
      ) : (
        <div className="stack" data-testid="knowledge-results">
          {(query.q ?? '').trim() !== '' && results.data.terms.length === 0 && (
            <p className="alert alert-warning" role="status" data-testid="knowledge-no-words">
              {t('noWords')}
            </p>
          )}
          <p className="muted" data-testid="knowledge-count">
            {hits.length < results.data.total
              ? t('resultsShown', {
                  n: fmt.integer(results.data.total),
                  shown: fmt.integer(hits.length),
                })
              : t('results', { n: fmt.integer(results.data.total) })}
          </p>
          {hits.map((r) => (
            <div className="card" key={`${r.type}:${r.id}`}>
              <a className="strong-link" href={href('knowledge', r.type, r.id)}>
                {locale === 'en' ? (r.titleEn ?? r.title) : r.title}
              </a>
              <div className="tags">
                <span className="badge">{t(`one:${r.type}`)}</span>
                {label(r.type, r.kind) && <span className="badge">{label(r.type, r.kind)}</span>}
                {r.trl !== null && <span className="badge">{t('trl', { trl: r.trl })}</span>}
                {results.data!.terms.length > 0 && (
                  <span className="muted small">
                    {t('score', { score: fmt.decimal(r.score, 2) })}
                  </span>
                )}
              </div>
            </div>
          ))}
          {moreError && <ErrorState error={moreError} onRetry={showMore} />}
          {hits.length < results.data.total && (
            <div>
              <button
                type="button"
                className="btn"
                disabled={loadingMore}
                onClick={showMore}
                data-testid="knowledge-more"
              >
                {loadingMore ? t('loadingMore') : t('showMore')}
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
