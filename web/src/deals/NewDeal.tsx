// The form that opens a deal: from scratch (the counterparty, which side we take, the material
// and the terms) or on a listing (#/deals?listing=:id: its holder, side and material fixed, its
// figures the terms' defaults). A consumer opens it at requested, a provider at offered.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { periodOnListing, quantityOverPeriod } from '../../../src/deals/limits.ts';
import { exchangeApi } from '../exchange/api.ts';
import { opensDealOn } from '../exchange/rights.ts';
import { useTaxonomy } from '../exchange/taxonomy.ts';
import { clusterDay, decimalMarkOf, useDecimalMarkSwitch, useLocale, useT } from '../i18n/index.ts';
import { kopecksToRubText, withDecimalMarks } from '../shell/numbers.ts';
import { hashQuery, href, navigate } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import type { Listing } from '../shell/types.ts';
import { ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { dealsApi } from './api.ts';
import { useOrgNames } from './bits.tsx';
import { dealsDict } from './dict.ts';
import { missingChoices, parseTerms, type TermsBad, type TermsText } from './parse.ts';
import { blankTerms, TermsFields, termsNumberBoxes, termsPlaced } from './terms.tsx';

/** The new-deal form; on a listing when the page's address names one (#/deals?listing=:id). */
export function NewDeal(props: { organisationId: string; onCreated: () => void }) {
  const t = useT(dealsDict);
  const { user } = useSession();
  const listingId = hashQuery().get('listing');
  const listing = useResource(listingId ? () => exchangeApi.listing(listingId) : null, [listingId]);
  if (!listingId) return <DealForm {...props} />;
  if (listing.error)
    return (
      <>
        <ErrorState error={listing.error} onRetry={listing.reload} />
        <DealForm {...props} />
      </>
    );
  if (!listing.data) return <Loading />;
  if (!opensDealOn(user, listing.data))
    return (
      <>
        <p className="alert alert-warning" role="status" data-testid="listing-not-dealable">
          {t('listingNotDealable')}
        </p>
        <DealForm {...props} />
      </>
    );
  return <DealForm key={listing.data.id} {...props} listing={listing.data} />;
}

/**
 * A listing's figures as the terms' boxes show them (the decimal mark of the reader's language):
 * its yearly rate over its window from today on, as a deal's quantity is the whole period's.
 */
function listingTerms(l: Listing, mark: ',' | '.'): TermsText {
  const period = periodOnListing(l, clusterDay(Date.now()));
  return {
    ...blankTerms,
    quantity: String(quantityOverPeriod(l.quantityPerYear, period.from, period.to)).replace(
      '.',
      mark,
    ),
    unit: l.unit,
    ...period,
    price: l.priceKopecksPerUnit === undefined ? '' : kopecksToRubText(l.priceKopecksPerUnit, mark),
  };
}

function DealForm({
  organisationId,
  onCreated,
  listing,
}: {
  organisationId: string;
  onCreated: () => void;
  /** the listing the deal is on: its holder and side fixed, and its material if it names one */
  listing?: Listing;
}) {
  const t = useT(dealsDict);
  const { locale } = useLocale();
  const names = useOrgNames();
  const tax = useTaxonomy();
  const submission = useSubmission();
  const ref = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(ref);
  // the holder offers: we are its consumer; the holder requests: we are its provider
  const [role, setRole] = useState<'consumer' | 'provider'>(
    listing?.side === 'request' ? 'provider' : 'consumer',
  );
  const [other, setOther] = useState(listing?.organisationId ?? '');
  const [material, setMaterial] = useState(listing?.materialId ?? '');
  const [terms, setTerms] = useState<TermsText>(() =>
    listing ? listingTerms(listing, decimalMarkOf(locale)) : blankTerms,
  );
  useDecimalMarkSwitch((mark) => setTerms((v) => withDecimalMarks(v, termsNumberBoxes, mark)));
  // come from a listing: the form, below the list of deals, is what the reader came for
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens on a listing
  useEffect(() => {
    if (!listing) return;
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current
      ?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled])')
      ?.focus({
        preventScroll: true,
      });
  }, []);
  const [message, setMessage] = useState('');
  const [bad, setBad] = useState<TermsBad>(new Map());
  const [missing, setMissing] = useState<Set<'counterparty' | 'material'>>(new Set());
  const errors = submission.error?.fieldErrors() ?? {};
  // the form's own words first (nothing sent); the server's words for a field otherwise
  const counterpartyError = missing.has('counterparty')
    ? t('fChooseCounterparty')
    : (errors.providerId ?? errors.consumerId);
  const materialError = missing.has('material') ? t('fChooseMaterial') : errors.material;
  // the deal counts in its material's unit (tonnes of ash, never MWh of it)
  const materialUnit = tax.data?.material(material)?.unit;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseTerms(
      materialUnit ? { ...terms, unit: materialUnit } : terms,
      clusterDay(Date.now()),
    );
    const unchosen = missingChoices({ counterparty: other, material });
    setBad(parsed.bad);
    setMissing(unchosen);
    if (parsed.bad.size || unchosen.size) return;
    void submission.run(async () => {
      const d = await dealsApi.create({
        providerId: role === 'provider' ? organisationId : other,
        consumerId: role === 'consumer' ? organisationId : other,
        material,
        ...(listing ? { listingId: listing.id } : {}),
        ...parsed.terms,
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      settle();
      onCreated();
      navigate('deals', d.id);
    });
  };
  const members = names.list
    .filter((o) => o.status === 'member' && o.id !== organisationId)
    .sort((a, b) => names.name(a.id).localeCompare(names.name(b.id), locale));
  return (
    <form ref={ref} className="card stack" onSubmit={submit} data-testid="new-deal" noValidate>
      <h2 className="card-title">{t(listing ? 'newDealOnListing' : 'newDeal')}</h2>
      {listing && (
        <p className="muted small" data-testid="deal-on-listing">
          {t('onListingLead')} <a href={href('marketplace', listing.id)}>{t('theListing')}</a> ·{' '}
          <a href={href('deals')}>{t('withoutListing')}</a>
        </p>
      )}
      <FormError
        error={submission.error}
        placed={(f) => termsPlaced(f) || ['providerId', 'consumerId', 'material'].includes(f)}
      />
      <div className="deal-form-grid">
        <label className="field field-wide">
          <span>{t('fRole')}</span>
          <select
            name="role"
            value={role}
            disabled={Boolean(listing)}
            onChange={(e) => setRole(e.target.value === 'provider' ? 'provider' : 'consumer')}
          >
            <option value="consumer">{t('asConsumer')}</option>
            <option value="provider">{t('asProvider')}</option>
          </select>
        </label>
        {/* organisations' and materials' names are long: two columns each where they fit */}
        <label className={`field field-wide${counterpartyError ? ' field-invalid' : ''}`}>
          <span>{t('fCounterparty')}</span>
          <select
            name="counterparty"
            value={other}
            disabled={Boolean(listing)}
            onChange={(e) => setOther(e.target.value)}
            aria-invalid={Boolean(counterpartyError)}
          >
            <option value="">{t('choose')}</option>
            {/* the listing's holder is the choice before the names have loaded too */}
            {other && !members.some((o) => o.id === other) && (
              <option value={other}>{names.name(other)}</option>
            )}
            {members.map((o) => (
              <option key={o.id} value={o.id}>
                {names.name(o.id)}
              </option>
            ))}
          </select>
          {counterpartyError && <span className="field-error">{counterpartyError}</span>}
        </label>
        <label className={`field field-wide${materialError ? ' field-invalid' : ''}`}>
          <span>{t('fMaterial')}</span>
          <select
            name="material"
            value={material}
            disabled={Boolean(listing?.materialId)}
            onChange={(e) => setMaterial(e.target.value)}
            aria-invalid={Boolean(materialError)}
          >
            <option value="">{t('choose')}</option>
            {/* the listing's material likewise, before the catalogue has loaded */}
            {material && !tax.data?.material(material) && (
              <option value={material}>{tax.data?.materialName(material) ?? '…'}</option>
            )}
            {(tax.data?.materials ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {tax.data?.materialName(m.id)}
              </option>
            ))}
          </select>
          {materialError && <span className="field-error">{materialError}</span>}
        </label>
      </div>
      <TermsFields
        value={terms}
        onChange={setTerms}
        bad={bad}
        errors={errors}
        materialUnit={materialUnit}
      />
      <label className="field">
        <span>{t('fMessage')}</span>
        <textarea
          name="message"
          rows={2}
          maxLength={4000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={submission.busy}
          data-testid="create-deal"
        >
          {t('create')}
        </button>
      </div>
    </form>
  );
}
