import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOkved,
} from '../../../src/model/identifiers.ts';
import { isStrongPassword } from '../../../src/model/password-rule.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { href } from '../shell/router.ts';
import type { Application, MembershipRole, OrganisationKind } from '../shell/types.ts';
import { Field, FormError, PageHeader, SelectField, SubmitRow } from '../shell/ui.tsx';
import { membershipRoles, organisationKinds } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { HOME_REGION, useLabels } from './labels.ts';
import { quoted } from './names.ts';

const blank = {
  'organisation.name': '',
  'organisation.nameEn': '',
  'organisation.kind': 'waste_processor',
  'organisation.inn': '',
  'organisation.ogrn': '',
  'organisation.kpp': '',
  'organisation.okved': '',
  'organisation.region': HOME_REGION,
  'organisation.employees': '',
  'organisation.knowledgeWorkers': '',
  'organisation.website': '',
  'organisation.description': '',
  requestedRole: 'niche',
  motivation: '',
  'admin.name': '',
  'admin.email': '',
  'admin.password': '',
};
type Values = typeof blank;
type Key = keyof Values;
type Errors = Partial<Record<Key, string>>;

const isCount = (s: string) => /^\d+$/.test(s.trim()) && Number(s) <= 1_000_000;

/** The same rules as the server's ApplicationInput schema, so mistakes show before sending. */
function validate(v: Values, t: ReturnType<typeof useT<keyof typeof registryDict.ru>>): Errors {
  const e: Errors = {};
  const need = (k: Key, min = 1) => {
    if (!v[k].trim()) e[k] = t('errRequired');
    else if (v[k].trim().length < min) e[k] = t('errMin2');
  };
  need('organisation.name', 2);
  need('organisation.region', 2);
  if (!isValidInn(v['organisation.inn'].trim())) e['organisation.inn'] = t('errInn');
  if (!isValidOgrn(v['organisation.ogrn'].trim())) e['organisation.ogrn'] = t('errOgrn');
  if (v['organisation.kpp'].trim() && !isValidKpp(v['organisation.kpp'].trim()))
    e['organisation.kpp'] = t('errKpp');
  if (!isValidOkved(v['organisation.okved'].trim())) e['organisation.okved'] = t('errOkved');
  if (!isCount(v['organisation.employees'])) e['organisation.employees'] = t('errNumber');
  if (!isCount(v['organisation.knowledgeWorkers']))
    e['organisation.knowledgeWorkers'] = t('errNumber');
  else if (
    isCount(v['organisation.employees']) &&
    Number(v['organisation.knowledgeWorkers']) > Number(v['organisation.employees'])
  )
    e['organisation.knowledgeWorkers'] = t('errKnowledge');
  need('admin.name', 2);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v['admin.email'].trim())) e['admin.email'] = t('errEmail');
  if (!isStrongPassword(v['admin.password'])) e['admin.password'] = t('errPassword');
  return e;
}

function toBody(v: Values) {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    organisation: {
      name: v['organisation.name'].trim(),
      nameEn: opt(v['organisation.nameEn']),
      kind: v['organisation.kind'] as OrganisationKind,
      inn: v['organisation.inn'].trim(),
      ogrn: v['organisation.ogrn'].trim(),
      kpp: opt(v['organisation.kpp']),
      okved: v['organisation.okved'].trim(),
      region: v['organisation.region'].trim(),
      employees: Number(v['organisation.employees']),
      knowledgeWorkers: Number(v['organisation.knowledgeWorkers']),
      website: opt(v['organisation.website']),
      description: opt(v['organisation.description']),
    },
    requestedRole: v.requestedRole as MembershipRole,
    motivation: opt(v.motivation),
    admin: {
      name: v['admin.name'].trim(),
      email: v['admin.email'].trim(),
      password: v['admin.password'],
    },
  };
}

export function Apply() {
  const t = useT(registryDict);
  const { locale } = useLocale();
  const labels = useLabels();
  const [values, setValues] = useState<Values>(blank);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Application | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  // after a failed submission, focus the first field in error
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const bind = (k: Key) => ({
    name: k,
    value: values[k],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [k]: value }));
      if (errors[k]) setErrors((x) => ({ ...x, [k]: undefined }));
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = validate(values, t);
    setErrors(found);
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      setDone(await registryApi.apply(toBody(values)));
    } catch (err) {
      if (err instanceof ApiError) {
        setFailure(err);
        setErrors(err.fieldErrors() as Errors);
      } else throw err;
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <>
        <PageHeader title={t('apDoneTitle')} />
        <section className="card success-card" data-testid="application-done">
          <p>{t('apDoneText', { name: quoted(done.organisationName, locale) })}</p>
          <p>
            {t('apStatus')}: <span className="badge status-applicant">{t('appPending')}</span>
          </p>
          <p>
            <a className="btn" href={href('participants', done.organisationId)}>
              {done.organisationName}
            </a>
          </p>
        </section>
      </>
    );
  }

  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <PageHeader title={t('apTitle')} lead={t('apLead')} />
      <form ref={form} className="card form" onSubmit={submit} noValidate data-testid="apply-form">
        <FormError error={failure} placed={(f) => f in blank} />
        {hasErrors && !failure && (
          <div className="alert alert-error" role="alert">
            {t('fixErrors')}
          </div>
        )}
        <fieldset>
          <legend>{t('sectionOrg')}</legend>
          <div className="form-grid">
            <Field label={t('orgName')} error={errors['organisation.name']} className="span-2">
              {(p) => (
                <input {...p} {...bind('organisation.name')} required autoComplete="organization" />
              )}
            </Field>
            <Field label={t('orgNameEn')} error={errors['organisation.nameEn']} className="span-2">
              {(p) => <input {...p} {...bind('organisation.nameEn')} />}
            </Field>
            <SelectField
              label={t('kind')}
              error={errors['organisation.kind']}
              {...bind('organisation.kind')}
              options={organisationKinds}
              optionLabel={labels.kind}
            />
            <Field label={t('region')} error={errors['organisation.region']}>
              {(p) => <input {...p} {...bind('organisation.region')} required />}
            </Field>
            <Field label={t('inn')} error={errors['organisation.inn']} hint={t('innHint')}>
              {(p) => <input {...p} {...bind('organisation.inn')} inputMode="numeric" required />}
            </Field>
            <Field label={t('ogrn')} error={errors['organisation.ogrn']} hint={t('ogrnHint')}>
              {(p) => <input {...p} {...bind('organisation.ogrn')} inputMode="numeric" required />}
            </Field>
            <Field label={t('kpp')} error={errors['organisation.kpp']} hint={t('kppHint')}>
              {(p) => <input {...p} {...bind('organisation.kpp')} />}
            </Field>
            <Field label={t('okved')} error={errors['organisation.okved']} hint={t('okvedHint')}>
              {(p) => <input {...p} {...bind('organisation.okved')} required />}
            </Field>
            <Field label={t('employees2')} error={errors['organisation.employees']}>
              {(p) => (
                <input {...p} {...bind('organisation.employees')} inputMode="numeric" required />
              )}
            </Field>
            <Field
              label={t('knowledgeWorkers2')}
              error={errors['organisation.knowledgeWorkers']}
              hint={t('knowledgeHint')}
            >
              {(p) => (
                <input
                  {...p}
                  {...bind('organisation.knowledgeWorkers')}
                  inputMode="numeric"
                  required
                />
              )}
            </Field>
            <Field label={t('website')} error={errors['organisation.website']} className="span-2">
              {(p) => <input {...p} {...bind('organisation.website')} type="url" />}
            </Field>
            <Field
              label={t('description')}
              error={errors['organisation.description']}
              className="span-2"
            >
              {(p) => <textarea {...p} {...bind('organisation.description')} rows={3} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('sectionMembership')}</legend>
          <div className="form-grid">
            <SelectField
              label={t('requestedRole')}
              error={errors.requestedRole}
              {...bind('requestedRole')}
              options={membershipRoles}
              optionLabel={labels.role}
            />
            <Field label={t('motivation')} error={errors.motivation} className="span-2">
              {(p) => <textarea {...p} {...bind('motivation')} rows={3} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('sectionAdmin')}</legend>
          <div className="form-grid">
            <Field label={t('adminName')} error={errors['admin.name']}>
              {(p) => <input {...p} {...bind('admin.name')} required autoComplete="name" />}
            </Field>
            <Field label={t('adminEmail')} error={errors['admin.email']}>
              {(p) => (
                <input {...p} {...bind('admin.email')} type="email" required autoComplete="email" />
              )}
            </Field>
            <Field
              label={t('adminPassword')}
              error={errors['admin.password']}
              hint={t('passwordHint')}
            >
              {(p) => (
                <input
                  {...p}
                  {...bind('admin.password')}
                  type="password"
                  required
                  autoComplete="new-password"
                />
              )}
            </Field>
          </div>
        </fieldset>
        <SubmitRow busy={busy}>{busy ? t('submitting') : t('submit')}</SubmitRow>
      </form>
    </>
  );
}
