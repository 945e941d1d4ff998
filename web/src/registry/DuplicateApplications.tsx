// The operator's list of applications that repeat hidden records (F8). Their applicants were
// answered as any other and their status links stay «на рассмотрении», so that no one learns
// from the answer which INN or e-mail is already known; the operator settles them by e-mail.
import { useFormat, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { Empty, ErrorState, Loading } from '../shell/ui.tsx';
import type { Resource } from '../shell/useResource.ts';
import type { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { registryDict } from './dict.ts';
import { useLabels } from './labels.ts';

type Repeat = 'organisation.id' | 'organisation.inn' | 'organisation.ogrn' | 'admin.email';

type Duplicates = Awaited<ReturnType<typeof registryApi.duplicateApplications>>;

/** The list as the queue read it (it counts them on its tab). */
export function DuplicateApplications({ list }: { list: Resource<Duplicates> }) {
  const t = useT(registryDict);
  const a = useT(applicantDict);
  const fmt = useFormat();
  const labels = useLabels();
  const repeatWord: Record<Repeat, string> = {
    'organisation.id': a('dupRepeatsId'),
    'organisation.inn': t('inn'),
    'organisation.ogrn': t('ogrn'),
    'admin.email': t('adminEmail'),
  };
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.length === 0) return <Empty title={a('dupEmpty')}>{a('dupEmptyText')}</Empty>;
  return (
    <div className="stack" data-testid="duplicate-applications">
      <p className="muted">{a('dupLead')}</p>
      {list.data.map((d) => (
        <article className="card application" key={d.seq} data-testid="duplicate-application">
          <header className="application-head">
            <h2 className="card-title">{d.organisationName}</h2>
            <dl className="facts compact">
              <div>
                <dt>{t('submittedAt')}</dt>
                <dd>{fmt.dateTime(d.submittedAt)}</dd>
              </div>
            </dl>
          </header>
          <div className="application-body">
            <section aria-label={a('dupSection')}>
              <h3 className="subtitle">{a('dupSection')}</h3>
              <dl className="facts compact">
                <div>
                  <dt>{a('dupRepeats')}</dt>
                  <dd data-testid="duplicate-repeats">
                    {d.repeats.map((r) => repeatWord[r]).join(', ')}
                  </dd>
                </div>
                <div>
                  <dt>{a('dupHeldBy')}</dt>
                  <dd data-testid="duplicate-existing">
                    {d.existing.length === 0 ? (
                      <span className="muted">{a('dupHeldByNone')}</span>
                    ) : (
                      d.existing.map((x) => (
                        <div key={x.organisationId}>
                          <a href={href('participants', x.organisationId)}>{x.organisationName}</a>{' '}
                          <span className="badge">{labels.status(x.status)}</span>
                        </div>
                      ))
                    )}
                  </dd>
                </div>
              </dl>
            </section>
            <section aria-label={t('adContact')}>
              <h3 className="subtitle">{t('adContact')}</h3>
              <dl className="facts compact">
                <div>
                  <dt>{t('adminName')}</dt>
                  <dd>{d.contactName}</dd>
                </div>
                <div>
                  <dt>{t('adminEmail')}</dt>
                  <dd>
                    <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a>
                  </dd>
                </div>
              </dl>
            </section>
            <section aria-label={t('identifiers')}>
              <h3 className="subtitle">{t('identifiers')}</h3>
              <dl className="facts compact">
                <div>
                  <dt>{t('inn')}</dt>
                  <dd className="mono">{d.inn}</dd>
                </div>
                <div>
                  <dt>{t('ogrn')}</dt>
                  <dd className="mono">{d.ogrn}</dd>
                </div>
              </dl>
            </section>
          </div>
          {d.motivation && <p>{d.motivation}</p>}
        </article>
      ))}
    </div>
  );
}
