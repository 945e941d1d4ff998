import { useFormat, useLocale, useT, type Wording } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import type { Application, Organisation } from '../shell/types.ts';
import { useProblemText } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { Decide } from './AdmissionDecision.tsx';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { registryDict } from './dict.ts';
import { Fact, FactsSection } from './Facts.tsx';
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
  onDone: (message: Wording) => void;
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
        <FactsSection title={t('adContact')}>
          <dl className="facts compact" data-testid="application-contact">
            <Fact label={t('adminName')}>{a.contactName ?? <span className="muted">—</span>}</Fact>
            <Fact label={t('adminEmail')}>
              {a.contactEmail ? (
                <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
              ) : (
                <span className="muted">—</span>
              )}
            </Fact>
            {a.consentedAt && <Fact label={at('consentedAt')}>{fmt.dateTime(a.consentedAt)}</Fact>}
            <Fact label={at('firstSite')} testId="application-site">
              {firstSite ? (
                `${firstSite.name} · ${labels.siteKind(firstSite.kind)} · ${labels.agglomeration(firstSite.agglomeration)}`
              ) : (
                <span className="muted">{at('noFirstSite')}</span>
              )}
            </Fact>
          </dl>
        </FactsSection>
        <FactsSection title={t('identifiers')}>
          {o ? (
            <dl className="facts compact" data-testid="application-identifiers">
              <Fact label={t('inn')} mono>
                {o.inn}
              </Fact>
              <Fact label={t('ogrn')} mono>
                {o.ogrn}
              </Fact>
              {o.kpp && (
                <Fact label={t('kpp')} mono>
                  {o.kpp}
                </Fact>
              )}
              <Fact label={t('okved')} mono>
                {o.okved}
              </Fact>
              <Fact label={t('vatRegime')}>{labels.vatRegime(o.vatRegime)}</Fact>
              {o.website && <Fact label={t('website')}>{o.website}</Fact>}
            </dl>
          ) : fetched.error ? (
            <p className="muted small">{problemText(fetched.error)}</p>
          ) : (
            <p className="muted small">{t('adLoadingOrg')}</p>
          )}
        </FactsSection>
        <FactsSection title={t('figures')}>
          {o ? (
            <dl className="facts compact" data-testid="application-figures">
              <Fact label={t('employees')}>{fmt.integer(o.employees)}</Fact>
              <Fact label={t('knowledgeWorkers')}>{fmt.integer(o.knowledgeWorkers)}</Fact>
            </dl>
          ) : (
            <p className="muted small">{t('adLoadingOrg')}</p>
          )}
        </FactsSection>
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
