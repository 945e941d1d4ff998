import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { clusterDay } from '../../../../src/model/days.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { registryApi } from '../../registry/api.ts';
import { ApiError } from '../../shell/api.ts';
import { href, navigate } from '../../shell/router.ts';
import { isOperator } from '../../shell/session.tsx';
import type { Listing, User } from '../../shell/types.ts';
import { ErrorState, FormError, Loading, PageHeader } from '../../shell/ui.tsx';
import { useUnsavedForm } from '../../shell/unsaved.ts';
import { useResource } from '../../shell/useResource.ts';
import { exchangeApi } from '../api.ts';
import { exchangeDict } from '../dict.ts';
import { useTaxonomy } from '../taxonomy.ts';
import { toBody, toPatch } from './body.ts';
import { EconomicsSection } from './EconomicsSection.tsx';
import { FormActions } from './FormActions.tsx';
import { LegalSection } from './LegalSection.tsx';
import { PassportSection } from './PassportSection.tsx';
import { useListingForm } from './useListingForm.ts';
import { VisibilitySection } from './VisibilitySection.tsx';
import { problemIssues, validate } from './validate.ts';
import { onForm, type Values } from './values.ts';
import { WhatSection } from './WhatSection.tsx';

/** The server's listing schema, fetched once in its own chunk (it brings zod). */
let schemaChunk: Promise<typeof import('../schemas.ts')> | null = null;
function loadCheck() {
  schemaChunk ??= import('../schemas.ts');
  return schemaChunk.then(
    (m) => m.checkListing,
    () => {
      // offline for a moment: the server checks the same rules on submit; try again next time
      schemaChunk = null;
      return null;
    },
  );
}

export function ListingForm({
  me,
  initial,
  listing,
  copy,
  openProposals = 0,
}: {
  me: User;
  initial: Values;
  listing?: Listing;
  /** the listing's open proposals: a change of its terms closes them, said before saving */
  openProposals?: number;
  /** the form starts from a withdrawn listing's terms */
  copy?: boolean;
}) {
  const t = useT(exchangeDict);
  const { locale } = useLocale();
  const taxonomy = useTaxonomy();
  const operator = isOperator(me);
  const orgs = useResource(
    operator ? () => registryApi.organisations({ status: 'member' }) : null,
    [operator],
  );
  const form = useListingForm(initial);
  const { values: v, setValues } = form;
  const organisationId = v.organisationId;
  const sites = useResource(
    organisationId ? () => registryApi.organisationSites(organisationId) : null,
    [organisationId],
  );
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  const editing = Boolean(listing);
  // a listing's end is held to today when it is set: a new one, or a changed end (one that
  // expired since keeps its end when other fields change, as on the server)
  const endingFrom = (values: typeof v) =>
    !listing || values.availableTo !== listing.availableTo ? clusterDay(Date.now()) : undefined;
  const settle = useUnsavedForm(ref);

  useEffect(() => {
    loadCheck();
  }, []);
  // after a refused submission, the first field in error takes the focus
  useEffect(() => {
    if (attempt > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  // the form's own findings follow the reader's language: a switch words them anew (a server's
  // refusal stays as it came, in the language it was asked in)
  const checkedHere = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of language re-words them
  useEffect(() => {
    const tx = taxonomy.data;
    if (!checkedHere.current || !tx) return;
    void loadCheck().then((check) =>
      form.setIssues(
        validate(v, tx, check ? (body) => check(body, locale) : undefined, endingFrom(v)),
      ),
    );
  }, [locale]);

  const openSites = useMemo(() => (sites.data ?? []).filter((s) => !s.closedOn), [sites.data]);
  // one site: it is the one
  useEffect(() => {
    if (!v.siteId && openSites.length === 1)
      setValues((old) => ({ ...old, siteId: openSites[0].id }));
  }, [openSites, v.siteId, setValues]);

  if (taxonomy.error) return <ErrorState error={taxonomy.error} onRetry={taxonomy.reload} />;
  if (!taxonomy.data) return <Loading />;
  const tx = taxonomy.data;

  const submit = (status: 'draft' | 'active') => async (e?: FormEvent) => {
    e?.preventDefault();
    setFailure(null);
    const check = await loadCheck();
    const found = validate(v, tx, check ? (body) => check(body, locale) : undefined, endingFrom(v));
    form.setIssues(found);
    checkedHere.current = Object.keys(found).length > 0;
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const body = toBody(v, tx);
      const saved = listing
        ? await exchangeApi.patchListing(listing.id, toPatch(body))
        : await exchangeApi.createListing({
            ...body,
            side: v.side,
            organisationId: operator ? v.organisationId : undefined,
            status,
          });
      settle();
      navigate('marketplace', saved.id);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
      checkedHere.current = false;
      form.setIssues(problemIssues(err.problem.errors ?? []));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const back = listing ? href('marketplace', listing.id) : href('marketplace');
  return (
    <>
      <a className="back-link" href={back}>
        {listing ? t('backToListing') : t('backToMarketplace')}
      </a>
      <PageHeader
        title={editing ? t('editTitle') : copy ? t('copyTitle') : t('newTitle')}
        lead={copy ? t('copyLead') : t('formLead')}
      />
      <form
        ref={ref}
        className="card form listing-form"
        onSubmit={submit('active')}
        noValidate
        data-testid="listing-form"
      >
        <FormError error={failure} placed={onForm} />
        {openProposals > 0 && (
          <p className="alert alert-warning" role="status" data-testid="open-proposals-notice">
            {t('openProposalsOnEdit', { n: openProposals })}
          </p>
        )}
        {form.hasErrors && !failure && (
          <div className="alert alert-error" role="alert">
            {t('fixErrors')}
          </div>
        )}
        <WhatSection
          form={form}
          tx={tx}
          editing={editing}
          organisations={operator ? (orgs.data ?? []) : null}
          sites={openSites}
          sitesLoading={sites.loading}
        />
        <PassportSection form={form} tx={tx} />
        <EconomicsSection form={form} />
        {v.side === 'offer' && <LegalSection form={form} tx={tx} />}
        <VisibilitySection form={form} />
        <FormActions editing={editing} busy={busy} back={back} onDraft={submit('draft')} />
      </form>
    </>
  );
}
