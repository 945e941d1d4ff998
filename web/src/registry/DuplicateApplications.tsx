// The operator's list of applications that repeat hidden records (F8). Their applicants were
// answered as any other and their status links stay «на рассмотрении», so that no one learns
// from the answer which INN or e-mail is already known; the operator settles them by e-mail
// and records here how it answered, so that the next operator does not write again.
import { useState } from 'react';
import { DECISION_NOTE_MAX } from '../../../src/registry/limits.ts';
import { useFormat, useT, type Wording, wording } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { Empty, ErrorState, Field, FormError, Loading } from '../shell/ui.tsx';
import type { Resource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { registryDict } from './dict.ts';
import { Fact, FactsSection } from './Facts.tsx';
import { useLabels } from './labels.ts';
import { quoted } from './names.ts';

type Duplicates = Awaited<ReturnType<typeof registryApi.duplicateApplications>>;
/** What a repeated application repeats, as the API names it. */
type Repeat = Duplicates[number]['repeats'][number];

/** The list as the queue read it (it counts those waiting on its tab). */
export function DuplicateApplications({
  list,
  onAnswered,
}: {
  list: Resource<Duplicates>;
  onAnswered: (message: Wording) => void;
}) {
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
            <span
              className={d.answered ? 'badge change-created' : 'badge change-updated'}
              data-testid="duplicate-state"
            >
              {a(d.answered ? 'dupAnswered' : 'dupWaiting')}
            </span>
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
            {d.answered && (
              <FactsSection title={a('dupAnswered')}>
                <dl className="facts compact" data-testid="duplicate-answer">
                  <Fact label={a('dupAnswerNote')}>{d.answered.note}</Fact>
                  <Fact label={a('dupAnsweredWhen')}>
                    {a('dupAnsweredBy', {
                      when: fmt.dateTime(d.answered.at),
                      who: d.answered.by,
                    })}
                  </Fact>
                </dl>
              </FactsSection>
            )}
          </div>
          {d.motivation && <p>{d.motivation}</p>}
          {!d.answered && (
            <AnswerForm
              duplicate={d}
              onDone={() =>
                onAnswered(
                  wording(applicantDict, 'dupMarkedMsg', (locale) => ({
                    name: quoted(d.organisationName, locale),
                  })),
                )
              }
            />
          )}
        </article>
      ))}
    </div>
  );
}

/** How the operator answered the applicant, recorded once (the API refuses a second answer). */
function AnswerForm({ duplicate, onDone }: { duplicate: Duplicates[number]; onDone: () => void }) {
  const a = useT(applicantDict);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const { busy, error, run } = useSubmission();
  return (
    <form
      className="decide"
      data-testid="duplicate-answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) {
          setNoteMissing(true);
          return;
        }
        run(async () => {
          await registryApi.answerDuplicate(duplicate.seq, { note: note.trim() });
          onDone();
        });
      }}
    >
      <FormError error={error} placed={(f) => f === 'note'} />
      <div className="decide-row">
        <Field
          className="grow"
          label={a('dupAnswerNote')}
          error={noteMissing && !note.trim() ? a('dupAnswerNeeded') : error?.fieldErrors().note}
          hint={a('dupAnswerHint')}
        >
          {(props) => (
            <input
              {...props}
              name="note"
              maxLength={DECISION_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <div className="decide-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {a('dupMarkAnswered')}
          </button>
        </div>
      </div>
    </form>
  );
}
