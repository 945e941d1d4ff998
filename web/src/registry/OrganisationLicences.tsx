import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  clusterDay,
  provenanceNote,
  useFormat,
  useLocale,
  useT,
  useWordingState,
  wording,
} from '../i18n/index.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { problemIssues } from '../shell/issues.ts';
import { ConfirmButton, Empty, ErrorState, Field, FormError, Loading } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { registryApi } from './api.ts';
import {
  blankLicence,
  type LicenceIssues,
  type LicenceKey,
  type LicenceValue,
  licenceBody,
  licenceExpired,
  licenceField,
  licensedClasses,
  roman,
  validateLicence,
  type WasteActivity,
  type WasteLicence,
  wasteActivities,
} from './licence.ts';
import { licenceDict } from './licenceDict.ts';

type Check = (body: unknown, lang: 'ru' | 'en') => { field: string; code: string; text: string }[];

/** The server's WasteLicenceInput rules, in a chunk of their own (zod). */
const loadLicenceCheck = () =>
  import('./licenceSchema.ts').then(
    (m) => m.checkLicence,
    // offline for a moment: the server checks the same rules on submit
    () => null,
  );

const placedFields = [
  'number',
  'issuedOn',
  'issuedBy',
  'activities',
  'hazardClasses',
  'fkko',
  'validUntil',
];

/**
 * The organisation's waste licences (89-ФЗ art. 9), which the deals' licence checks read: the
 * list, and for its admin and the operator a new licence and striking one off after a confirmation.
 */
export function OrganisationLicences({
  organisationId,
  editable,
}: {
  organisationId: string;
  editable: boolean;
}) {
  const t = useT(licenceDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const licences = useResource(
    () => registryApi.organisationLicences(organisationId),
    [organisationId],
  );
  const [value, setValue] = useState<LicenceValue | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const closeForm = () => {
    settle();
    setValue(null);
  };
  const [issues, setIssues] = useState<LicenceIssues>({});
  const [notice, setNotice] = useWordingState();
  const { busy, error, run } = useSubmission();
  const removing = useSubmission();
  const [check, setCheck] = useState<Check | null>(null);

  useEffect(() => {
    if (!value || check) return;
    loadLicenceCheck().then((c) => c && setCheck(() => c));
  }, [value, check]);

  const word = (k: LicenceKey) => {
    const i = issues[k];
    if (!i) return undefined;
    return 'text' in i ? i.text : t(i.key, i.params);
  };
  const set = <K extends keyof LicenceValue>(k: K, v: LicenceValue[K]) =>
    value && setValue({ ...value, [k]: v });

  const start = () => {
    setNotice(null);
    setIssues({});
    setValue(blankLicence());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value) return;
    const found = validateLicence(value, check ? (body) => check(body, locale) : undefined);
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    await run(async () => {
      try {
        const saved = await registryApi.addLicence(organisationId, licenceBody(value));
        setNotice(wording(licenceDict, 'added', { number: saved.number }));
        closeForm();
        licences.reload();
      } catch (err) {
        const errors = (err as { problem?: { errors?: [] } }).problem?.errors;
        if (errors) setIssues(problemIssues(errors, licenceField));
        throw err;
      }
    });
  };

  const remove = (l: WasteLicence) =>
    removing.run(async () => {
      await registryApi.removeLicence(l.id, {});
      setNotice(wording(licenceDict, 'removed', { number: l.number }));
      licences.reload();
    });

  const today = clusterDay(Date.now());
  const activityWords = (as: readonly string[]) => as.map((a) => t(`act:${a as WasteActivity}`));

  return (
    <section
      className="card member-licences"
      aria-labelledby="licences-title"
      data-testid="licences-card"
    >
      <div className="card-head">
        <h2 className="card-title" id="licences-title">
          {t('title')}
        </h2>
        {editable && !value && (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={start}
            data-testid="add-licence"
          >
            {t('add')}
          </button>
        )}
      </div>
      <p className="muted small">{editable ? t('lead') : t('leadReadOnly')}</p>
      {notice && (
        <div className="alert alert-success" role="status" data-testid="licence-notice">
          {notice(locale)}
        </div>
      )}
      <FormError error={removing.error} />
      {value && (
        <form
          ref={form}
          className="form member-site-form"
          onSubmit={submit}
          noValidate
          data-testid="licence-form"
        >
          <FormError error={error} placed={(f) => placedFields.includes(licenceField(f))} />
          <fieldset>
            <legend className="label">{t('newLicence')}</legend>
            <div className="form-grid">
              <Field label={t('number')} error={word('number')} hint={t('numberHint')}>
                {(p) => (
                  <input
                    {...p}
                    name="number"
                    maxLength={60}
                    value={value.number}
                    onChange={(e) => set('number', e.target.value)}
                  />
                )}
              </Field>
              <Field label={t('issuedOn')} error={word('issuedOn')}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    name="issuedOn"
                    max={today}
                    value={value.issuedOn}
                    onChange={(e) => set('issuedOn', e.target.value)}
                  />
                )}
              </Field>
              <Field
                label={t('issuedBy')}
                error={word('issuedBy')}
                hint={t('issuedByHint')}
                className="span-2"
              >
                {(p) => (
                  <input
                    {...p}
                    name="issuedBy"
                    maxLength={200}
                    value={value.issuedBy}
                    onChange={(e) => set('issuedBy', e.target.value)}
                  />
                )}
              </Field>
              <Checks
                name="activities"
                legend={t('activities')}
                error={word('activities')}
                options={wasteActivities}
                label={(a) => capitalised(t(`act:${a}`))}
                checked={value.activities}
                onChange={(xs) => set('activities', xs)}
              />
              <Checks
                name="hazardClasses"
                legend={t('hazardClasses')}
                error={word('hazardClasses')}
                options={licensedClasses}
                label={(c) => t('classOption', { roman: roman(c) })}
                checked={value.hazardClasses}
                onChange={(xs) => set('hazardClasses', xs)}
              />
              <div className="licence-validity">
                <Field label={t('validUntil')} error={word('validUntil')}>
                  {(p) => (
                    <input
                      {...p}
                      type="date"
                      name="validUntil"
                      disabled={value.permanent}
                      value={value.permanent ? '' : value.validUntil}
                      onChange={(e) => set('validUntil', e.target.value)}
                    />
                  )}
                </Field>
                <label className="check">
                  <input
                    type="checkbox"
                    name="permanent"
                    checked={value.permanent}
                    onChange={(e) => set('permanent', e.target.checked)}
                  />
                  {t('permanent')}
                </label>
              </div>
              <Field label={t('fkko')} error={word('fkko')} hint={t('fkkoHint')} className="span-2">
                {(p) => (
                  <textarea
                    {...p}
                    name="fkko"
                    rows={3}
                    value={value.fkko}
                    onChange={(e) => set('fkko', e.target.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('save')}
            </button>
            <button type="button" className="btn" onClick={closeForm}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {licences.error ? (
        <ErrorState error={licences.error} onRetry={licences.reload} />
      ) : !licences.data ? (
        <Loading />
      ) : licences.data.length === 0 ? (
        <Empty title={t('empty')}>{editable ? t('emptyText') : null}</Empty>
      ) : (
        <DataTable
          rows={licences.data}
          rowKey={(l) => l.id}
          testId="licences-table"
          cards
          rowProps={(l) => ({ 'data-licence': l.id })}
          columns={[
            {
              key: 'number',
              header: t('colNumber'),
              label: t('colNumber'),
              cell: (l) => l.number,
              sortValue: (l) => l.number,
            },
            {
              key: 'issued',
              header: t('colIssued'),
              label: t('colIssued'),
              cell: (l) => t('issuedLine', { date: fmt.date(l.issuedOn), by: l.issuedBy }),
              sortValue: (l) => l.issuedOn,
            },
            {
              key: 'valid',
              header: t('colValid'),
              label: t('colValid'),
              cell: (l) =>
                l.validUntil === null ? (
                  t('permanentLine')
                ) : licenceExpired(l, today) ? (
                  <span className="badge badge-estimate">
                    {t('expired', { date: fmt.date(l.validUntil) })}
                  </span>
                ) : (
                  t('validTill', { date: fmt.date(l.validUntil) })
                ),
              sortValue: (l) => l.validUntil ?? '9999',
            },
            {
              key: 'scope',
              header: t('colScope'),
              label: t('colScope'),
              className: 'licence-scope',
              cell: (l) => {
                const note = provenanceNote(locale, l.provenance ?? undefined);
                return (
                  <>
                    {activityWords(l.activities).join(', ')};{' '}
                    {t('classesLine', { classes: l.hazardClasses.map(roman).join(', ') })}
                    {l.fkko.length > 0 && (
                      <span className="muted small licence-fkko">
                        {t('fkkoLabel')}{' '}
                        {l.fkko.map((code, i) => (
                          <span key={code}>
                            {i > 0 && '; '}
                            <span className="nowrap">{code}</span>
                          </span>
                        ))}
                      </span>
                    )}
                    {note && <span className="muted small licence-fkko">{note}</span>}
                  </>
                );
              },
            },
            editable && {
              key: 'actions',
              header: <span className="visually-hidden">{t('colActions')}</span>,
              className: 'actions',
              cell: (l) => (
                <ConfirmButton
                  label={t('remove')}
                  question={t('removeQuestion', { number: l.number })}
                  confirmLabel={t('removeYes')}
                  className="btn btn-small btn-danger"
                  disabled={removing.busy}
                  testId={`remove-licence-${l.id}`}
                  onConfirm={() => remove(l)}
                />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A row of checkboxes for some values of a vocabulary, with the error under them. */
function Checks<T extends string | number>({
  name,
  legend,
  error,
  options,
  label,
  checked,
  onChange,
}: {
  name: string;
  legend: string;
  error?: string;
  options: readonly T[];
  label: (o: T) => string;
  checked: readonly T[];
  onChange: (xs: T[]) => void;
}) {
  const errorId = useId();
  return (
    <fieldset className={`choice span-2${error ? ' field-invalid' : ''}`} data-testid={name}>
      <legend className="label">{legend}</legend>
      <div className="checks">
        {options.map((o) => (
          <label key={o} className="check">
            <input
              type="checkbox"
              name={name}
              value={o}
              checked={checked.includes(o)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) =>
                // kept in the vocabulary's order
                onChange(
                  e.target.checked
                    ? options.filter((x) => x === o || checked.includes(x))
                    : checked.filter((x) => x !== o),
                )
              }
            />
            {label(o)}
          </label>
        ))}
      </div>
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
