import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import type { Application, Organisation } from '../shell/types.ts';
import { useProblemText } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { Decide } from './AdmissionDecision.tsx';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { registryDict } from './dict.ts';
import { kindColours, regionName, useLabels } from './labels.ts';
import { orgName } from './names.ts';

/** One application: who applies, the contact, the figures and identifiers, and the decision. */
export function ApplicationCard({
  application: a,
  listed,
  onDone,
}: {
  application: Application;
  /** the organisation as the public list has it (applicants are not there) */
  listed: Organisation | undefined;
  onDone: (message: string) => void;
}) {
  const t = useT(registryDict);
  const at = useT(applicantDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const problemText = useProblemText();
  // the operator may read an applicant; the list of organisations shows members only
  const fetched = useResource(listed ? null : () => registryApi.organisation(a.organisationId), [
    listed ? null : a.organisationId,
  ]);
  const o = listed ?? fetched.data;
  // the first site the applicant gave (hidden from the directory until admitted)
  const sites = useResource(
    () => registryApi.organisationSites(a.organisationId),
    [a.organisationId],
  );
  const firstSite = sites.data?.find((s) => !s.closedOn);
  const name = o ? orgName(o, locale) : a.organisationName;
  return (
    <article className="card application" data-testid="application">
      <header className="application-head">
        <div>
          <h2 className="card-title">
            <a href={href('participants', a.organisationId)}>{name}</a>
          </h2>
          {o && (
            <div className="tags">
              <span className="kind">
                <span className="dot" style={{ background: kindColours[o.kind] }} />
                {labels.kind(o.kind)}
              </span>
              <span className="muted">{regionName(o.region, locale)}</span>
              {locale === 'en' && o.nameEn && o.name !== o.nameEn && (
                <span className="muted" lang="ru">
                  {o.name}
                </span>
              )}
            </div>
          )}
        </div>
        <dl className="facts compact">
          <div>
            <dt>{t('requestedRole')}</dt>
            <dd>
              <span className={`badge role-${a.requestedRole}`}>
                {labels.role(a.requestedRole)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('submittedAt')}</dt>
            <dd>{fmt.dateTime(a.submittedAt)}</dd>
          </div>
          {a.decidedAt && (
            <div>
              <dt>{t('decidedAt')}</dt>
              <dd>{fmt.dateTime(a.decidedAt)}</dd>
            </div>
          )}
          {a.grantedRole && (
            <div>
              <dt>{at('grantedRole')}</dt>
              <dd data-testid="granted-role">
                <span className={`badge role-${a.grantedRole}`}>{labels.role(a.grantedRole)}</span>
              </dd>
            </div>
          )}
        </dl>
      </header>
      <div className="application-body">
        <section aria-label={t('adContact')}>
          <h3 className="subtitle">{t('adContact')}</h3>
          <dl className="facts compact" data-testid="application-contact">
            <div>
              <dt>{t('adminName')}</dt>
              <dd>{a.contactName ?? <span className="muted">—</span>}</dd>
            </div>
            <div>
              <dt>{t('adminEmail')}</dt>
              <dd>
                {a.contactEmail ? (
                  <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
                ) : (
                  <span className="muted">—</span>
                )}
              </dd>
            </div>
            {a.consentedAt && (
              <div>
                <dt>{at('consentedAt')}</dt>
                <dd>{fmt.dateTime(a.consentedAt)}</dd>
              </div>
            )}
            <div>
              <dt>{at('firstSite')}</dt>
              <dd data-testid="application-site">
                {firstSite ? (
                  `${firstSite.name} · ${labels.siteKind(firstSite.kind)} · ${labels.agglomeration(firstSite.agglomeration)}`
                ) : (
                  <span className="muted">{at('noFirstSite')}</span>
                )}
              </dd>
            </div>
          </dl>
        </section>
        <section aria-label={t('identifiers')}>
          <h3 className="subtitle">{t('identifiers')}</h3>
          {o ? (
            <dl className="facts compact" data-testid="application-identifiers">
              <div>
                <dt>{t('inn')}</dt>
                <dd className="mono">{o.inn}</dd>
              </div>
              <div>
                <dt>{t('ogrn')}</dt>
                <dd className="mono">{o.ogrn}</dd>
              </div>
              {o.kpp && (
                <div>
                  <dt>{t('kpp')}</dt>
                  <dd className="mono">{o.kpp}</dd>
                </div>
              )}
              <div>
                <dt>{t('okved')}</dt>
                <dd className="mono">{o.okved}</dd>
              </div>
              <div>
                <dt>{t('vatRegime')}</dt>
                <dd>{labels.vatRegime(o.vatRegime)}</dd>
              </div>
              {o.website && (
                <div>
                  <dt>{t('website')}</dt>
                  <dd>{o.website}</dd>
                </div>
              )}
            </dl>
          ) : fetched.error ? (
            <p className="muted small">{problemText(fetched.error)}</p>
          ) : (
            <p className="muted small">{t('adLoadingOrg')}</p>
          )}
        </section>
        <section aria-label={t('figures')}>
          <h3 className="subtitle">{t('figures')}</h3>
          {o ? (
            <dl className="facts compact" data-testid="application-figures">
              <div>
                <dt>{t('employees')}</dt>
                <dd>{fmt.integer(o.employees)}</dd>
              </div>
              <div>
                <dt>{t('knowledgeWorkers')}</dt>
                <dd>{fmt.integer(o.knowledgeWorkers)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted small">{t('adLoadingOrg')}</p>
          )}
        </section>
      </div>
      <div className="application-text">
        <h3 className="subtitle">{t('motivation')}</h3>
        {a.motivation ? (
          <p className="description">{a.motivation}</p>
        ) : (
          <p className="muted small">{t('adNoMotivation')}</p>
        )}
        {o?.description && (
          <details>
            <summary>{t('about')}</summary>
            <p className="description">{o.description}</p>
          </details>
        )}
      </div>
      {a.decisionNote && (
        <p className="note">
          {t('decisionNote')}: {a.decisionNote}
        </p>
      )}
      {a.status === 'pending' && <Decide application={a} name={name} onDone={onDone} />}
    </article>
  );
}
