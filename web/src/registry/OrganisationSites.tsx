import { type FormEvent, useEffect, useRef, useState } from 'react';
import { territoryIn } from '../../../src/model/places.ts';
import { localised, useFormat, useLocale, useT, useWordingState, wording } from '../i18n/index.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { problemIssues } from '../shell/issues.ts';
import type { Site } from '../shell/types.ts';
import { ConfirmButton, Empty, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { registryApi } from './api.ts';
import { useLabels } from './labels.ts';
import { memberDict } from './memberDict.ts';
import {
  blankSite,
  loadSiteCheck,
  SiteFieldset,
  type SiteIssues,
  type SiteKey,
  type SiteValue,
  siteBody,
  siteFormDict,
  siteValueOf,
  validateSite,
} from './site-form/index.ts';

type Editing = { site: Site | null; value: SiteValue };

/**
 * The organisation's sites: the list, a new site or a change placed by a click on the offline
 * map or by typed coordinates (the site fieldset), and closing one after a confirmation.
 */
export function OrganisationSites({
  organisationId,
  editable,
}: {
  organisationId: string;
  editable: boolean;
}) {
  const m = useT(memberDict);
  const sf = useT(siteFormDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const siteName = (s: Site) => localised(locale, s.name, s.nameEn);
  const labels = useLabels();
  const sites = useResource(() => registryApi.organisationSites(organisationId), [organisationId]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const stopEditing = () => {
    settle();
    setEditing(null);
  };
  const [issues, setIssues] = useState<SiteIssues>({});
  const [notice, setNotice] = useWordingState();
  const { busy, error, run } = useSubmission();
  const closing = useSubmission();
  const [checkSite, setCheckSite] = useState<
    ((body: unknown, lang: 'ru' | 'en') => { field: string; code: string; text: string }[]) | null
  >(null);

  useEffect(() => {
    if (!editing || checkSite) return;
    loadSiteCheck().then((c) => c && setCheckSite(() => c));
  }, [editing, checkSite]);

  const word = (k: SiteKey) => {
    const i = issues[k];
    if (!i) return undefined;
    return 'text' in i ? i.text : sf(i.key, i.params);
  };

  const start = (site: Site | null) => {
    setNotice(null);
    setIssues({});
    setEditing({
      site,
      value: site ? siteValueOf(site, locale) : blankSite('plant'),
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const found = validateSite(
      editing.value,
      checkSite ? (body) => checkSite(body, locale) : undefined,
    );
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    const body = siteBody(editing.value);
    // an English name emptied is cleared (the body leaves an empty one out)
    if (editing.site?.nameEn && !body.nameEn) body.nameEn = '';
    await run(async () => {
      try {
        const saved = editing.site
          ? await registryApi.patchSite(editing.site.id, body)
          : await registryApi.addSite(organisationId, body);
        setNotice(
          wording(memberDict, editing.site ? 'siteSaved' : 'siteAdded', { name: saved.name }),
        );
        stopEditing();
        sites.reload();
      } catch (err) {
        const errors = (err as { problem?: { errors?: [] } }).problem?.errors;
        if (errors) setIssues(problemIssues(errors));
        throw err;
      }
    });
  };

  const close = (site: Site) =>
    closing.run(async () => {
      await registryApi.closeSite(site.id, {});
      setNotice(wording(memberDict, 'siteClosedDone', { name: site.name }));
      sites.reload();
    });

  return (
    <section className="card member-sites" aria-labelledby="sites-title" data-testid="sites-card">
      <div className="card-head">
        <h2 className="card-title" id="sites-title">
          {m('sitesTitle')}
        </h2>
        {editable && !editing && (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => start(null)}
            data-testid="add-site"
          >
            {m('addSite')}
          </button>
        )}
      </div>
      <p className="muted small">{editable ? m('sitesLead') : m('sitesReadOnly')}</p>
      {notice && (
        <div className="alert alert-success" role="status" data-testid="site-notice">
          {notice(locale)}
        </div>
      )}
      <FormError error={closing.error} />
      {editing && (
        <form
          ref={form}
          className="form member-site-form"
          onSubmit={submit}
          noValidate
          data-testid="site-form"
        >
          <FormError
            error={error}
            placed={(f) => ['name', 'kind', 'address', 'lat', 'lon', 'specialName'].includes(f)}
          />
          <SiteFieldset
            value={editing.value}
            onChange={(value) => setEditing({ ...editing, value })}
            error={word}
            legend={
              editing.site ? m('editSiteTitle', { name: siteName(editing.site) }) : m('newSite')
            }
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {m('saveSite')}
            </button>
            <button type="button" className="btn" onClick={stopEditing}>
              {m('cancel')}
            </button>
          </div>
        </form>
      )}
      {sites.error ? (
        <ErrorState error={sites.error} onRetry={sites.reload} />
      ) : !sites.data ? (
        <Loading />
      ) : sites.data.length === 0 ? (
        <Empty title={m('sitesEmpty')}>{editable ? m('sitesEmptyText') : null}</Empty>
      ) : (
        <DataTable
          rows={sites.data}
          rowKey={(s) => s.id}
          testId="sites-table"
          cards
          rowProps={(s) => ({ 'data-site': s.id })}
          columns={[
            {
              key: 'name',
              header: m('colSite'),
              label: m('colSite'),
              cell: (s) => siteName(s),
              sortValue: (s) => siteName(s),
            },
            {
              key: 'kind',
              header: m('colSiteKind'),
              label: m('colSiteKind'),
              cell: (s) => labels.siteKind(s.kind ?? 'other'),
              sortValue: (s) => labels.siteKind(s.kind ?? 'other'),
            },
            {
              key: 'address',
              header: m('colAddress'),
              label: m('colAddress'),
              className: 'hide-narrow',
              cell: (s) => s.address ?? '—',
              sortValue: (s) => s.address ?? '',
            },
            {
              key: 'coordinates',
              header: m('colCoordinates'),
              label: m('colCoordinates'),
              className: 'nowrap',
              // a semicolon between them: with the decimal comma «53,6450, 87,9280» reads ambiguously
              cell: (s) => `${fmt.fixed(s.lat, 4)}; ${fmt.fixed(s.lon, 4)}`,
              sortValue: (s) => s.lat,
            },
            {
              key: 'territory',
              header: m('colTerritory'),
              label: m('colTerritory'),
              className: 'hide-narrow',
              cell: (s) => <SiteTerritory site={s} />,
              sortValue: (s) => `${s.monotown ? 1 : 0}${s.specialTerritory?.name ?? ''}`,
            },
            {
              key: 'state',
              header: m('colSiteState'),
              label: m('colSiteState'),
              cell: (s) =>
                s.closedOn ? (
                  <span className="badge">{m('siteClosed', { date: fmt.date(s.closedOn) })}</span>
                ) : (
                  m('siteOpen')
                ),
              sortValue: (s) => s.closedOn ?? '',
            },
            editable && {
              key: 'actions',
              header: <span className="visually-hidden">{m('colSiteActions')}</span>,
              className: 'actions',
              cell: (s) =>
                !s.closedOn && (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => start(s)}
                      data-testid={`edit-site-${s.id}`}
                    >
                      {m('editSite')}
                    </button>
                    <ConfirmButton
                      label={m('closeSite')}
                      question={m('closeSiteQuestion', { name: siteName(s) })}
                      confirmLabel={m('closeSiteYes')}
                      className="btn btn-small btn-danger"
                      disabled={closing.busy}
                      testId={`close-site-${s.id}`}
                      onConfirm={() => close(s)}
                    />
                  </span>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** A site's monotown and special territory, with an estimate marked and its basis in the tooltip. */
function SiteTerritory({ site }: { site: Site }) {
  const m = useT(memberDict);
  const { locale } = useLocale();
  const parts = [
    site.monotown ? m('inMonotown') : null,
    site.specialTerritory ? territoryIn(site.specialTerritory.name, locale) : null,
  ].filter((x): x is string => x !== null);
  if (!parts.length) return <>—</>;
  const p = site.territoryProvenance;
  const basis = p ? ((locale === 'en' ? p.noteEn : p.note) ?? p.note ?? '') : '';
  return (
    <span data-testid={`site-territory-${site.id}`}>
      {parts.join('; ')}
      {p?.kind === 'estimate' && (
        <>
          {' '}
          <span className="badge" title={basis}>
            {m('estimate')}
          </span>
        </>
      )}
      {p?.kind === 'sourced' && p.key && (
        <span className="muted small" title={basis}>
          {' '}
          {p.key}
        </span>
      )}
    </span>
  );
}
