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
import { Fact, FactsSection } from './Facts.tsx';
import { useLabels } from './labels.ts';

type Duplicates = Awaited<ReturnType<typeof registryApi.duplicateApplications>>;
/** What a repeated application repeats, as the API names it. */
type Repeat = Duplicates[number]['repeats'][number];

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
            <FactsSection title={a('dupSection')}>
              <dl className="facts compact">
                <Fact label={a('dupRepeats')} testId="duplicate-repeats">
                  {d.repeats.map((r) => repeatWord[r]).join(', ')}
                </Fact>
                <Fact label={a('dupHeldBy')} testId="duplicate-existing">
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
                </Fact>
              </dl>
            </FactsSection>
            <FactsSection title={t('adContact')}>
              <dl className="facts compact">
                <Fact label={t('adminName')}>{d.contactName}</Fact>
                <Fact label={t('adminEmail')}>
                  <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a>
                </Fact>
              </dl>
            </FactsSection>
            <FactsSection title={t('identifiers')}>
              <dl className="facts compact">
                <Fact label={t('inn')} mono>
                  {d.inn}
                </Fact>
                <Fact label={t('ogrn')} mono>
                  {d.ogrn}
                </Fact>
              </dl>
            </FactsSection>
          </div>
          {d.motivation && <p>{d.motivation}</p>}
        </article>
      ))}
    </div>
  );
}
