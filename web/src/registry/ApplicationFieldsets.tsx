import { useT } from '../i18n/index.ts';
import { Field, SelectField } from '../shell/ui.tsx';
import { membershipRoles, organisationKinds, vatRegimes } from '../shell/vocabulary.ts';
import { applicantDict } from './applicantDict.ts';
import type { ApplicationKey } from './application.ts';
import { registryDict } from './dict.ts';
import { useLabels } from './labels.ts';
import { SiteFieldset, type SiteValue } from './site-form/index.ts';

/**
 * The application's boxes: the organisation, its first site, the membership asked for, its
 * first admin and the consent. `again`: applying again after a rejection, where the INN and
 * OGRN stay the organisation's and the admin stays (`adminEmail`).
 */
export function ApplicationFieldsets({
  bind,
  error,
  site,
  onSiteChange,
  again,
}: {
  bind: (k: ApplicationKey) => {
    name: string;
    value: string;
    onChange: (e: { target: { value: string } }) => void;
  };
  error: (k: string) => string | undefined;
  site: SiteValue;
  onSiteChange: (next: SiteValue) => void;
  again?: { adminEmail: string };
}) {
  const t = useT(registryDict);
  const a = useT(applicantDict);
  const labels = useLabels();
  const consent = bind('consent');
  return (
    <>
      <fieldset>
        <legend>{t('sectionOrg')}</legend>
        <div className="form-grid">
          <Field label={t('orgName')} error={error('organisation.name')} className="span-2">
            {(p) => (
              <input {...p} {...bind('organisation.name')} required autoComplete="organization" />
            )}
          </Field>
          <Field label={t('orgNameEn')} error={error('organisation.nameEn')} className="span-2">
            {(p) => <input {...p} {...bind('organisation.nameEn')} />}
          </Field>
          <SelectField
            label={t('kind')}
            error={error('organisation.kind')}
            {...bind('organisation.kind')}
            options={organisationKinds}
            optionLabel={labels.kind}
            any={a('chooseKind')}
          />
          <Field label={t('region')} error={error('organisation.region')}>
            {(p) => <input {...p} {...bind('organisation.region')} required />}
          </Field>
          <Field
            label={t('inn')}
            error={error('organisation.inn')}
            hint={again ? a('againIdentifiers') : t('innHint')}
          >
            {(p) => (
              <input
                {...p}
                {...bind('organisation.inn')}
                inputMode="numeric"
                required
                readOnly={!!again}
              />
            )}
          </Field>
          <Field
            label={t('ogrn')}
            error={error('organisation.ogrn')}
            hint={again ? a('againIdentifiers') : t('ogrnHint')}
          >
            {(p) => (
              <input
                {...p}
                {...bind('organisation.ogrn')}
                inputMode="numeric"
                required
                readOnly={!!again}
              />
            )}
          </Field>
          <Field label={t('kpp')} error={error('organisation.kpp')} hint={t('kppHint')}>
            {(p) => <input {...p} {...bind('organisation.kpp')} />}
          </Field>
          <Field label={t('okved')} error={error('organisation.okved')} hint={t('okvedHint')}>
            {(p) => <input {...p} {...bind('organisation.okved')} required />}
          </Field>
          <Field label={t('employees2')} error={error('organisation.employees')}>
            {(p) => (
              <input {...p} {...bind('organisation.employees')} inputMode="numeric" required />
            )}
          </Field>
          <Field
            label={t('knowledgeWorkers2')}
            error={error('organisation.knowledgeWorkers')}
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
          <SelectField
            label={t('vatRegime')}
            error={error('organisation.vatRegime')}
            hint={t('vatRegimeHint')}
            {...bind('organisation.vatRegime')}
            options={vatRegimes}
            optionLabel={labels.vatRegime}
          />
          <Field
            label={t('website')}
            error={error('organisation.website')}
            hint={a('websiteHint')}
            className="span-2"
          >
            {(p) => (
              <input {...p} {...bind('organisation.website')} type="url" placeholder="https://" />
            )}
          </Field>
          <Field
            label={t('description')}
            error={error('organisation.description')}
            className="span-2"
          >
            {(p) => <textarea {...p} {...bind('organisation.description')} rows={3} />}
          </Field>
        </div>
      </fieldset>
      <SiteFieldset
        legend={a('sectionSite')}
        value={site}
        onChange={onSiteChange}
        error={(k) => error(`site.${k}`)}
        namePrefix="site."
        lead={a('siteLead')}
      />
      <fieldset>
        <legend>{t('sectionMembership')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('requestedRole')}
            error={error('requestedRole')}
            {...bind('requestedRole')}
            options={membershipRoles}
            optionLabel={labels.role}
          />
          <Field label={t('motivation')} error={error('motivation')} className="span-2">
            {(p) => <textarea {...p} {...bind('motivation')} rows={3} />}
          </Field>
        </div>
      </fieldset>
      {again ? (
        <fieldset>
          <legend>{t('sectionAdmin')}</legend>
          <p className="muted">{a('againAdmin', { email: again.adminEmail })}</p>
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t('sectionAdmin')}</legend>
          <div className="form-grid">
            <Field label={t('adminName')} error={error('admin.name')}>
              {(p) => <input {...p} {...bind('admin.name')} required autoComplete="name" />}
            </Field>
            <Field label={t('adminEmail')} error={error('admin.email')}>
              {(p) => (
                <input {...p} {...bind('admin.email')} type="email" required autoComplete="email" />
              )}
            </Field>
            <Field
              label={t('adminPassword')}
              error={error('admin.password')}
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
      )}
      <fieldset>
        <legend>{a('consentTitle')}</legend>
        <div className={`field consent${error('consent') ? ' field-invalid' : ''}`}>
          <label className="check">
            <input
              type="checkbox"
              name="consent"
              checked={consent.value === 'yes'}
              onChange={(e) =>
                consent.onChange({ target: { value: e.target.checked ? 'yes' : '' } })
              }
              aria-invalid={Boolean(error('consent'))}
              aria-describedby={error('consent') ? 'consent-error' : undefined}
              required
            />
            <span>{a('consentLabel')}</span>
          </label>
          {error('consent') && (
            <span className="field-error" id="consent-error">
              {error('consent')}
            </span>
          )}
        </div>
      </fieldset>
    </>
  );
}
