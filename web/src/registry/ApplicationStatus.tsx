import { useFormat, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { ErrorState, Loading, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { useLabels } from './labels.ts';
import './applicant.css';

const badge = {
  pending: 'status-applicant',
  admitted: 'status-member',
  rejected: 'status-rejected',
};

/**
 * #/application/<token>: an applicant's own page, by the link given on submission (no login):
 * where the application stands, the operator's decision and note, and after a rejection the
 * way to apply again.
 */
export function ApplicationStatus({ token }: { token: string }) {
  const t = useT(applicantDict);
  const fmt = useFormat();
  const labels = useLabels();
  const status = useResource(() => registryApi.applicationStatus(token), [token]);
  // a link cut short or mistyped (400) finds nothing, like one that matches no application (404)
  if (status.error?.status === 404 || status.error?.status === 400)
    return (
      <div className="narrow" data-testid="application-status-missing">
        <PageHeader title={t('stNotFound')} lead={t('stNotFoundText')} />
      </div>
    );
  if (status.error) return <ErrorState error={status.error} onRetry={status.reload} />;
  const s = status.data;
  if (!s) return <Loading />;
  const text = {
    pending: t('stPendingText'),
    admitted: t('stAdmittedText'),
    rejected: t('stRejectedText'),
  }[s.status];
  return (
    <div className="narrow">
      <PageHeader title={t('stTitle')} lead={t('stLead')} />
      <section
        className="card application-status"
        data-testid="application-status"
        data-status={s.status}
      >
        <h2 className="card-title">{s.organisationName}</h2>
        <p>
          <span className={`badge status-badge ${badge[s.status]}`} data-testid="status-badge">
            {t(`st:${s.status}`)}
          </span>
        </p>
        <p>{s.superseded ? t('stSuperseded') : text}</p>
        <dl className="facts">
          <div>
            <dt>{t('stSubmitted')}</dt>
            <dd>{fmt.dateTime(s.submittedAt)}</dd>
          </div>
          {s.decidedAt && (
            <div>
              <dt>{t('stDecided')}</dt>
              <dd data-testid="status-decided">{fmt.dateTime(s.decidedAt)}</dd>
            </div>
          )}
          {s.grantedRole && (
            <div>
              <dt>{t('stRole')}</dt>
              <dd>{labels.role(s.grantedRole)}</dd>
            </div>
          )}
          {s.status !== 'pending' && (
            <div>
              <dt>{t('stNote')}</dt>
              <dd data-testid="status-note">
                {s.decisionNote ?? <span className="muted">{t('stNoNote')}</span>}
              </dd>
            </div>
          )}
        </dl>
        <div className="actions">
          {s.reapply && (
            <a
              className="btn btn-primary"
              href={href('application', token, 'again')}
              data-testid="apply-again"
            >
              {t('stAgain')}
            </a>
          )}
          {s.status === 'admitted' && (
            // a new member starts on its organisation's page (profile, sites, people)
            <a
              className="btn btn-primary"
              href={`${href('login')}?next=${encodeURIComponent(href('organisation'))}`}
              data-testid="status-login"
            >
              {t('stLogin')}
            </a>
          )}
        </div>
      </section>
    </div>
  );
}
