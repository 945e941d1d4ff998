// One knowledge asset, expertise profile or R&D project, as the viewer may see it.
import { useCallback, useState } from 'react';
import { useTaxonomy } from '../exchange/taxonomy.ts';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { useOrgNames } from '../registry/useOrgNames.ts';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { knowledgeApi } from './api.ts';
import { knowledgeDict } from './dict.ts';
import { HelpPanel } from './HelpPanel.tsx';
import { RankedOpenings } from './PotentialPage.tsx';
import { useCompetenceName } from './useCompetenceName.ts';

const pick = (locale: string, ru?: string | null, en?: string | null) =>
  (locale === 'en' ? (en ?? ru) : (ru ?? en)) ?? '';

function Back() {
  const t = useT(knowledgeDict);
  return (
    <a className="back-link" href={href('knowledge')}>
      {t('backToSearch')}
    </a>
  );
}

function Ask({
  label,
  done,
  call,
  holder,
}: {
  label: string;
  done: string;
  call: () => Promise<unknown>;
  /** the organisation that holds the record: its own people need not ask through the cluster */
  holder: string;
}) {
  const t = useT(knowledgeDict);
  const { user } = useSession();
  const { busy, error, run } = useSubmission();
  const [sent, setSent] = useStateFlag();
  if (!user) return null;
  if (user.organisationId === holder)
    return (
      <p className="muted small" data-testid="own-record">
        {t('ownRecord')}
      </p>
    );
  return (
    <div className="stack">
      <FormError error={error} />
      {sent ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await call();
              setSent();
            })
          }
        >
          {label}
        </button>
      )}
    </div>
  );
}

function useStateFlag(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  return [on, useCallback(() => setOn(true), [])];
}

export function AssetPage({ id }: { id: string }) {
  const t = useT(knowledgeDict);
  const { locale } = useLocale();
  const asset = useResource(() => knowledgeApi.asset(id), [id]);
  const taxonomy = useTaxonomy().data;
  if (asset.error)
    return (
      <>
        <Back />
        <ErrorState error={asset.error} onRetry={asset.reload} />
      </>
    );
  if (!asset.data) return <Loading />;
  const a = asset.data;
  return (
    <>
      <Back />
      <div className="page-header">
        <div>
          <h1 data-testid="asset-title">{pick(locale, a.titleRu, a.titleEn)}</h1>
          <div className="tags">
            <span className="badge">{t(`assetType:${a.type}`)}</span>
            <span className="badge">{t('trl', { trl: a.trl })}</span>
            <span className="badge">{t(`vis:${a.visibility}`)}</span>
            <span className="muted small">{t('views', { n: a.views })}</span>
          </div>
        </div>
      </div>
      <div className="card stack">
        <p className="description">{pick(locale, a.textRu, a.textEn)}</p>
        <dl className="facts">
          <dt>{t('owner')}</dt>
          <dd>
            <a href={href('participants', a.organisationId)}>
              {pick(locale, a.organisationName, a.organisationNameEn) || a.organisationId}
            </a>
          </dd>
          {a.authors.length > 0 && (
            <>
              <dt>{t('authors')}</dt>
              <dd data-testid="asset-authors">
                {(locale === 'en' && a.authorsEn?.length ? a.authorsEn : a.authors).join(', ')}
              </dd>
            </>
          )}
          {a.materialIds.length > 0 && (
            <>
              <dt>{t('materials')}</dt>
              <dd data-testid="asset-materials">
                {a.materialIds.map((m) => taxonomy?.materialName(m) ?? m).join(', ')}
              </dd>
            </>
          )}
          {a.processIds.length > 0 && (
            <>
              <dt>{t('processes')}</dt>
              <dd data-testid="asset-processes">
                {a.processIds.map((u) => taxonomy?.nameOfUse(u) ?? u).join(', ')}
              </dd>
            </>
          )}
          {a.licenceTerms && (
            <>
              <dt>{t('licence')}</dt>
              <dd data-testid="asset-licence">{pick(locale, a.licenceTerms, a.licenceTermsEn)}</dd>
            </>
          )}
        </dl>
        <Ask
          label={t('requestAsset')}
          done={t('requested')}
          call={() => knowledgeApi.requestAsset(a.id)}
          holder={a.organisationId}
        />
      </div>
    </>
  );
}

export function ProfilePage({ id }: { id: string }) {
  const t = useT(knowledgeDict);
  const { locale } = useLocale();
  const profile = useResource(() => knowledgeApi.profile(id), [id]);
  const name = useCompetenceName();
  if (profile.error)
    return (
      <>
        <Back />
        <ErrorState error={profile.error} onRetry={profile.reload} />
      </>
    );
  if (!profile.data) return <Loading />;
  const p = profile.data;
  return (
    <>
      <Back />
      <div className="page-header">
        <div>
          <h1>{pick(locale, p.personName, p.personNameEn)}</h1>
          <p className="lead">
            {pick(locale, p.position, p.positionEn)} ·{' '}
            <a href={href('participants', p.organisationId)}>
              {pick(locale, p.organisationName, p.organisationNameEn) || p.organisationId}
            </a>
          </p>
        </div>
      </div>
      <div className="card stack">
        <h2 className="card-title">{t('competences')}</h2>
        <ul>
          {p.competences.map((c) => (
            <li key={c.competence}>
              {name(c.competence)} — {t('level', { level: c.level })}
            </li>
          ))}
        </ul>
        {(p.aboutRu || p.aboutEn) && <p>{pick(locale, p.aboutRu, p.aboutEn)}</p>}
        <p className="muted small">{t('contactNote')}</p>
        <Ask
          label={t('consult')}
          done={t('consultSent')}
          call={() => knowledgeApi.consult(p.id)}
          holder={p.organisationId}
        />
      </div>
      <DevelopmentPanel profileId={p.id} />
    </>
  );
}

export function ProjectPage({ id }: { id: string }) {
  const t = useT(knowledgeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const project = useResource(() => knowledgeApi.project(id), [id]);
  const competenceName = useCompetenceName();
  const orgName = useOrgNames().name;
  if (project.error)
    return (
      <>
        <Back />
        <ErrorState error={project.error} onRetry={project.reload} />
      </>
    );
  if (!project.data) return <Loading />;
  const p = project.data;
  return (
    <>
      <Back />
      <div className="page-header">
        <div>
          <h1>{pick(locale, p.titleRu, p.titleEn)}</h1>
          <div className="tags">
            <span className="badge">{t(`status:${p.status}`)}</span>
            <span className="badge">{t(`vis:${p.visibility}`)}</span>
          </div>
        </div>
      </div>
      <div className="card stack">
        {(p.goalRu || p.goalEn) && (
          <p>
            <strong>{t('goal')}:</strong> {pick(locale, p.goalRu, p.goalEn)}
          </p>
        )}
        <dl className="facts">
          <dt>{t('budget')}</dt>
          <dd data-testid="project-budget">
            {p.budgetKopecks === 0 ? t('budgetUnset') : fmt.money(p.budgetKopecks)}
          </dd>
          <dt>{t('participants')}</dt>
          <dd>
            {p.participants.map((x) => (
              <div key={x.organisationId}>
                <a href={href('participants', x.organisationId)}>{orgName(x.organisationId)}</a> —{' '}
                {t(`role:${x.role}`)}
              </div>
            ))}
          </dd>
          {p.competences.length > 0 && (
            <>
              <dt>{t('neededCompetences')}</dt>
              <dd data-testid="project-competences">
                {p.competences.map(competenceName).join(', ')}
              </dd>
            </>
          )}
        </dl>
        {p.stages.length > 0 && (
          <>
            <h2 className="card-title">{t('stages')}</h2>
            <ul>
              {p.stages.map((s) => (
                <li key={`${s.titleRu ?? s.titleEn}`}>
                  {s.done ? '✓ ' : ''}
                  {pick(locale, s.titleRu, s.titleEn)}
                  {s.from && s.to && ` (${fmt.date(s.from)} – ${fmt.date(s.to)})`}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <HelpPanel projectId={p.id} />
    </>
  );
}

/** For one person: what they lack, the courses teaching it, the vacancies they fit. */
function DevelopmentPanel({ profileId }: { profileId: string }) {
  const t = useT(knowledgeDict);
  const { locale } = useLocale();
  const [asked, setAsked] = useState(false);
  const dev = useResource(asked ? () => knowledgeApi.development(profileId) : null, [
    asked,
    profileId,
    locale,
  ]);
  return (
    <section className="card stack" data-testid="development-panel">
      <h2 className="card-title">{t('developmentTitle')}</h2>
      {!asked ? (
        <button
          type="button"
          className="btn"
          onClick={() => setAsked(true)}
          data-testid="ask-development"
        >
          {t('developmentAsk')}
        </button>
      ) : dev.error ? (
        <ErrorState error={dev.error} onRetry={dev.reload} />
      ) : !dev.data ? (
        <Loading />
      ) : (
        <>
          <p>
            {dev.data.missing.length
              ? t('missingList', {
                  list: dev.data.missing
                    .map((m) => `${m.competenceName} (${t('level', { level: m.level })})`)
                    .join('; '),
                })
              : t('missingNone')}
          </p>
          {dev.data.learn.length > 0 && (
            <>
              <h3>{t('learnTitle')}</h3>
              <RankedOpenings rows={dev.data.learn} testId="development-learn" />
            </>
          )}
          {dev.data.apply.length > 0 && (
            <>
              <h3>{t('applyTitle')}</h3>
              <RankedOpenings rows={dev.data.apply} testId="development-apply" />
            </>
          )}
        </>
      )}
    </section>
  );
}
