import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { listingLimits } from '../../../src/exchange/limits.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { orgName } from '../registry/names.ts';
import { ApiError, api } from '../shell/api.ts';
import { hashQuery, href, navigate } from '../shell/router.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import type {
  LegalStatus,
  Listing,
  ListingVisibility,
  MaterialUnit,
  Organisation,
  Site,
  TransportMode,
  User,
} from '../shell/types.ts';
import {
  ErrorState,
  Field,
  Forbidden,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { exchangeDict } from './dict.ts';
import { FkkoPicker } from './FkkoPicker.tsx';
import { legalStatuses, transportModes, units, useExchangeLabels, visibilities } from './labels.ts';
import { canList, ownsListing } from './rights.ts';
import { type Taxonomy, useTaxonomy } from './taxonomy.ts';

interface QualityInput {
  value: string;
  min: string;
  max: string;
}

interface Values {
  organisationId: string;
  side: 'offer' | 'request';
  siteId: string;
  materialId: string;
  useId: string;
  quantityPerYear: string;
  unit: MaterialUnit;
  availableFrom: string;
  availableTo: string;
  quality: Record<string, QualityInput>;
  disposalCostKopecksPerUnit: string;
  priceKopecksPerUnit: string;
  mustShipMin: string;
  mustTakeMin: string;
  transportModes: TransportMode[];
  maxDistanceKm: string;
  legalStatus: LegalStatus | '';
  fkko: string;
  byProductOf: string;
  standard: string;
  visibility: ListingVisibility;
  note: string;
}

type Errors = Record<string, string | undefined>;
type T = ReturnType<typeof useT<keyof (typeof exchangeDict)['ru']>>;

const FKKO = /^\d \d{2} \d{3} \d{2} \d{2} \d$/;
const blankQuality: QualityInput = { value: '', min: '', max: '' };

/** A number as people type it: spaces between thousands and a decimal comma allowed. */
export function parseNumber(s: string): number | undefined {
  const clean = s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (clean === '') return undefined;
  const n = Number(clean);
  return Number.isFinite(n) ? n : Number.NaN;
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

function today() {
  return new Date().toISOString().slice(0, 10);
}

function blank(user: User): Values {
  const year = new Date().getFullYear();
  return {
    organisationId: user.organisationId,
    side: 'offer',
    siteId: '',
    materialId: '',
    useId: '',
    quantityPerYear: '',
    unit: 't',
    availableFrom: today(),
    availableTo: `${year + 1}-12-31`,
    quality: {},
    disposalCostKopecksPerUnit: '',
    priceKopecksPerUnit: '',
    mustShipMin: '',
    mustTakeMin: '',
    transportModes: ['road'],
    maxDistanceKm: '',
    legalStatus: '',
    fkko: '',
    byProductOf: '',
    standard: '',
    visibility: 'members',
    note: '',
  };
}

function fromListing(l: Listing): Values {
  const quality: Record<string, QualityInput> = {};
  for (const [k, v] of Object.entries(l.quality ?? {}))
    quality[k] =
      typeof v === 'number'
        ? { ...blankQuality, value: String(v) }
        : { value: '', min: text(v.min), max: text(v.max) };
  return {
    organisationId: l.organisationId ?? '',
    side: l.side,
    siteId: l.siteId ?? '',
    materialId: l.materialId ?? '',
    useId: l.useId ?? '',
    quantityPerYear: String(l.quantityPerYear),
    unit: l.unit,
    availableFrom: l.availableFrom,
    availableTo: l.availableTo,
    quality,
    // money is kopecks in the API, roubles in the form
    disposalCostKopecksPerUnit: text(rubOf(l.disposalCostKopecksPerUnit)),
    priceKopecksPerUnit: text(rubOf(l.priceKopecksPerUnit)),
    mustShipMin: text(l.mustShipMin),
    mustTakeMin: text(l.mustTakeMin),
    transportModes: l.transportModes,
    maxDistanceKm: text(l.maxDistanceKm),
    legalStatus: l.legalStatus ?? '',
    fkko: l.fkko ?? '',
    byProductOf: l.byProductOf ?? '',
    standard: l.standard ?? '',
    visibility: l.visibility,
    note: l.note ?? '',
  };
}

/** A withdrawn or expired listing as the start of a new draft: its terms, with dates from today. */
function copyOf(l: Listing, user: User): Values {
  const v = fromListing(l);
  const fresh = blank(user);
  if (v.availableTo < today())
    return { ...v, availableFrom: fresh.availableFrom, availableTo: fresh.availableTo };
  if (v.availableFrom < today()) return { ...v, availableFrom: today() };
  return v;
}

/** The quality properties the form asks for: the material's, or those of a use's materials. */
function propertiesOf(v: Values, tx: Taxonomy): string[] {
  const m = tx.material(v.materialId);
  if (m) return m.properties;
  if (v.side === 'request' && v.useId) return tx.propertiesForUse(v.useId);
  return [];
}

/** Roubles typed in the form as the API's whole kopecks (a non-number passes through to fail). */
const kopecksOf = (rub: number | undefined) =>
  rub === undefined || Number.isNaN(rub) ? rub : Math.round(rub * 100);
const rubOf = (kopecks: number | undefined) => (kopecks === undefined ? undefined : kopecks / 100);

/** The server's rules (src/exchange/schema.ts `listingRules`), checked before sending. */
function validate(v: Values, tx: Taxonomy, t: T): Errors {
  const e: Errors = {};
  const offer = v.side === 'offer';
  const material = tx.material(v.materialId);
  const num = (
    key: keyof Values,
    opts: { required?: boolean; positive?: boolean; max?: number },
  ) => {
    const n = parseNumber(v[key] as string);
    if (n === undefined) {
      if (opts.required) e[key] = t('errRequired');
    } else if (Number.isNaN(n)) e[key] = t('errNumber');
    else if (opts.positive ? n <= 0 : n < 0)
      e[key] = opts.positive ? t('errPositive') : t('errNonNegative');
    else if (opts.max !== undefined && n > opts.max) e[key] = t('errMax', { n: opts.max });
    return n;
  };
  if (!v.organisationId) e.organisationId = t('errRequired');
  if (!v.siteId) e.siteId = t('errRequired');
  if (offer && !v.materialId) e.materialId = t('errOfferMaterial');
  if (!offer && !v.materialId && !v.useId) e.useId = t('errRequestWhat');
  if (material && v.useId && !material.uses.includes(v.useId)) e.useId = t('errUseOfMaterial');
  const q = num('quantityPerYear', {
    required: true,
    positive: true,
    max: listingLimits.quantityPerYear,
  });
  if (!v.availableFrom) e.availableFrom = t('errRequired');
  if (!v.availableTo) e.availableTo = t('errRequired');
  else if (v.availableFrom && v.availableFrom > v.availableTo) e.availableTo = t('errWindow');
  for (const k of propertiesOf(v, tx)) {
    const row = v.quality[k] ?? blankQuality;
    if (offer) {
      const n = parseNumber(row.value);
      if (n !== undefined && Number.isNaN(n)) e[`quality.${k}`] = t('errNumber');
    } else {
      const lo = parseNumber(row.min);
      const hi = parseNumber(row.max);
      if ((lo !== undefined && Number.isNaN(lo)) || (hi !== undefined && Number.isNaN(hi)))
        e[`quality.${k}`] = t('errNumber');
      else if (lo !== undefined && hi !== undefined && lo > hi) e[`quality.${k}`] = t('errMinMax');
    }
  }
  if (offer) {
    num('disposalCostKopecksPerUnit', { max: listingLimits.kopecksPerUnit / 100 });
    const m = num('mustShipMin', {});
    if (m !== undefined && q !== undefined && m > q) e.mustShipMin = t('errMinQuantity');
    if (!v.legalStatus) e.legalStatus = t('errLegal');
  } else {
    num('priceKopecksPerUnit', { max: listingLimits.kopecksPerUnit / 100 });
    const m = num('mustTakeMin', {});
    if (m !== undefined && q !== undefined && m > q) e.mustTakeMin = t('errMinQuantity');
  }
  if (v.transportModes.length === 0) e.transportModes = t('errModes');
  const reach = v.transportModes.some((m) => m === 'pipeline' || m === 'wire');
  const d = num('maxDistanceKm', { positive: true, max: listingLimits.maxDistanceKm });
  if (reach && d === undefined) e.maxDistanceKm = t('errReach');
  if (offer && v.legalStatus === 'waste') {
    if (!v.fkko) e.fkko = t('errFkko');
    else if (!FKKO.test(v.fkko)) e.fkko = t('errFkkoFormat');
    else if (material?.fkko.length && !material.fkko.includes(v.fkko))
      e.fkko = t('errFkkoMaterial', { codes: material.fkko.join(', ') });
  }
  if (offer && v.legalStatus === 'by_product') {
    if (v.byProductOf.trim().length < 2) e.byProductOf = t('errByProduct');
    if (v.standard.trim().length < 2) e.standard = t('errStandard');
  }
  return e;
}

/** Optional fields a patch removes with null (ListingPatch in src/model/exchange.ts). */
const clearable = new Set([
  'materialId',
  'useId',
  'disposalCostKopecksPerUnit',
  'mustShipMin',
  'priceKopecksPerUnit',
  'mustTakeMin',
  'maxDistanceKm',
  'legalStatus',
  'byProductOf',
  'standard',
  'fkko',
  'note',
]);

function toBody(v: Values, tx: Taxonomy) {
  const offer = v.side === 'offer';
  const n = (s: string) => parseNumber(s);
  const quality: Record<string, number | { min?: number; max?: number }> = {};
  for (const k of propertiesOf(v, tx)) {
    const row = v.quality[k];
    if (!row) continue;
    if (offer) {
      const x = n(row.value);
      if (x !== undefined) quality[k] = x;
    } else {
      const lo = n(row.min);
      const hi = n(row.max);
      if (lo !== undefined || hi !== undefined) quality[k] = { min: lo, max: hi };
    }
  }
  const reach = v.transportModes.some((m) => m === 'pipeline' || m === 'wire');
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    siteId: v.siteId,
    materialId: v.materialId || undefined,
    useId: v.useId || undefined,
    quantityPerYear: n(v.quantityPerYear),
    unit: v.unit,
    availableFrom: v.availableFrom,
    availableTo: v.availableTo,
    quality,
    disposalCostKopecksPerUnit: offer ? kopecksOf(n(v.disposalCostKopecksPerUnit)) : undefined,
    mustShipMin: offer ? n(v.mustShipMin) : undefined,
    priceKopecksPerUnit: offer ? undefined : kopecksOf(n(v.priceKopecksPerUnit)),
    mustTakeMin: offer ? undefined : n(v.mustTakeMin),
    transportModes: v.transportModes,
    maxDistanceKm: reach || v.maxDistanceKm ? n(v.maxDistanceKm) : undefined,
    legalStatus: offer ? v.legalStatus || undefined : undefined,
    fkko: offer && v.legalStatus === 'waste' ? v.fkko : undefined,
    byProductOf: offer && v.legalStatus === 'by_product' ? opt(v.byProductOf) : undefined,
    standard: offer && v.legalStatus === 'by_product' ? opt(v.standard) : undefined,
    visibility: v.visibility,
    note: opt(v.note),
  };
}

/** #/marketplace/new, #/marketplace/new?from=:id (a copy) and #/marketplace/:id/edit */
export function ListingEditor({ id }: { id?: string }) {
  const { user } = useSession();
  const from = id ? null : hashQuery().get('from');
  const listing = useResource<Listing>(id ? `/api/v1/listings/${encodeURIComponent(id)}` : null);
  const source = useResource<Listing>(from ? `/api/v1/listings/${encodeURIComponent(from)}` : null);
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  if (!canList(user)) return <Forbidden />;
  if (from) {
    if (source.error) return <ErrorState error={source.error} onRetry={source.reload} />;
    if (!source.data) return <Loading />;
    if (!ownsListing(user, source.data)) return <Forbidden />;
    return <ListingForm key={from} me={user} initial={copyOf(source.data, user)} copy />;
  }
  if (id) {
    if (listing.error) return <ErrorState error={listing.error} onRetry={listing.reload} />;
    if (!listing.data) return <Loading />;
    if (!ownsListing(user, listing.data)) return <Forbidden />;
    return <ListingForm me={user} initial={fromListing(listing.data)} listing={listing.data} />;
  }
  return <ListingForm me={user} initial={blank(user)} />;
}

function ListingForm({
  me,
  initial,
  listing,
  copy,
}: {
  me: User;
  initial: Values;
  listing?: Listing;
  /** the form starts from a withdrawn listing's terms */
  copy?: boolean;
}) {
  const t = useT(exchangeDict);
  const { locale } = useLocale();
  const x = useExchangeLabels();
  const taxonomy = useTaxonomy();
  const operator = isOperator(me);
  const orgs = useResource<Organisation[]>(operator ? '/api/v1/organisations?status=member' : null);
  const [values, setValues] = useState<Values>(initial);
  const sites = useResource<Site[]>(
    values.organisationId
      ? `/api/v1/organisations/${encodeURIComponent(values.organisationId)}/sites`
      : null,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const editing = Boolean(listing);

  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const openSites = useMemo(() => (sites.data ?? []).filter((s) => !s.closedOn), [sites.data]);
  // one site: it is the one
  useEffect(() => {
    if (!values.siteId && openSites.length === 1)
      setValues((v) => ({ ...v, siteId: openSites[0].id }));
  }, [openSites, values.siteId]);

  if (taxonomy.error) return <ErrorState error={taxonomy.error} onRetry={taxonomy.reload} />;
  if (!taxonomy.data) return <Loading />;
  const tx = taxonomy.data;
  const v = values;
  const offer = v.side === 'offer';
  const material = tx.material(v.materialId);
  const properties = propertiesOf(v, tx);
  const reach = v.transportModes.some((m) => m === 'pipeline' || m === 'wire');
  const uses = material ? tx.uses.filter((u) => material.uses.includes(u.id)) : tx.uses;
  const unitLabel = x.unit(v.unit);

  const clear = (...keys: string[]) =>
    setErrors((e) =>
      keys.some((k) => e[k]) ? { ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) } : e,
    );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    clear(key);
  };
  const bind = (key: keyof Values) => ({
    name: key,
    value: v[key] as string,
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
  });
  const numeric = (key: keyof Values) => ({
    ...bind(key),
    inputMode: 'decimal' as const,
    autoComplete: 'off',
  });
  const setQuality = (k: string, part: keyof QualityInput, value: string) => {
    setValues((old) => ({
      ...old,
      quality: { ...old.quality, [k]: { ...(old.quality[k] ?? blankQuality), [part]: value } },
    }));
    clear(`quality.${k}`);
  };

  const submit = (status: 'draft' | 'active') => async (e?: FormEvent) => {
    e?.preventDefault();
    setFailure(null);
    const found = validate(v, tx, t);
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const body = toBody(v, tx);
      const saved = listing
        ? await api.patch<Listing>(
            `/api/v1/listings/${encodeURIComponent(listing.id)}`,
            // a field emptied in the form is removed: the API takes null for that
            Object.fromEntries(
              Object.entries(body).map(([k, val]) => [
                k,
                val === undefined && clearable.has(k) ? null : val,
              ]),
            ),
          )
        : await api.post<Listing>('/api/v1/listings', {
            ...body,
            side: v.side,
            organisationId: operator ? v.organisationId : undefined,
            status,
          });
      navigate('marketplace', saved.id);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
      const fields = err.fieldErrors();
      // a limit's own field (quality.ash.max) is shown on its property's row
      for (const k of Object.keys(fields)) {
        const m = /^quality\.([^.]+)\./.exec(k);
        if (m && !fields[`quality.${m[1]}`]) fields[`quality.${m[1]}`] = fields[k];
      }
      setErrors(fields);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <a
        className="back-link"
        href={listing ? href('marketplace', listing.id) : href('marketplace')}
      >
        {listing ? t('backToListing') : t('backToMarketplace')}
      </a>
      <PageHeader
        title={editing ? t('editTitle') : copy ? t('copyTitle') : t('newTitle')}
        lead={copy ? t('copyLead') : t('formLead')}
      />
      <form
        ref={form}
        className="card form listing-form"
        onSubmit={submit('active')}
        noValidate
        data-testid="listing-form"
      >
        <FormError error={failure} />
        {hasErrors && !failure && (
          <div className="alert alert-error" role="alert">
            {t('fixErrors')}
          </div>
        )}
        <fieldset>
          <legend>{t('secWhat')}</legend>
          <div className="form-grid">
            <fieldset className="choice span-2" disabled={editing}>
              <legend className="label">{t('fSide')}</legend>
              <div className="choice-row">
                {(['offer', 'request'] as const).map((s) => (
                  <label key={s} className={v.side === s ? 'choice-card active' : 'choice-card'}>
                    <input
                      type="radio"
                      name="side"
                      value={s}
                      checked={v.side === s}
                      onChange={() => set('side', s)}
                    />
                    <span>
                      <strong>{x.side(s)}</strong>
                      <span className="sub">{t(`sideHint:${s}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {operator && (
              <Field label={t('fOrganisation')} error={errors.organisationId}>
                {(p) => (
                  <select
                    {...p}
                    {...bind('organisationId')}
                    disabled={editing}
                    onChange={(e) => {
                      set('organisationId', e.target.value);
                      set('siteId', '');
                    }}
                  >
                    <option value="">{t('choose')}</option>
                    {(orgs.data ?? []).map((o) => (
                      <option key={o.id} value={o.id}>
                        {orgName(o, locale)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field label={t('fSite')} error={errors.siteId} hint={t('fSiteHint')}>
              {(p) => (
                <select {...p} {...bind('siteId')}>
                  <option value="">{sites.loading ? t('loadingShort') : t('choose')}</option>
                  {openSites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={offer ? t('fMaterial') : t('fMaterialOptional')}
              error={errors.materialId}
            >
              {(p) => (
                <select
                  {...p}
                  {...bind('materialId')}
                  onChange={(e) => {
                    const m = tx.material(e.target.value);
                    setValues((old) => ({
                      ...old,
                      materialId: e.target.value,
                      unit: m?.unit ?? old.unit,
                      useId: m && old.useId && !m.uses.includes(old.useId) ? '' : old.useId,
                      fkko:
                        m?.fkko.length === 1
                          ? m.fkko[0]
                          : m?.fkko.includes(old.fkko)
                            ? old.fkko
                            : '',
                      legalStatus: m?.waste && !old.legalStatus ? 'waste' : old.legalStatus,
                    }));
                    clear('materialId', 'useId', 'unit');
                  }}
                >
                  <option value="">{offer ? t('choose') : t('anyMaterialForUse')}</option>
                  {tx.materials.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name[locale]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={offer ? t('fUseOffer') : t('fUseRequest')} error={errors.useId}>
              {(p) => (
                <select {...p} {...bind('useId')}>
                  <option value="">{offer ? t('anyUse') : t('choose')}</option>
                  {uses.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name[locale]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('fQuantityUnit', { unit: x.unit(v.unit) })}
              error={errors.quantityPerYear}
            >
              {(p) => <input {...p} {...numeric('quantityPerYear')} required />}
            </Field>
            <Field
              label={t('fUnit')}
              error={errors.unit}
              hint={material ? t('fUnitHint') : undefined}
            >
              {(p) => (
                <select {...p} {...bind('unit')} disabled={Boolean(material)}>
                  {units.map((u) => (
                    <option key={u} value={u}>
                      {x.unit(u)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('fFrom')} error={errors.availableFrom}>
              {(p) => <input {...p} {...bind('availableFrom')} type="date" required />}
            </Field>
            <Field label={t('fTo')} error={errors.availableTo}>
              {(p) => <input {...p} {...bind('availableTo')} type="date" required />}
            </Field>
          </div>
        </fieldset>

        <fieldset data-testid="quality-passport">
          <legend>{offer ? t('secPassportOffer') : t('secPassportRequest')}</legend>
          {properties.length === 0 ? (
            <p className="muted">{offer ? t('passportChooseMaterial') : t('passportChooseWhat')}</p>
          ) : (
            <TableScroll>
              <table className="table passport-table">
                <thead>
                  <tr>
                    <th scope="col">{t('colProperty')}</th>
                    <th scope="col">{t('colUnit')}</th>
                    {offer ? (
                      <th scope="col">{t('colValue')}</th>
                    ) : (
                      <>
                        <th scope="col">{t('colMin')}</th>
                        <th scope="col">{t('colMax')}</th>
                      </>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {properties.map((k) => {
                    const p = tx.property(k);
                    const row = v.quality[k] ?? blankQuality;
                    const err = errors[`quality.${k}`];
                    const label = `${tx.propertyName(k)} (${p?.symbol ?? k})`;
                    const cell = (part: keyof QualityInput, aria: string) => (
                      <td>
                        <input
                          name={part === 'value' ? `quality.${k}` : `quality.${k}.${part}`}
                          aria-label={aria}
                          aria-invalid={Boolean(err)}
                          inputMode="decimal"
                          autoComplete="off"
                          value={row[part]}
                          onChange={(e) => setQuality(k, part, e.target.value)}
                        />
                      </td>
                    );
                    return (
                      <tr key={k} className={err ? 'row-invalid' : undefined}>
                        <td>
                          {tx.propertyName(k)} <span className="mono muted">{p?.symbol}</span>
                          {err && <div className="field-error">{err}</div>}
                        </td>
                        <td className="nowrap">{x.propertyUnit(p?.unit)}</td>
                        {offer ? (
                          cell('value', label)
                        ) : (
                          <>
                            {cell('min', `${label}: ${t('colMin')}`)}
                            {cell('max', `${label}: ${t('colMax')}`)}
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('secEconomics')}</legend>
          <div className="form-grid">
            {offer ? (
              <>
                <Field
                  label={t('fDisposalUnit', { unit: unitLabel })}
                  error={errors.disposalCostKopecksPerUnit}
                  hint={t('fDisposalHint')}
                >
                  {(p) => <input {...p} {...numeric('disposalCostKopecksPerUnit')} />}
                </Field>
                <Field
                  label={t('fMustShipUnit', { unit: unitLabel })}
                  error={errors.mustShipMin}
                  hint={t('fMustShipHint')}
                >
                  {(p) => <input {...p} {...numeric('mustShipMin')} />}
                </Field>
              </>
            ) : (
              <>
                <Field
                  label={t('fPriceUnit', { unit: unitLabel })}
                  error={errors.priceKopecksPerUnit}
                  hint={t('fPriceHint')}
                >
                  {(p) => <input {...p} {...numeric('priceKopecksPerUnit')} />}
                </Field>
                <Field
                  label={t('fMustTakeUnit', { unit: unitLabel })}
                  error={errors.mustTakeMin}
                  hint={t('fMustTakeHint')}
                >
                  {(p) => <input {...p} {...numeric('mustTakeMin')} />}
                </Field>
              </>
            )}
            <fieldset className={`choice${errors.transportModes ? ' field-invalid' : ''}`}>
              <legend className="label">{t('fModes')}</legend>
              <div className="checks">
                {transportModes.map((m) => (
                  <label key={m} className="check">
                    <input
                      type="checkbox"
                      name="transportModes"
                      value={m}
                      checked={v.transportModes.includes(m)}
                      aria-invalid={Boolean(errors.transportModes)}
                      onChange={(e) =>
                        set(
                          'transportModes',
                          e.target.checked
                            ? transportModes.filter(
                                (x2) => x2 === m || v.transportModes.includes(x2),
                              )
                            : v.transportModes.filter((x2) => x2 !== m),
                        )
                      }
                    />
                    {x.mode(m)}
                  </label>
                ))}
              </div>
              {errors.transportModes && (
                <span className="field-error">{errors.transportModes}</span>
              )}
            </fieldset>
            <Field
              label={reach ? t('fMaxDistanceRequired') : t('fMaxDistance')}
              error={errors.maxDistanceKm}
              hint={t('fMaxDistanceHint')}
            >
              {(p) => <input {...p} {...numeric('maxDistanceKm')} />}
            </Field>
          </div>
        </fieldset>

        {offer && (
          <fieldset>
            <legend>{t('secLegal')}</legend>
            <div className="form-grid">
              <Field label={t('fLegal')} error={errors.legalStatus}>
                {(p) => (
                  <select {...p} {...bind('legalStatus')}>
                    <option value="">{t('choose')}</option>
                    {legalStatuses.map((l) => (
                      <option key={l} value={l}>
                        {x.legal(l)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {v.legalStatus === 'waste' && (
                <Field label={t('fFkko')} error={errors.fkko} hint={t('fFkkoHint')}>
                  {(p) => (
                    <FkkoPicker
                      id={p.id}
                      value={v.fkko}
                      onChange={(code) => set('fkko', code)}
                      suggested={material?.fkko ?? []}
                      invalid={p['aria-invalid']}
                      describedBy={p['aria-describedby']}
                    />
                  )}
                </Field>
              )}
              {v.legalStatus === 'by_product' && (
                <>
                  <Field
                    label={t('fByProductOf')}
                    error={errors.byProductOf}
                    hint={t('fByProductHint')}
                  >
                    {(p) => <input {...p} {...bind('byProductOf')} />}
                  </Field>
                  <Field label={t('fStandard')} error={errors.standard} hint={t('fStandardHint')}>
                    {(p) => <input {...p} {...bind('standard')} />}
                  </Field>
                </>
              )}
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend>{t('secVisibility')}</legend>
          <div className="choice-row">
            {visibilities.map((vis) => (
              <label
                key={vis}
                className={v.visibility === vis ? 'choice-card active' : 'choice-card'}
              >
                <input
                  type="radio"
                  name="visibility"
                  value={vis}
                  checked={v.visibility === vis}
                  onChange={() => set('visibility', vis)}
                />
                <span>
                  <strong>{x.visibility(vis)}</strong>
                  <span className="sub">{t(`visHint:${vis}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <Field label={t('fNote')} error={errors.note} className="note-field">
            {(p) => <textarea {...p} {...bind('note')} rows={3} />}
          </Field>
        </fieldset>

        <div className="form-actions">
          {editing ? (
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy}
              data-testid="save-listing"
            >
              {busy ? t('saving') : t('save')}
            </button>
          ) : (
            <>
              <button
                type="submit"
                className="btn btn-primary"
                disabled={busy}
                data-testid="publish-new"
              >
                {busy ? t('saving') : t('saveAndPublish')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => submit('draft')()}
                data-testid="save-draft"
              >
                {t('saveDraft')}
              </button>
            </>
          )}
          <a
            className="btn btn-ghost"
            href={listing ? href('marketplace', listing.id) : href('marketplace')}
          >
            {t('cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
